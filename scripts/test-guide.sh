#!/usr/bin/env bash
# scripts/test-guide.sh [CLI]: runs the CI script of the testing guide
# (templates/guides/testing-with-the-mock.md.tmpl, "Example: a CI job"),
# exactly as the guide prints it, on scripts/guide-ci (parcels whose outputs
# reference status), so the guide's advice is proven on every `make test`.
# Expects bin/ to be built (make build mock).
#
# The script is run as written; only what it fetches from the internet is
# provided locally: `go install ...trackingmore-mock@latest` is answered by a
# `go` shim whose GOPATH/bin holds bin/trackingmore-mock, and `terraform init`
# installs bin/terraform-provider-trackingmore from a filesystem mirror.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

cli=${1:-${TERRAFORM:-terraform}}
cli_path=$(command -v "$cli") || { echo "test-guide: no such CLI: $cli" >&2; exit 2; }
guide="$ROOT/templates/guides/testing-with-the-mock.md.tmpl"

lib_init

# The shell block after "## Example: a CI job".
awk '/^## Example: a CI job/ {found=1} found && /^```shell$/ {inside=1; next} inside && /^```$/ {exit} inside {print}' \
  "$guide" >"$WORK/ci.sh"
grep -q '^#!/usr/bin/env bash' "$WORK/ci.sh" || { echo "test-guide: no CI script found in $guide" >&2; exit 1; }

# `go install` of the mock and `go env GOPATH`, offline.
mkdir -p "$WORK/shim" "$WORK/gopath/bin"
ln -s "$ROOT/bin/trackingmore-mock" "$WORK/gopath/bin/trackingmore-mock"
cat >"$WORK/shim/go" <<SHIM
#!/usr/bin/env bash
case "\$1 \${2:-}" in
  "install "*) exit 0 ;;
  "env GOPATH") echo "$WORK/gopath" ;;
  *) echo "test-guide go shim: unexpected go \$*" >&2; exit 1 ;;
esac
SHIM
chmod +x "$WORK/shim/go"
ln -s "$cli_path" "$WORK/shim/terraform"

# The provider from a filesystem mirror, so that `terraform init` works offline.
version=0.0.1
platform="$("$cli_path" version -json 2>/dev/null | sed -n 's/.*"platform": *"\([^"]*\)".*/\1/p')"
mirror="$WORK/mirror/registry.terraform.io/trackform/trackingmore/$version/$platform"
mkdir -p "$mirror"
cp "$ROOT/bin/terraform-provider-trackingmore" "$mirror/terraform-provider-trackingmore_v$version"
cat >"$WORK/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$WORK/mirror"
    include = ["registry.terraform.io/trackform/trackingmore"]
  }
}
RC

cp -R "$ROOT/scripts/guide-ci" "$WORK/config"
cd "$WORK/config"
if PATH="$WORK/shim:$PATH" TF_CLI_CONFIG_FILE="$WORK/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1 \
  bash "$WORK/ci.sh" >"$WORK/ci.log" 2>&1; then
  echo "test-guide: the testing guide's CI script passes with $("$cli_path" version | sed -n 1p)"
else
  status=$?
  sed 's/^/      /' "$WORK/ci.log"
  echo "test-guide: the testing guide's CI script failed (exit $status)" >&2
  exit 1
fi
