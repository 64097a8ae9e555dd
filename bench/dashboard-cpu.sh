#!/usr/bin/env bash
# Server CPU and wall time per request of the dashboard's overview, on a warm `sitrep serve` (no ETag sent):
# CPU time is the server process's own (utime + stime), so it says more than wall time on a shared machine.
# Usage (after dotnet build Sitrep.slnx -c Release): bash bench/dashboard-cpu.sh STORE.db [REQUESTS-PER-QUERY=5]
# (docs/DASHBOARD.md, "A million events"). The store: bench/Sitrep.StoreLoad seed STORE.db 1000000.
set -u
db=$(realpath "$1")
cd "$(dirname "$0")/.."
S=src/Sitrep.Cli/bin/Release/net10.0/sitrep
port=5391
$S serve --db "$db" --urls "http://127.0.0.1:$port" > "${TMPDIR:-/tmp}/sitrep-dashboard-cpu.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/countries" >/dev/null && break; sleep 0.3; done
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
# Warm-up: the digest (read at start) and SQLite's pages.
t0=$(date +%s.%N)
curl -sf "http://127.0.0.1:$port/api/clusters?zoom=2&view=-180,-85,180,85" > /dev/null
echo "first clusters after start: $(echo "$(date +%s.%N) - $t0" | bc) s"
n=${2:-5}
for path in "api/clusters?zoom=2&view=-180,-85,180,85" "api/clusters?zoom=5&view=-10,-10,60,40" "api/timeline?bucket=day" "api/events?limit=25&offset=0" "api/stats" "api/countries" \
            "api/clusters?zoom=2&view=-180,-85,180,85&country=SDN" "api/stats?country=SDN" "api/timeline?bucket=day&country=SDN" \
            "api/clusters?zoom=2&view=-180,-85,180,85&minRelevance=0.9" "api/stats?minRelevance=0.9"; do
  curl -sf "http://127.0.0.1:$port/$path" > /dev/null   # warm this query once
  c0=$(cpu); t0=$(date +%s.%N)
  for i in $(seq 1 $n); do curl -sf "http://127.0.0.1:$port/$path" > /dev/null; done
  c1=$(cpu); t1=$(date +%s.%N)
  printf "%-60s cpu %6.0f ms  wall %6.0f ms per request\n" "$path" "$(echo "($c1 - $c0) * 10 / $n" | bc -l)" "$(echo "($t1 - $t0) * 1000 / $n" | bc -l)"
done
