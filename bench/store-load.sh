#!/usr/bin/env bash
# Store benchmarks (numbers go in docs/PERFORMANCE.md, section "Store and API"):
#  1. ingest MB/s: `sitrep ingest` of a 24 MB JSON Lines corpus into a new SQLite file, then again (adds nothing);
#  2. /api/events latency with 100,000 events stored: `sitrep serve` on loopback under wrk (bounded: 2 threads,
#     8 connections, 20 s), percentiles printed by bench/store-load.lua.
# Usage: bash bench/store-load.sh [WORKDIR]   (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d /tmp/sitrep-store-load.XXXXXX)}"
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Sitrep.Cli -c Release -o "$work/cli" >/dev/null
dotnet build bench/Sitrep.StoreLoad -c Release -o "$work/load" >/dev/null
dotnet build bench/throughput/Sitrep.Throughput -c Release -o "$work/throughput" >/dev/null
sitrep="$work/cli/sitrep"

echo "== ingest: 24 MB JSON Lines corpus"
[ -f "$work/corpus.jsonl" ] || "$work/throughput/Sitrep.Throughput" generate "$work/corpus.jsonl" 24
rm -f "$work/ingest.db"*
ls -l "$work/corpus.jsonl"
/usr/bin/time -f "first run: %e s wall, %M KB max RSS" "$sitrep" ingest "$work/corpus.jsonl" --db "$work/ingest.db" | cat
/usr/bin/time -f "second run: %e s wall" "$sitrep" ingest "$work/corpus.jsonl" --db "$work/ingest.db" | cat
ls -l "$work/ingest.db"

echo "== /api/events with 100,000 events"
rm -f "$work/api.db"*
"$work/load/Sitrep.StoreLoad" seed "$work/api.db" 100000
port=5187
"$sitrep" serve --db "$work/api.db" --urls "http://127.0.0.1:$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/api/events?limit=1" >/dev/null && break; sleep 0.2; done
# Warm-up, then the measured run.
wrk -t2 -c8 -d5s -s bench/store-load.lua "http://127.0.0.1:$port" >/dev/null
wrk -t2 -c8 -d20s --latency -s bench/store-load.lua "http://127.0.0.1:$port"
