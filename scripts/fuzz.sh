#!/usr/bin/env bash
# Runs every Fuzz target of the module for the given time each (go test
# -fuzz takes one target of one package at a time). New corpus entries that
# fail land in the package's testdata/fuzz and are then part of `go test`.
set -euo pipefail
fuzztime=${1:-3s}
cd "$(dirname "$0")/.."
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "fuzz: $pkg $target ($fuzztime)"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >/dev/null
  done
done
echo "fuzz: all targets passed"
