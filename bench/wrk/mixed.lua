-- Workload 5: 95 % page reads (first and deep pages of each sort), 5 % replies, into one thread.
-- BENCH_THREAD, BENCH_TOKEN, BENCH_PARENTS (comma-separated comment ids) and BENCH_READS (paths joined by
-- spaces) come from bench/run.
dofile(os.getenv("BENCH_SCRIPTS") .. "/report.lua")

local thread = os.getenv("BENCH_THREAD")
local token = os.getenv("BENCH_TOKEN")
local parents, reads = {}, {}
for id in string.gmatch(os.getenv("BENCH_PARENTS"), "[^,]+") do table.insert(parents, id) end
for path in string.gmatch(os.getenv("BENCH_READS"), "[^ ]+") do table.insert(reads, path) end
local post_path = "/api/v1/threads/" .. thread .. "/comments"
local post_headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
local counter = 0

function init(args)
  created, other = 0, 0
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
  -- each wrk thread signs its replies, so one author never posts the same text twice (that is refused)
  signature = math.random(1, 1000000000)
end

function request()
  if math.random() < 0.05 then
    counter = counter + 1
    local body = '{"body":"A reply while others read, number ' .. signature .. '-' .. counter ..
      '. The *minister* said troops would never be sent, but [history](https://example.org/history) suggests otherwise."'
    if math.random() < 0.8 then
      body = body .. ',"parentId":"' .. parents[math.random(#parents)] .. '"'
    end
    return wrk.format("POST", post_path, post_headers, body .. "}")
  end
  return wrk.format("GET", reads[math.random(#reads)])
end

function response(status, headers, body)
  if status == 201 then created = created + 1 elseif status >= 300 then other = other + 1 end
end
