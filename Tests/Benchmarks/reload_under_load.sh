#!/usr/bin/env bash
# A reload under load: wrk keeps 64 keep-alive connections busy for 20 s against a release
# dossier-server while the script sends SIGHUP every second, alternating the --data file
# between two versions so that every reload swaps in different bytes. Prints wrk's request
# and error counts, the server's reload lines and /metrics once in the middle of the run.
#
#   Tests/Benchmarks/reload_under_load.sh                 # 20 s, 64 connections
#   DURATION=10 CONNECTIONS=64 Tests/Benchmarks/reload_under_load.sh
#   BINARY=.build/release/dossier-server Tests/Benchmarks/reload_under_load.sh   # no build
#
# Fails (exit 1) if wrk saw any socket error or non-2xx answer, or a reload failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${DURATION:-20}
connections=${CONNECTIONS:-64}
if [[ -z ${BINARY:-} ]]; then
    swift build -c release --product dossier-server >&2
    BINARY="$(swift build -c release --show-bin-path)/dossier-server"
fi

work=$(mktemp -d)
server=""
cleanup() {
    if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server"
        wait "$server" || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

fixture=Tests/DossierTests/Fixtures/2755-dienstverlening.xml
mkdir "$work/data"
cp "$fixture" "$work/original.xml"
sed 's|<dossier nr="2755" titel="Dienstverlening"|<dossier nr="2755" titel="Dienstverlening (herzien)"|' \
    "$fixture" >"$work/revised.xml"
cp "$work/original.xml" "$work/data/2755-dienstverlening.xml"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BINARY" --host 127.0.0.1 --port "$port" --quiet --data "$work/data" 2>"$work/stderr.log" &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do
    curl -fs "$base/healthz" >/dev/null && break
    sleep 0.1
done
curl -fs "$base/healthz" >/dev/null

# The requests rotate over a large dossier, the entry point and the health check.
cat >"$work/paths.lua" <<'EOF'
local paths = { "/api/v1/dossiers/23189", "/api/v1", "/healthz", "/api/v1/dossiers/23292" }
local index = 0
request = function()
    index = index % #paths + 1
    return wrk.format("GET", paths[index])
end
EOF

echo "wrk -t 2 -c $connections -d ${duration}s against $base, SIGHUP every second"
wrk -t 2 -c "$connections" -d "${duration}s" -s "$work/paths.lua" "$base" >"$work/wrk.txt" 2>&1 &
load=$!
for second in $(seq 1 $((duration - 1))); do
    sleep 1
    if ((second % 2)); then
        cp "$work/revised.xml" "$work/next.xml"
    else
        cp "$work/original.xml" "$work/next.xml"
    fi
    # A rename (on the same file system, from outside the data directory, which a reload
    # lists), so a reload never reads half a file.
    mv "$work/next.xml" "$work/data/2755-dienstverlening.xml"
    kill -HUP "$server"
    if ((second == duration / 2)); then
        echo "--- /metrics after $second s (reloads, data version, dossier requests):"
        curl -fs "$base/metrics" | grep -E '^(dossier_server_|http_requests_total\{method="GET",route="/api/v1/dossiers/\{crebo\}")'
    fi
done
wait "$load"
# Let the last reload finish: every "reloading" line has its "reloaded" or "failed" line.
for _ in $(seq 300); do
    started=$(grep -c 'SIGHUP: reloading' "$work/stderr.log" || true)
    ended=$(grep -cE 'reloaded in|reload failed' "$work/stderr.log" || true)
    ((started == ended)) && break
    sleep 0.1
done

echo "--- wrk:"
cat "$work/wrk.txt"
requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
socket_errors=$(awk -F'[ ,]+' '/Socket errors/ { print $5 + $7 + $9 + $11 }' "$work/wrk.txt")
non_2xx=$(awk '/Non-2xx/ { print $NF }' "$work/wrk.txt")
reloaded=$(grep -c 'reloaded in' "$work/stderr.log" || true)
failed=$(grep -c 'reload failed' "$work/stderr.log" || true)
echo "--- server:"
grep -E 'reloaded in|reload failed' "$work/stderr.log" | tail -n 3
echo "--- summary: requests ${requests:-0}, socket errors ${socket_errors:-0}, non-2xx ${non_2xx:-0}," \
    "reloads ok $reloaded, reloads failed $failed"
if ((${socket_errors:-0} + ${non_2xx:-0} + failed > 0)); then
    exit 1
fi
