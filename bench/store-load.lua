-- wrk script for bench/store-load.sh: /api/events with a mix of the dashboard's queries
-- (first page, filters, text search, deeper pages), and the percentiles wrk's --latency omits.
local paths = {
  "/api/events?limit=25",
  "/api/events?limit=25&country=UKR",
  "/api/events?limit=25&type=Battles",
  "/api/events?limit=25&from=2024-06-01&to=2024-06-30",
  "/api/events?limit=25&status=historical&country=SDN",
  "/api/events?limit=25&text=district42",
  "/api/events?limit=25&offset=5000",
  "/api/events?limit=500&country=MLI&type=Air%2Fdrone%20strike",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
