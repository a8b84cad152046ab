-- wrk script for bench/newsroom.py: each request is a path drawn at random from a file (one per
-- line, repeated as often as readers ask for it), and the X-Page-Cache header of each answer is
-- counted. Prints the figures as one JSON line at the end.
local paths = {}
local threads = {}
-- Numbers, not a table: wrk copies only plain values between a thread and done().
hit, miss, stale, none = 0, 0, 0, 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  math.randomseed(tonumber(args[2] or "1") + os.time())
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  local state = headers["X-Page-Cache"] or headers["x-page-cache"]
  if state == "hit" then hit = hit + 1
  elseif state == "miss" then miss = miss + 1
  elseif state == "stale" then stale = stale + 1
  else none = none + 1 end
end

function done(summary, latency, requests)
  local total = {hit = 0, miss = 0, stale = 0, none = 0}
  for _, thread in ipairs(threads) do
    for key, _ in pairs(total) do total[key] = total[key] + thread:get(key) end
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "rps": %.2f, "p50_ms": %.3f, "p95_ms": %.3f, ' ..
    '"p99_ms": %.3f, "max_ms": %.3f, "errors": {"connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d}, "cache": {"hit": %d, "miss": %d, "stale": %d, "none": %d}}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout,
    total.hit, total.miss, total.stale, total.none))
end
