-- wrk script: replays the search queries of a file (one query string per line), round robin,
-- each thread from its own starting point; prints the harness's report line at the end.
-- Usage: wrk ... -s wrk-queries.lua URL -- QUERY_FILE

local requests = {}
local next_index = 1
local thread_count = 0

setup = function(thread)
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
end

init = function(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      requests[#requests + 1] = wrk.format("GET", "/api/v1/zoeken?" .. line)
    end
  end
  next_index = ((thread_number or 0) * 397) % #requests + 1
end

request = function()
  local request = requests[next_index]
  next_index = next_index % #requests + 1
  return request
end

-- The report line comes from wrk-report.lua beside this file (one definition of its format).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "wrk-report.lua")
