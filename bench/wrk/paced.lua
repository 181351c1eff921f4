-- Page reads at a reader's pace: each connection waits BENCH_PAUSE_MS (milliseconds) before each request, so the
-- latency is the server's time to answer and not a queue that wrk itself builds; counts 5xx answers. Used by the
-- login flood, whose page reads must keep their latency while the logins run.
dofile(os.getenv("BENCH_SCRIPTS") .. "/report.lua")

local pause = tonumber(os.getenv("BENCH_PAUSE_MS") or "20")

function init(args)
  server_errors = 0
end

function delay()
  return pause
end

function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end
