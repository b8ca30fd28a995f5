#!/usr/bin/env bash
# Runs every native Go fuzz target of the project for FUZZTIME each
# (default 20s), or only the targets whose name matches the regexp given as
# the first argument (scripts/fuzz.sh 'ParseHTMLDocument|DocumentListing').
# Minimizing a failing input is capped at FUZZMINIMIZETIME (default 10s):
# on a busy machine Go's default minutes stall the run. New failing inputs
# are kept in the package's testdata/fuzz/<target>/ as regression seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-20s}
FUZZMINIMIZETIME=${FUZZMINIMIZETIME:-10s}
only=${1:-.}
for pkg in $(go list ./...); do
  for target in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' | grep -E -- "$only" || true); do
    echo "== $pkg $target ($FUZZTIME)"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZETIME" "$pkg"
  done
done
