-- wrk script: prints one machine-readable line when the run is done, for the harness.
-- Without a request() or response() hook wrk keeps its fast path (no Lua per request).
-- Latencies are in microseconds. wrk counts as a status error every response >= 400.

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK-REPORT requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
    "connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end
