#!/usr/bin/env bash
# Issue 12: ingest throughput against extract on the same corpus, database size and peak memory, for one build.
# Usage: bash bench/store-scale-ingest.sh SITREP-BINARY CORPUS WORKDIR PGDATABASE
# (PostgreSQL at Host=127.0.0.1;Username=postgres;Password=postgres; the database PGDATABASE is dropped and made anew.)
set -euo pipefail
sitrep="$1"; corpus="$2"; work="$3"; pgdb="$4"
mkdir -p "$work"
pg="Host=127.0.0.1;Username=postgres;Password=postgres"
fmt='%e s wall, %U s user, %S s sys, %M KB max RSS'
uptime
/usr/bin/time -f "extract: $fmt" "$sitrep" extract "$corpus" --format jsonl --out "$work/extract.jsonl"
rm -f "$work/ingest.db"*
uptime
/usr/bin/time -f "ingest sqlite: $fmt" "$sitrep" ingest "$corpus" --db "$work/ingest.db" | tail -1
ls -l "$work"/ingest.db*
du -cb "$work"/ingest.db* | tail -1
PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $pgdb" -c "CREATE DATABASE $pgdb"
uptime
/usr/bin/time -f "ingest postgres: $fmt" "$sitrep" ingest "$corpus" --postgres "$pg;Database=$pgdb" | tail -1
PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d "$pgdb" -tAc "VACUUM ANALYZE" -c "SELECT 'postgres size: ' || pg_database_size('$pgdb')"
uptime
