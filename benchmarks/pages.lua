-- wrk script for `python manage.py benchmark`: signed-in GET requests to the application's
-- pages, one connection per thread (run wrk with -t equal to -c), so that each thread is one
-- user and this script can time each request itself and say which page it was.
--
-- Read from the environment (set by the benchmark command):
--   BENCH_PATHS        "weight path" pairs separated by "|", e.g. "3 /|1 /actions/"
--   BENCH_COOKIES      session keys separated by ",": thread n uses key n (cycling)
--   BENCH_THINK_MS     "min,max" think time between a user's requests; "0,0" for none
--   BENCH_MAX_REQUESTS the most requests a thread sends before it stops (with wrk -d)
--   BENCH_COOKIE_NAME  the session cookie's name (default "sessionid")
--
-- done() prints one line per request, "REQ <path index> <status> <microseconds>", and wrk's
-- own socket error counts, "ERRORS connect read write status timeout"; the command computes
-- the percentiles from these lines.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local timespec = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, timespec) -- CLOCK_MONOTONIC
  return tonumber(timespec.tv_sec) * 1000000 + tonumber(timespec.tv_nsec) / 1000
end

local function split(text, separator)
  local parts = {}
  for part in string.gmatch(text or "", "([^" .. separator .. "]+)") do
    table.insert(parts, part)
  end
  return parts
end

local paths, weights, total_weight = {}, {}, 0
for _, pair in ipairs(split(os.getenv("BENCH_PATHS"), "|")) do
  local weight, path = string.match(pair, "^%s*(%d+)%s+(%S+)%s*$")
  table.insert(paths, path)
  table.insert(weights, tonumber(weight))
  total_weight = total_weight + tonumber(weight)
end
local cookies = split(os.getenv("BENCH_COOKIES"), ",")
local think = split(os.getenv("BENCH_THINK_MS") or "0,0", ",")
local think_min, think_max = tonumber(think[1]), tonumber(think[2])
local max_requests = tonumber(os.getenv("BENCH_MAX_REQUESTS") or "1000000")
local cookie_name = os.getenv("BENCH_COOKIE_NAME") or "sessionid"

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
  table.insert(threads, thread)
end

-- Per thread (each thread has its own Lua state).
local current, started, sent, cookie
log = {}

function init(args)
  math.randomseed(thread_number * 7919 + 17)
  cookie = cookies[((thread_number - 1) % #cookies) + 1]
  sent = 0
end

local function choose()
  local roll = math.random() * total_weight
  for index, weight in ipairs(weights) do
    roll = roll - weight
    if roll <= 0 then
      return index
    end
  end
  return #paths
end

if think_max > 0 then
  local first = true
  function delay()
    if first then
      -- Users arrive spread over the first think time, not all at once.
      first = false
      return math.random(0, think_max)
    end
    return math.random(think_min, think_max)
  end
end

function request()
  current = choose()
  started = now_us()
  return wrk.format("GET", paths[current], { ["Cookie"] = cookie_name .. "=" .. cookie })
end

function response(status, headers, body)
  local elapsed = now_us() - started
  table.insert(log, current .. " " .. status .. " " .. math.floor(elapsed))
  sent = sent + 1
  if sent >= max_requests then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("ERRORS %d %d %d %d %d\n", errors.connect, errors.read, errors.write,
    errors.status, errors.timeout))
  io.write(string.format("DURATION %d\n", summary.duration))
  for _, thread in ipairs(threads) do
    local lines = thread:get("log")
    for _, line in ipairs(lines) do
      io.write("REQ " .. line .. "\n")
    end
  end
end
