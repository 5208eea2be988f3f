-- wrk script: GET /c/{id} over the ids in $IDS_FILE, with Accept from $ACCEPT (text/html or application/json).
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do
  ids[#ids + 1] = line
end
local accept = os.getenv("ACCEPT") or "text/html"
math.randomseed(7)

request = function()
  return wrk.format("GET", "/c/" .. ids[math.random(#ids)], { ["Accept"] = accept })
end
