#!/usr/bin/env bash
# Two dossier-server builds on one path, alternating, round by round: requests per second and the
# server's CPU time per request (utime+stime from /proc over the run, divided by the requests
# wrk completed). For before/after figures of a change on the hot path; the CPU per request is
# steadier than the rate when wrk and the server share two cores.
#
#   Tests/Benchmarks/compare_builds.sh OLD_BINARY NEW_BINARY [PATH]
#
# Environment: CONNECTIONS (64), SECONDS_PER_RUN (6), ROUNDS (10). Each binary runs from the
# checkout it was built in (three directories up: Public/ and openapi.yaml come from there), on a
# free port, with --quiet. Needs wrk and python3. Prints one line a run, then the medians.
set -euo pipefail
old=$1 new=$2 path=${3:-/api/v1/dossiers/23292/werkprocessen/B1-K1-W1}
connections=${CONNECTIONS:-64} seconds=${SECONDS_PER_RUN:-6} rounds=${ROUNDS:-10}
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

threads=2; [ "$connections" = 1 ] && threads=1
declare -A port pid
for name in old new; do
  binary=${!name}
  (cd "$(dirname "$(dirname "$(dirname "$binary")")")" &&
    exec "$binary" --host 127.0.0.1 --port 0 --quiet </dev/null >/dev/null 2>"$work/$name.log") &
  pid[$name]=$!
  pids+=("${pid[$name]}")
  for _ in $(seq 600); do grep -qs 'rendered' "$work/$name.log" && break; sleep 0.05; done
  port[$name]=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/$name.log" | head -1)
  [ -n "${port[$name]}" ] || { echo "$name did not start:" >&2; cat "$work/$name.log" >&2; exit 1; }
  wrk -t$threads -c"$connections" -d2s "http://127.0.0.1:${port[$name]}$path" >/dev/null
done

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for round in $(seq "$rounds"); do
  for name in old new; do
    before=$(cpu "${pid[$name]}")
    out=$(wrk -t$threads -c"$connections" -d"${seconds}s" "http://127.0.0.1:${port[$name]}$path")
    after=$(cpu "${pid[$name]}")
    requests=$(awk '/requests in/{print $1}' <<<"$out")
    rate=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    errors=$(grep -c 'Socket errors\|Non-2xx' <<<"$out" || true)
    echo "round=$round $name rps=$rate cpu_us_per_request=$(python3 -c "print(round(($after - $before) / $ticks * 1e6 / $requests, 2))") error_lines=$errors"
  done
done | tee "$work/runs.txt"

python3 - "$work/runs.txt" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    m = re.match(r"round=\d+ (\w+) rps=([\d.]+) cpu_us_per_request=([\d.]+)", line)
    if m:
        runs.setdefault(m[1], []).append((float(m[2]), float(m[3])))
for name in ("old", "new"):
    rates, cpus = zip(*runs[name])
    print(f"{name}: median {statistics.median(rates):,.0f} req/s (min {min(rates):,.0f}, max {max(rates):,.0f}), "
          f"median {statistics.median(cpus):.2f} us of server CPU per request")
ratios = [n[0] / o[0] for o, n in zip(runs["old"], runs["new"])]
print(f"new/old, round by round: median {statistics.median(ratios):.3f} ({', '.join(f'{r:.2f}' for r in ratios)})")
PY
