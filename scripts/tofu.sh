#!/usr/bin/env bash
# Prints the path of an OpenTofu binary (default 1.10.6), building it from
# source through the Go module proxy the first time and caching it after.
#
#   scripts/tofu.sh            -> /root/.cache/terraform-provider-trackingmore/tofu-1.10.6/tofu
#   TOFU_VERSION=1.10.6 scripts/tofu.sh
#
# Only the Go module proxy is needed (no release downloads): the module
# github.com/opentofu/opentofu is fetched with `go mod download`, copied to a
# writable temporary directory and `go build ./cmd/tofu` is run there
# (`go install module@version` refuses because the module's go.mod has a
# replace directive). The build takes a few minutes on 2 cores.
#
# Everything but the final path goes to stderr, so callers can write
#   TOFU="$(scripts/tofu.sh)"
set -euo pipefail

TOFU_VERSION="${TOFU_VERSION:-1.10.6}"
GO="${GO:-go}"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-trackingmore"
CACHE_DIR="$CACHE_ROOT/tofu-$TOFU_VERSION"
BIN="$CACHE_DIR/tofu"

log() { echo "tofu.sh: $*" >&2; }

# A cached binary is used only if it runs and reports the expected version.
if [ -x "$BIN" ] && "$BIN" version 2>/dev/null | sed -n 1p | grep -qx "OpenTofu v$TOFU_VERSION"; then
  echo "$BIN"
  exit 0
fi

mkdir -p "$CACHE_DIR"
# Serialise concurrent builds (e.g. two make targets in parallel).
exec 9>"$CACHE_DIR/.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
  if [ -x "$BIN" ] && "$BIN" version 2>/dev/null | sed -n 1p | grep -qx "OpenTofu v$TOFU_VERSION"; then
    echo "$BIN"
    exit 0
  fi
fi

log "building OpenTofu v$TOFU_VERSION from the Go module proxy (a few minutes)..."
start=$(date +%s)

# Run outside any module so the project's go.mod plays no part.
work="$(mktemp -d "${TMPDIR:-/tmp}/tofu-build.XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"' EXIT

json="$(cd "$work" && GOFLAGS=-mod=mod GO111MODULE=on "$GO" mod download -json "github.com/opentofu/opentofu@v$TOFU_VERSION")"
dir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' | head -n1)"
if [ -z "$dir" ] || [ ! -f "$dir/go.mod" ]; then
  log "go mod download gave no module directory:"
  printf '%s\n' "$json" >&2
  exit 1
fi

src="$work/opentofu"
cp -R "$dir" "$src"
chmod -R u+w "$src"

# CGO off: a static binary that does not depend on the host's C toolchain.
# -buildvcs=false: the copy is not a VCS checkout. version.dev=no: report
# "OpenTofu v1.10.6" as a release build does, not "v1.10.6-dev".
(
  cd "$src"
  CGO_ENABLED=0 GOFLAGS=-buildvcs=false "$GO" build -trimpath -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" -o "$BIN.tmp" ./cmd/tofu
) >&2
mv -f "$BIN.tmp" "$BIN"

got="$("$BIN" version | sed -n 1p)"
if [ "$got" != "OpenTofu v$TOFU_VERSION" ]; then
  log "built binary reports '$got', expected 'OpenTofu v$TOFU_VERSION'"
  exit 1
fi
log "built $got in $(( $(date +%s) - start ))s"
echo "$BIN"
