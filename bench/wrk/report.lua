-- Prints wrk's figures on one line for bench/run: throughput, latency percentiles (ms) and errors.
-- Shared by every wrk script: a script that counts responses sets the per-thread `created`, `other` and
-- `server_errors` (5xx answers).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function bench_report(summary, latency)
  local created, other, server_errors = 0, 0, 0
  for _, t in ipairs(threads) do
    created = created + (t:get("created") or 0)
    other = other + (t:get("other") or 0)
    server_errors = server_errors + (t:get("server_errors") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50=%.3f p90=%.3f p99=%.3f mean=%.3f max=%.3f " ..
    "connect_errors=%d read_errors=%d write_errors=%d timeouts=%d status_errors=%d created=%d other=%d server_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, e.status, created, other, server_errors))
end

done = bench_report
