-- wrk script: GET a path chosen at random per request from the lines of $PATHS_FILE (already URL-encoded), as a
-- browser asks for a page (Accept: $ACCEPT, by default text/html). With $DELAY_MS set, each connection waits that
-- long between requests: the paced load of share-pages-paced.lua (C connections offer about
-- C * 1000 / (DELAY_MS + latency) requests/s).
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end
local accept = os.getenv("ACCEPT") or "text/html"
local pause = tonumber(os.getenv("DELAY_MS") or "")
math.randomseed(7)

request = function()
  return wrk.format("GET", paths[math.random(#paths)], { ["Accept"] = accept })
end

if pause then
  delay = function()
    return pause
  end
end

-- With $REQUESTS set (for one thread, -t1), the run ends after that many answers, so it serves a fixed count rather
-- than lasting a fixed time: wrk itself only ends at its -d, so the script prints its own line ("answered N, non-2xx
-- M") and ends the process then; wrk's summary is not printed.
local limit = tonumber(os.getenv("REQUESTS") or "")
if limit then
  local answered, failed = 0, 0
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
end
