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
