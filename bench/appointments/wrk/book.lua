-- wrk script for bench/appointments: POST /v1/bookings on behalf of a new person every request (partner token),
-- round-robin over the slot starts in $BENCH_SLOTS (one ISO instant per line). Counts answers per status.
-- Environment: BENCH_TOKEN (partner JWT), BENCH_OFFICE, BENCH_SERVICE, BENCH_SLOTS (file), BENCH_RUN (a run tag).
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  office = os.getenv("BENCH_OFFICE")
  service = os.getenv("BENCH_SERVICE")
  token = os.getenv("BENCH_TOKEN")
  run = os.getenv("BENCH_RUN")
  slots = {}
  for line in io.lines(os.getenv("BENCH_SLOTS")) do
    if #line > 0 then slots[#slots + 1] = line end
  end
  counter = 0
  statuses = {}
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

function request()
  counter = counter + 1
  local slot = slots[((counter + id * 7919) % #slots) + 1]
  local body = string.format('{"officeId":"%s","serviceCode":"%s","startsAt":"%s","personId":"%s-%d-%d"}',
    office, service, slot, run, id, counter)
  return wrk.format("POST", "/v1/bookings", headers, body)
end

function response(status, hdrs, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do total[k] = (total[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(total) do parts[#parts + 1] = k .. "=" .. v end
  table.sort(parts)
  io.write("STATUSES " .. table.concat(parts, " ") .. "\n")
  io.write(string.format("P99_MS %.2f\n", latency:percentile(99) / 1000))
end
