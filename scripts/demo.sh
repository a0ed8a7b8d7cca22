#!/usr/bin/env bash
# make demo: apply examples/demo against a local trackingmore-mock with the
# provider just built, show the result (and, from examples/demo/v2-only, what
# only TrackingMore API v2 serves), let simulated time pass, show the
# refreshed statuses, plan the same configuration on API v4 (nothing to
# change), then clean up. No API key and no network needed.
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
# The mock serves API v4 beside v2, over the same accounts.
v4_url=${MOCK_BASE_URL%/v2}/v4
echo "mock API at $MOCK_BASE_URL (v2) and $v4_url (v4)"

# dev_overrides makes Terraform (and OpenTofu) use bin/ instead of the
# registry; no init needed.
use_dev_overrides
use_mock demo-key
tf_path=$(command -v "$tf")
# Files that need a newer CLI (actions.tf) are left out for the others.
for f in "$ROOT"/examples/demo/*.tf; do
  feature=$(example_feature "$f")
  if [ -z "$feature" ] || cli_supports "$tf_path" "$feature"; then cp "$f" "$work/"; fi
done
cd "$work"

step "$cli apply (creates the demo trackings)"
"$tf" apply -auto-approve -input=false -no-color >"$work/apply.log" || { cat "$work/apply.log"; exit 1; }
grep -E ': Creation complete|^Apply complete' "$work/apply.log"
"$tf" output

step "$cli apply in v2-only/ (the account's quota and counts, lane statistics: only API v2 serves them)"
mkdir "$work/v2-only"
cp "$ROOT"/examples/demo/v2-only/*.tf "$work/v2-only/"
"$tf" -chdir=v2-only apply -auto-approve -input=false -no-color >"$work/v2-only/apply.log" ||
  { cat "$work/v2-only/apply.log"; exit 1; }
"$tf" -chdir=v2-only output

step "Three simulated days pass on the mock"
curl -fsS -X POST -d '{"hours":72}' "$admin/advance" >/dev/null
"$tf" apply -refresh-only -auto-approve -input=false -compact-warnings >/dev/null
"$tf" output statuses
"$tf" output last_events
"$tf" output backorder_statuses

step "$cli plan (nothing to change: progress never causes a diff)"
"$tf" plan -input=false -no-color -detailed-exitcode >"$work/plan.log" || { cat "$work/plan.log"; exit 1; }
grep -E '^No changes' "$work/plan.log"

step "$cli plan on TrackingMore API v4 (the same configuration and state: nothing to change)"
# Only the provider's version and URL change; v2-only/ stays on v2.
echo "TRACKINGMORE_API_VERSION=v4 TRACKINGMORE_BASE_URL=$v4_url $cli plan"
TRACKINGMORE_API_VERSION=v4 TRACKINGMORE_BASE_URL=$v4_url \
  "$tf" plan -input=false -no-color -detailed-exitcode >"$work/plan-v4.log" ||
  { cat "$work/plan-v4.log"; echo "moving the demo to API v4 should plan nothing" >&2; exit 1; }
grep -E '^No changes' "$work/plan-v4.log"
echo "Nothing was re-created and no output changed: through /v4 the plan refreshed the same"
echo "$(grep -c ': Refreshing state' "$work/plan-v4.log") resources the apply created through /v2, as both versions serve the account's trackings."
echo "(v2-only/ stays on v2: v4 has no endpoint for its data sources.)"

# The action and query steps need Terraform 1.14+: say so rather than skip
# them silently.
skipped=()
cli_supports "$tf_path" actions || skipped+=("$cli apply -invoke (an action)")
cli_supports "$tf_path" query || skipped+=("$cli query (adopting trackings created outside Terraform)")
if [ ${#skipped[@]} -gt 0 ]; then
  step "Skipped: ${skipped[0]}${skipped[1]:+, and ${skipped[1]}}"
  echo "They need Terraform 1.14 or later; this is $("$tf" version | sed -n 1p)."
  echo "To see them: TERRAFORM=\$(scripts/cli.sh terraform 1.16.4) make demo"
fi

if cli_supports "$tf_path" actions; then
  step "$cli apply -invoke (an action: ask the carrier about one parcel now, changing nothing)"
  "$tf" apply -invoke=action.trackingmore_realtime_refresh.espresso -auto-approve -input=false -no-color >"$work/invoke.log" ||
    { cat "$work/invoke.log"; exit 1; }
  grep -E 'ups/1Z999AA10123456784: ' "$work/invoke.log"
fi

if cli_supports "$tf_path" query; then
  step "$cli query (adopt two trackings a shop system created outside Terraform)"
  # One of them with two customer addresses: the API keeps them as an array.
  # The mock allows 1 request/s, as TrackingMore does, and answers a faster
  # call meta 429 (in an HTTP 200): space the calls as the provider does, and
  # check each answer.
  for tracking in \
    '{"carrier_code":"ups","tracking_number":"1Z999AA10123456785","order_id":"SO-3001","title":"Gift card","customer_email":["jane@example.com","john@example.com"]}' \
    '{"carrier_code":"ups","tracking_number":"1Z999AA10123456786","order_id":"SO-3002","title":"Gift card"}'; do
    sleep 1.1
    answer=$(curl -fsS -H "Trackingmore-Api-Key: $TRACKINGMORE_API_KEY" -H 'Content-Type: application/json' \
      -d "$tracking" "$MOCK_BASE_URL/trackings/post")
    [[ "$answer" == '{"meta":{"code":200,'* ]] || { echo "creating a tracking outside Terraform failed: $answer" >&2; exit 1; }
  done
  mkdir "$work/onboard"
  cp "$ROOT"/examples/demo/onboard/* "$work/onboard/"
  (
    cd "$work/onboard"
    "$tf" query -generate-config-out=generated.tf -no-color >query.log || { cat query.log; exit 1; }
    grep -E '^list\.' query.log
    echo "generated.tf: $(grep -c '^import {' generated.tf) import blocks, $(grep -c '^resource ' generated.tf) resources"
    grep -E '^ *customer_emails *= *\[' generated.tf
    "$tf" plan -input=false -no-color >plan.log || { cat plan.log; exit 1; }
    grep -qx 'Plan: 2 to import, 0 to add, 0 to change, 0 to destroy.' plan.log || { cat plan.log; exit 1; }
    grep -E '^Plan:' plan.log
    "$tf" apply -auto-approve -input=false -no-color >apply.log || { cat apply.log; exit 1; }
    grep -E '^Apply complete' apply.log
    "$tf" plan -input=false -no-color -detailed-exitcode >plan2.log || { cat plan2.log; exit 1; }
    grep -E '^No changes' plan2.log
    "$tf" destroy -auto-approve -input=false -no-color >destroy.log || { cat destroy.log; exit 1; }
  )
fi

step "$cli destroy"
"$tf" destroy -auto-approve -input=false -no-color >"$work/destroy.log" || { cat "$work/destroy.log"; exit 1; }
tail -n 2 "$work/destroy.log"

step "API calls the demo made"
# The mock's stats are one JSON line; its first "by_endpoint" object counts
# every account's calls. Endpoint names hold no comma, quote or brace, so sed
# and awk read it (the demo needs no jq).
stats=$(curl -fsS "$admin/stats")
count() { printf '%s\n' "$stats" | grep -o "\"$1\":[0-9]*" | sed -n '1s/.*://p'; }
printf '%s\n' "$stats" | grep -o '"by_endpoint":{[^}]*}' | sed -n 1p |
  sed 's/^"by_endpoint":{//; s/}$//' | tr ',' '\n' |
  sed -n 's/^"\(.*\)":\([0-9]*\)$/\2\t\1/p' | sort -k1,1nr -k2 |
  awk -F'\t' '{ printf "%6d  %s\n", $1, $2 }'
echo "$(count total) calls in all; $(count throttled) throttled, $(count faults) faults, $(count errors) errors"
