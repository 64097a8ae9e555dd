#!/usr/bin/env bash
# Issue 12: the API over a seeded store (bench/Sitrep.StoreLoad seed ...): latency at 1, 8 and 32 clients
# (StoreLoad measure: the dashboard's query mix), then 8 concurrent full exports with the server's peak memory.
# Usage: bash bench/store-scale-api.sh SITREP-BINARY STORELOAD-BINARY "--db FILE"|"--postgres CONNSTR" [SECONDS=20] [EXPORT-SECONDS=120]
set -uo pipefail
sitrep="$1"; load="$2"; store="$3"; seconds="${4:-20}"; export_seconds="${5:-120}"
port=5197
start_server() {
    # shellcheck disable=SC2086
    eval "exec \"$sitrep\" serve $store --urls http://127.0.0.1:$port" > /tmp/store-scale-serve.log 2>&1 &
    server=$!
    for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/api/events?limit=1" >/dev/null && return; sleep 0.2; done
    echo "server did not start"; cat /tmp/store-scale-serve.log; exit 1
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null; }
peak() { grep -E 'VmHWM' "/proc/$server/status" | awk '{printf "%.0f MB", $2/1024}'; }

start_server
for clients in 1 8 32; do
    uptime
    "$load" measure "http://127.0.0.1:$port" "$clients" "$seconds"
done
echo "server peak memory after the latency runs: $(peak)"
stop_server

# Exports: a fresh server, 8 clients each downloading the whole store as JSON Lines at once.
start_server
uptime
echo "server memory before the exports: $(grep VmRSS /proc/$server/status | awk '{printf "%.0f MB", $2/1024}')"
exports=()
for i in $(seq 1 8); do
    curl -s --max-time "$export_seconds" -o /dev/null -w "export $i: %{size_download} bytes in %{time_total} s (%{http_code})\n" "http://127.0.0.1:$port/api/export?format=jsonl" &
    exports+=($!)
done
wait "${exports[@]}"
echo "server peak memory during 8 concurrent exports: $(peak)"
stop_server
