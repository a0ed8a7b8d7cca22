#!/usr/bin/env bash
# scripts/test-guide.sh [CLI]: runs the CI script of the testing guide
# (templates/guides/testing-with-the-mock.md.tmpl, "Example: a CI job"),
# byte for byte as the guide prints it, on scripts/guide-ci (parcels whose
# outputs reference status), so the guide's advice is proven on every
# `make test`. Expects bin/ to be built (make build mock).
#
# Nothing in the script is patched: it takes the mock and the provider from
# the variables its header documents, set here to bin/ (TRACKINGMORE_MOCK,
# TRACKINGMORE_PROVIDER_DIR) and to the CLI under test (TERRAFORM).
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
for bin in trackingmore-mock terraform-provider-trackingmore; do
  [ -x "$ROOT/bin/$bin" ] || { echo "test-guide: bin/$bin is missing: run 'make build mock' first" >&2; exit 1; }
done

cp -R "$ROOT/scripts/guide-ci" "$WORK/config"
cd "$WORK/config"
started=$SECONDS
if TRACKINGMORE_MOCK="$ROOT/bin/trackingmore-mock" TRACKINGMORE_PROVIDER_DIR="$ROOT/bin" TERRAFORM="$cli_path" \
  TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1 bash "$WORK/ci.sh" >"$WORK/ci.log" 2>&1; then
  echo "test-guide: the testing guide's CI script passes with $("$cli_path" version 2>/dev/null | sed -n 1p) in $((SECONDS - started)) s"
else
  status=$?
  sed 's/^/      /' "$WORK/ci.log"
  echo "test-guide: the testing guide's CI script failed (exit $status)" >&2
  exit 1
fi
