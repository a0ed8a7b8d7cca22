#!/usr/bin/env bash
# Prints the path of a Terraform or OpenTofu CLI of a given version, building
# it from source through the Go module proxy the first time and caching it:
#
#   scripts/cli.sh tofu 1.10.6       -> ~/.cache/terraform-provider-trackingmore/tofu-1.10.6/tofu
#   scripts/cli.sh tofu 1.12.6
#   scripts/cli.sh terraform 1.16.4  -> ~/.cache/terraform-provider-trackingmore/terraform-1.16.4/terraform
#
# Only the Go module proxy is needed (no release downloads): the module is
# fetched with `go mod download`, copied to a writable temporary directory and
# built there (`go install module@version` refuses modules with replace
# directives). On 2 cores OpenTofu takes about 10 minutes cold, Terraform 5.
#
# Terraform 1.12 and later: the module zip omits the nested modules that
# go.mod replaces with ./ paths (the remote-state backends azure, consul, cos,
# gcs, kubernetes, oci, oss, pg, s3, and internal/legacy, which only tests
# import), so those backends are dropped from internal/backend/init/init.go
# and their require/replace lines from go.mod. Nothing a provider talks to
# changes: the local, http, inmem, remote and cloud backends stay.
#
# Everything but the final path goes to stderr, so callers can write
#   TOFU="$(scripts/cli.sh tofu 1.10.6)"
set -euo pipefail

NAME="${1:?usage: scripts/cli.sh terraform|tofu VERSION}"
VERSION="${2:?usage: scripts/cli.sh terraform|tofu VERSION}"
GO="${GO:-go}"
case "$NAME" in
  tofu)      MODULE=github.com/opentofu/opentofu; PKG=./cmd/tofu; BANNER="OpenTofu v$VERSION" ;;
  terraform) MODULE=github.com/hashicorp/terraform; PKG=.; BANNER="Terraform v$VERSION" ;;
  *) echo "cli.sh: unknown CLI '$NAME' (terraform or tofu)" >&2; exit 2 ;;
esac
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-trackingmore/$NAME-$VERSION"
BIN="$CACHE_DIR/$NAME"

log() { echo "cli.sh: $*" >&2; }
# A cached binary is used only if it runs and reports the expected version
# (on some line: OpenTofu 1.12 prints CLI configuration warnings first).
reports_version() { "$BIN" version 2>/dev/null | grep -qx "$BANNER"; }
cached() { [ -x "$BIN" ] && reports_version; }

if cached; then echo "$BIN"; exit 0; fi
mkdir -p "$CACHE_DIR"
# Serialise concurrent builds of the same CLI (CI starts them in the background).
exec 9>"$CACHE_DIR/.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
  if cached; then echo "$BIN"; exit 0; fi
fi

log "building $BANNER from the Go module proxy (minutes)..."
start=$(date +%s)

# Run outside any module so the project's go.mod plays no part.
work="$(mktemp -d "${TMPDIR:-/tmp}/$NAME-build.XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"' EXIT

json="$(cd "$work" && GOFLAGS=-mod=mod GO111MODULE=on "$GO" mod download -json "$MODULE@v$VERSION")"
dir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' | head -n1)"
if [ -z "$dir" ] || [ ! -f "$dir/go.mod" ]; then
  log "go mod download gave no module directory:"
  printf '%s\n' "$json" >&2
  exit 1
fi

src="$work/src"
cp -R "$dir" "$src"
chmod -R u+w "$src"

if [ "$NAME" = terraform ]; then
  missing=(azure consul cos gcs kubernetes oci oss pg s3)
  for b in "${missing[@]}"; do
    [ -d "$src/internal/backend/remote-state/$b" ] && continue
    sed -i "\#internal/backend/remote-state/$b\"#d; /return backend[A-Za-z0-9]*\.New() },/{/\"$b\"\|backend$b\./Id}" \
      "$src/internal/backend/init/init.go"
    sed -i "\#internal/backend/remote-state/$b #d" "$src/go.mod"
  done
  [ -d "$src/internal/legacy" ] || sed -i '\#internal/legacy #d' "$src/go.mod"
fi

# CGO off: a static binary that does not depend on the host's C toolchain.
# -buildvcs=false: the copy is not a VCS checkout. version.dev=no: report
# "vX.Y.Z" as a release build does, not "vX.Y.Z-dev".
(
  cd "$src"
  CGO_ENABLED=0 GOFLAGS=-buildvcs=false "$GO" build -trimpath \
    -ldflags "-s -w -X $MODULE/version.dev=no" -o "$BIN.tmp" "$PKG"
) >&2
mv -f "$BIN.tmp" "$BIN"

if ! reports_version; then
  log "the built binary does not report '$BANNER':"
  "$BIN" version >&2
  exit 1
fi
log "built $BANNER in $(( $(date +%s) - start ))s"
echo "$BIN"
