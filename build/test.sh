#!/usr/bin/env bash
# Runs every test of the solution and ends with one line "N passed, N failed".
# Prerequisites (README): the .NET 10 SDK, the PostgreSQL server binaries, Chromium at /usr/bin/chromium.
# A missing one stops the run at once with one line naming it and how to install it.
# PostgreSQL: the server named by SITREP_TEST_POSTGRES when it is set (.ci/run sets it); otherwise a
# throwaway server of this run (initdb + pg_ctl in a temporary folder, on a free port, removed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

missing() {
  echo "test.sh: missing prerequisite: $1; install it with: $2" >&2
  echo "0 passed, 1 failed"
  exit 1
}

command -v dotnet >/dev/null 2>&1 || missing "dotnet (the .NET 10 SDK)" "see https://dot.net/download (Debian: apt-get install dotnet-sdk-10.0)"
dotnet --list-sdks 2>/dev/null | grep -q '^10\.' || missing "the .NET 10 SDK (dotnet has no 10.x SDK)" "see https://dot.net/download (Debian: apt-get install dotnet-sdk-10.0)"
[ -x /usr/bin/chromium ] || missing "Chromium at /usr/bin/chromium (the dashboard's browser tests)" "apt-get install chromium"

# The server binaries: SITREP_PG_BIN if it has them, else the newest PostgreSQL installed (Debian keeps them off the PATH).
postgres_bin() {
  local dir
  for dir in ${SITREP_PG_BIN:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && dirname "$(command -v initdb)"
}

# A port nobody listens on (bash's /dev/tcp connects only where someone listens).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  return 1
}

pg_dir=""
pg_user=""
stop_postgres() {
  [ -n "$pg_dir" ] || return 0
  as_pg_user "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
as_pg_user() {
  if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi
}

if [ -z "${SITREP_TEST_POSTGRES:-}" ]; then
  pg_bin=$(postgres_bin) || true
  [ -n "$pg_bin" ] || missing "the PostgreSQL server binaries (initdb, pg_ctl)" "apt-get install postgresql (or set SITREP_TEST_POSTGRES to a server's connection string)"
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the throwaway server runs as the system's postgres user.
    export PATH="$PATH:/usr/sbin:/sbin"
    command -v runuser >/dev/null 2>&1 || missing "runuser (to start the throwaway PostgreSQL as the postgres user)" "apt-get install util-linux"
    id postgres >/dev/null 2>&1 || missing "a 'postgres' user for the throwaway server (initdb refuses root)" "run as a normal user, or set SITREP_TEST_POSTGRES"
    pg_user=postgres
  fi
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-pg-XXXXXX")
  trap stop_postgres EXIT
  [ -z "$pg_user" ] || chown "$pg_user" "$pg_dir"
  pg_port=$(free_port) || { echo "test.sh: no free port for the throwaway PostgreSQL" >&2; echo "0 passed, 1 failed"; exit 1; }
  pg_password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  as_pg_user sh -c "umask 077; printf '%s\n' '$pg_password' > '$pg_dir/password'"
  if ! as_pg_user "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A scram-sha-256 --pwfile="$pg_dir/password" -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1; then
    echo "test.sh: initdb failed for the throwaway PostgreSQL:" >&2; tail -5 "$pg_dir/initdb.log" >&2
    echo "0 passed, 1 failed"; exit 1
  fi
  if ! as_pg_user "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null; then
    echo "test.sh: the throwaway PostgreSQL did not start:" >&2; tail -5 "$pg_dir/server.log" >&2
    echo "0 passed, 1 failed"; exit 1
  fi
  export SITREP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password"
fi

results="artifacts/test-results"
rm -rf "$results"
status=0
dotnet test Sitrep.slnx --configuration Release --logger "trx" --results-directory "$results" "$@" || status=$?
# False alarms on real news with no conflict event (issue 10): printed for the record, never failing here;
# the gate with its limits is QuietDevelopmentDataTests (tests/Sitrep.Tests/Evaluation).
sitrep="src/Sitrep.Cli/bin/Release/net10.0/sitrep.dll"
if [ -d ../shared/data ] && [ -f "$sitrep" ]; then
  for quiet in ../shared/data/agnews-dev.jsonl ../shared/data/ro-news-dev.jsonl; do
    [ -f "$quiet" ] && { dotnet "$sitrep" eval quiet "$quiet" || echo "(eval quiet exited with $?)"; }
  done
fi
passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
# Checks that CI ran before the tests (build/package-check.sh) and that failed count as failures here.
failed=$((failed + ${SITREP_CHECKS_FAILED:-0}))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the runner itself failed: count that as a failure, never as a pass.
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
