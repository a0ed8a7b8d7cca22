#!/usr/bin/env bash
# make demo: apply examples/demo against a local trackingmore-mock with the
# provider just built, show the result, let simulated time pass, show the
# refreshed statuses, then clean up. No API key and no network needed.
set -euo pipefail
tf=${TERRAFORM:-terraform}
cli=$(basename "$tf")
. "$(dirname "$0")/lib.sh"
lib_init
work=$WORK

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Starting the mock TrackingMore API"
mock_start
admin=$MOCK_ADMIN
echo "mock API at $MOCK_BASE_URL"

# dev_overrides makes Terraform (and OpenTofu) use bin/ instead of the
# registry; no init needed.
use_dev_overrides
use_mock demo-key
cp "$ROOT"/examples/demo/*.tf "$work/"
cd "$work"

step "$cli apply (creates the demo trackings)"
"$tf" apply -auto-approve -input=false -no-color >"$work/apply.log" || { cat "$work/apply.log"; exit 1; }
grep -E ': Creation complete|^Apply complete' "$work/apply.log"
"$tf" output

step "Three simulated days pass on the mock"
curl -fsS -X POST -d '{"hours":72}' "$admin/advance" >/dev/null
"$tf" apply -refresh-only -auto-approve -input=false -compact-warnings >/dev/null
"$tf" output statuses
"$tf" output last_events
"$tf" output backorder_statuses

step "$cli plan (nothing to change: progress never causes a diff)"
"$tf" plan -input=false -no-color -detailed-exitcode >"$work/plan.log" || { cat "$work/plan.log"; exit 1; }
grep -E '^No changes' "$work/plan.log"

step "$cli destroy"
"$tf" destroy -auto-approve -input=false -no-color >"$work/destroy.log" || { cat "$work/destroy.log"; exit 1; }
tail -n 2 "$work/destroy.log"
echo
echo "API calls the demo made: $(curl -fsS "$admin/stats")"
