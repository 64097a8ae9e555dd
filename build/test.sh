#!/usr/bin/env bash
# Runs every test of the solution and ends with one line "N passed, N failed".
# Services the tests use (PostgreSQL, Chromium) are started by .ci/run; tests that need one say so when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
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
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the runner itself failed: count that as a failure, never as a pass.
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
