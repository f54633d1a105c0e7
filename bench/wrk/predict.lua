-- wrk script of bench/serve: POSTs the bodies of a file (one JSON body per line), cycling through them, and
-- counts every answer that is not 2xx (wrk's own "Non-2xx" line leaves out 3xx).
--
--   wrk -t1 -c8 -d10s --latency -s bench/wrk/predict.lua http://127.0.0.1:PORT/v1/models/NAME:predict -- BODIES
--
-- done() prints one line for bench/serve to parse:
--   RESULT requests=N seconds=S non2xx=N socket_errors=N p50_ms=X p99_ms=X max_ms=X
-- Each wrk thread runs this file in its own Lua state: setup() keeps the threads so that done() can sum their
-- counters.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  local file = args[1]
  if file == nil then
    error("predict.lua: no body file; pass it after --, e.g. wrk ... URL -- bodies.jsonl")
  end
  local f, why = io.open(file, "r")
  if f == nil then
    error("predict.lua: " .. why)
  end
  requests = {}
  for line in f:lines() do
    if line ~= "" then
      table.insert(requests, wrk.format("POST", nil, {["Content-Type"] = "application/json"}, line))
    end
  end
  f:close()
  if #requests == 0 then
    error("predict.lua: " .. file .. " holds no body; expected one JSON body per line")
  end
  -- Threads start at different bodies, so that they do not send the same texts at the same time.
  next_request = (id or 0) % #requests
  non2xx = 0
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if non2xx == 1 then
      io.stderr:write("predict.lua: first non-2xx answer: " .. status .. " " .. string.sub(body or "", 1, 200) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f non2xx=%d socket_errors=%d p50_ms=%.3f p99_ms=%.3f max_ms=%.3f\n",
    summary.requests, summary.duration / 1e6, bad, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
