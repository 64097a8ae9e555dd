#!/usr/bin/env bash
# Packaging check (CI runs it before the tests): the CLI packed as a .NET tool and installed from the local
# package, and the self-contained single-file build, each must answer --version and extract one article
# (the gazetteer and lexicons are embedded resources: this proves they travel with the package).
# Prints one line per check; exits non-zero when one fails.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-package-XXXXXX")
trap 'rm -rf "$work"' EXIT
article="$work/article.txt"
printf 'date 2024-03-02 Three soldiers were killed and five wounded in shelling near Donetsk, the ministry said.\n' > "$article"

check() { # NAME EXECUTABLE
  local name=$1 sitrep=$2 version out
  version=$("$sitrep" --version)
  out=$("$sitrep" extract "$article" --format jsonl)
  if ! grep -q '"eventType":"Explosions/Remote violence"' <<<"$out" || ! grep -q '"country":"UKR"' <<<"$out"; then
    echo "package-check: $name: extract gave no shelling event in Ukraine: $out" >&2
    return 1
  fi
  echo "package-check: $name ok (sitrep $version; one article extracted)"
}

# 1. dotnet tool from the locally packed nupkg.
dotnet pack src/Sitrep.Cli -c Release -o "$work/nupkg" -p:ContinuousIntegrationBuild=true >"$work/pack.log" 2>&1 \
  || { tail -20 "$work/pack.log" >&2; echo "package-check: dotnet pack failed" >&2; exit 1; }
dotnet tool install --tool-path "$work/tool" --add-source "$work/nupkg" sitrep >"$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; echo "package-check: dotnet tool install failed" >&2; exit 1; }
check "dotnet tool" "$work/tool/sitrep"

# 2. Self-contained single file (README: the documented command, ReadyToRun left out here for speed).
dotnet publish src/Sitrep.Cli -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true -p:PublishReadyToRun=false \
  -o "$work/single" >"$work/publish.log" 2>&1 \
  || { tail -20 "$work/publish.log" >&2; echo "package-check: single-file publish failed" >&2; exit 1; }
[ "$(find "$work/single" -maxdepth 1 -type f -name 'sitrep' | wc -l)" -eq 1 ] || { echo "package-check: no single sitrep file" >&2; exit 1; }
check "self-contained single file" "$work/single/sitrep"
