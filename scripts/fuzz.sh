#!/usr/bin/env bash
# Runs every Fuzz target of the module for the given time each (go test
# -fuzz takes one target of one package at a time). New corpus entries that
# fail land in the package's testdata/fuzz and are then part of `go test`.
set -euo pipefail
fuzztime=${1:-3s}
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# inputs DIR: how many inputs a target's corpus holds (0 without one).
inputs() { if [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi; }
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "fuzz: $pkg $target ($fuzztime)"
    corpus="$dir/testdata/fuzz/$target"
    before=$(inputs "$corpus")
    if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >"$log" 2>&1; then
      tail -20 "$log"
      # A failure leaves its input in the corpus; without one the fuzzing
      # engine itself gave out (a worker starved on a loaded machine): once more.
      [ "$(inputs "$corpus")" = "$before" ] || exit 1
      echo "fuzz: no failing input was recorded; running $target again"
      go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >"$log" 2>&1 || { tail -20 "$log"; exit 1; }
    fi
  done
done
echo "fuzz: all targets passed"
