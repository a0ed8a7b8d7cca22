#!/usr/bin/env bash
# make demo: apply examples/demo against a local trackingmore-mock with the
# provider just built, show the result, let simulated time pass, show the
# refreshed statuses, then clean up. No API key and no network needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tf=${TERRAFORM:-terraform}
work=$(mktemp -d)
mock_pid=""
cleanup() {
  [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Starting the mock TrackingMore API"
"$root/bin/trackingmore-mock" --addr 127.0.0.1:0 >"$work/mock.log" 2>&1 &
mock_pid=$!
for _ in $(seq 50); do
  line=$(head -n1 "$work/mock.log" 2>/dev/null || true)
  [[ "$line" == listening\ on\ * ]] && break
  sleep 0.1
done
base_url=${line#listening on }
[[ "$base_url" == http* ]] || { echo "the mock did not start:"; cat "$work/mock.log"; exit 1; }
admin=${base_url%/v2}/__mock
echo "mock API at $base_url"

# dev_overrides makes Terraform use bin/ instead of the registry; no init needed.
cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/trackform/trackingmore" = "$root/bin"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TRACKINGMORE_BASE_URL="$base_url" TRACKINGMORE_API_KEY="demo-key"
export TF_IN_AUTOMATION=1
cp "$root"/examples/demo/*.tf "$work/"
cd "$work"

step "terraform apply (creates the demo trackings)"
"$tf" apply -auto-approve -input=false -no-color >"$work/apply.log" || { cat "$work/apply.log"; exit 1; }
grep -E ': Creation complete|^Apply complete' "$work/apply.log"
"$tf" output

step "Three simulated days pass on the mock"
curl -fsS -X POST -d '{"hours":72}' "$admin/advance" >/dev/null
"$tf" apply -refresh-only -auto-approve -input=false -compact-warnings >/dev/null
"$tf" output statuses
"$tf" output last_events
"$tf" output backorder_statuses

step "terraform plan (nothing to change: progress never causes a diff)"
"$tf" plan -input=false -no-color -detailed-exitcode >"$work/plan.log" || { cat "$work/plan.log"; exit 1; }
grep -E '^No changes' "$work/plan.log"

step "terraform destroy"
"$tf" destroy -auto-approve -input=false -no-color >"$work/destroy.log" || { cat "$work/destroy.log"; exit 1; }
tail -n 2 "$work/destroy.log"
echo
echo "API calls the demo made: $(curl -fsS "$admin/stats")"
