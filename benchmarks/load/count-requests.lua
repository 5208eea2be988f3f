-- wrk script, for one thread (-t1): GET the paths listed in $PATHS_FILE (one per line, picked at random) with Accept
-- from $ACCEPT, and end the run after $REQUESTS answers, so it serves a fixed count rather than lasting a fixed time.
-- wrk itself only ends at its -d, so the script prints its own line ("answered N, non-2xx M") and ends
-- the process then; wrk's summary is not printed.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end
local accept = os.getenv("ACCEPT") or "text/html"
local limit = tonumber(os.getenv("REQUESTS") or "10000")
local answered = 0
local failed = 0
math.randomseed(11)

request = function()
  return wrk.format("GET", paths[math.random(#paths)], { ["Accept"] = accept })
end

response = function(status, headers, body)
  answered = answered + 1
  if status < 200 or status > 299 then
    failed = failed + 1
  end
  if answered == limit then
    io.write(string.format("answered %d, non-2xx %d\n", answered, failed))
    io.flush()
    os.exit(0)
  end
end
