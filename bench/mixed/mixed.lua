-- wrk script: 90% reads (a page of published demands, one demand, a search), 10% creates of a
-- demand by a signed-in organisation member. KC_TOKEN is the member's bearer token, KC_IDS a
-- comma-separated list of published demand ids.
local token = os.getenv("KC_TOKEN")
local ids = {}
for id in string.gmatch(os.getenv("KC_IDS") or "1", "[^,]+") do ids[#ids + 1] = id end
local queries = {"%E9%94%82%E7%94%B5%E6%B1%A0", "%E4%BC%A0%E6%84%9F%E5%99%A8", "%E5%82%AC%E5%8C%96%E5%89%82"}
local body = '{"title":"压测需求 低温锂电池电解液","description":"需要一种在低温环境下保持容量的锂电池电解液配方。",' ..
             '"keywords":["锂电池","电解液"],"category":"工学","region":"440305"}'
local n = 0

request = function()
  n = n + 1
  local r = math.random(100)
  if r <= 10 then
    return wrk.format("POST", "/api/v1/demands",
                      {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
  elseif r <= 40 then
    return wrk.format("GET", "/api/v1/demands?size=20&page=" .. (n % 5 + 1))
  elseif r <= 70 then
    return wrk.format("GET", "/api/v1/demands/" .. ids[math.random(#ids)])
  else
    return wrk.format("GET", "/api/v1/search?type=demand&q=" .. queries[math.random(#queries)])
  end
end

-- KC_DELAY_MS paces each connection (bench/mixed/soak.sh: a bounded load for a long run).
local delay_ms = tonumber(os.getenv("KC_DELAY_MS") or "0")
if delay_ms > 0 then
  delay = function() return delay_ms end
end

-- Answers of 400 and above, counted per thread and printed at the end as "errors N" (wrk's own
-- summary counts only sockets' errors and non-2xx/3xx answers together).
errors = 0
response = function(status)
  if status >= 400 then errors = errors + 1 end
end

local threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function()
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("errors") end
  io.write(string.format("errors %d\n", total))
end
