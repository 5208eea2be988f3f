-- wrk script: like share-pages.lua, but each connection waits $DELAY_MS between requests, so C connections offer
-- about C * 1000 / (DELAY_MS + latency) requests per second: a paced load (wrk has no fixed-rate mode; wrk2 is not
-- packaged here). Latency is per request as wrk measures it, not from an intended start time.
-- FIXED_PATH (for example /api/ping) asks for that one path every time: the same pacing on the trivial route.
local fixed = os.getenv("FIXED_PATH")
if fixed == "" then
  fixed = nil
end
local ids = {}
if not fixed then
  for line in io.lines(os.getenv("IDS_FILE")) do
    ids[#ids + 1] = line
  end
end
local accept = os.getenv("ACCEPT") or "text/html"
local pause = tonumber(os.getenv("DELAY_MS") or "10")
-- /c/ for stored clips' ids; /e/ for stateless links ("<episode>?t=60,90").
local prefix = os.getenv("PATH_PREFIX") or "/c/"
math.randomseed(7)

request = function()
  if fixed then
    return wrk.format("GET", fixed, { ["Accept"] = accept })
  end
  return wrk.format("GET", prefix .. ids[math.random(#ids)], { ["Accept"] = accept })
end

delay = function()
  return pause
end
