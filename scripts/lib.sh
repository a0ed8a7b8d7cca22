# Shared by scripts/demo.sh and scripts/test-examples.sh (source it, don't run
# it): a temporary work directory, bin/trackingmore-mock on a free loopback
# port, and a CLI configuration whose dev_overrides point Terraform and
# OpenTofu at the provider in bin/. Everything started here is stopped and
# removed on exit.
#
#   . "$(dirname "$0")/lib.sh"
#   lib_init                      # sets ROOT and WORK, installs the EXIT trap
#   mock_start [mock flags...]    # sets MOCK_PID, MOCK_BASE_URL, MOCK_ADMIN
#   use_dev_overrides             # writes $WORK/terraformrc, exports TF_CLI_CONFIG_FILE
#   use_mock                      # exports TRACKINGMORE_BASE_URL/TRACKINGMORE_API_KEY
#   cli_supports CLI FEATURE      # whether CLI has FEATURE (scripts/cli-features.tsv)
#   example_feature FILE          # the FEATURE an example file needs, if any

# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=""
MOCK_PID=""

lib_cleanup() {
  if [ -n "$MOCK_PID" ]; then
    kill "$MOCK_PID" 2>/dev/null || true
    wait "$MOCK_PID" 2>/dev/null || true
  fi
  if [ -n "$WORK" ]; then rm -rf "$WORK"; fi
}

lib_init() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/trackingmore.XXXXXX")
  trap lib_cleanup EXIT
  trap 'exit 130' INT TERM
}

# mock_start [flags...]: starts bin/trackingmore-mock on 127.0.0.1:0 and waits
# for its "listening on http://ADDR/v2" line (the mock chooses the port).
mock_start() {
  local bin="$ROOT/bin/trackingmore-mock" log="$WORK/mock.log" line=""
  [ -x "$bin" ] || { echo "$bin is missing: run 'make mock' first" >&2; return 1; }
  "$bin" --addr 127.0.0.1:0 "$@" >"$log" 2>&1 &
  MOCK_PID=$!
  for _ in $(seq 100); do
    line=$(head -n1 "$log" 2>/dev/null || true)
    [[ "$line" == listening\ on\ http* ]] && break
    kill -0 "$MOCK_PID" 2>/dev/null || break
    sleep 0.1
  done
  if [[ "$line" != listening\ on\ http* ]]; then
    echo "the mock did not start:" >&2
    cat "$log" >&2
    return 1
  fi
  MOCK_BASE_URL=${line#listening on }
  MOCK_ADMIN=${MOCK_BASE_URL%/v2}/__mock
}

# mock_reset: forgets every tracking, so each test suite starts from nothing.
mock_reset() {
  curl -fsS -X POST "$MOCK_ADMIN/reset" >/dev/null
}

# use_mock [api key]: points the provider at the running mock.
use_mock() {
  export TRACKINGMORE_BASE_URL="$MOCK_BASE_URL"
  export TRACKINGMORE_API_KEY="${1:-test-key}"
}

# use_dev_overrides: Terraform and OpenTofu use the provider in bin/ instead of
# a registry, without `init`. Terraform looks the provider up as
# registry.terraform.io/trackform/trackingmore and OpenTofu as
# registry.opentofu.org/trackform/trackingmore, so both are listed (each CLI
# ignores the other's entry).
use_dev_overrides() {
  local provider="$ROOT/bin/terraform-provider-trackingmore"
  [ -x "$provider" ] || { echo "$provider is missing: run 'make build' first" >&2; return 1; }
  cat >"$WORK/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/trackform/trackingmore" = "$ROOT/bin"
    "registry.opentofu.org/trackform/trackingmore" = "$ROOT/bin"
  }
  direct {}
}
RC
  export TF_CLI_CONFIG_FILE="$WORK/terraformrc"
  export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
}

# cli_supports CLI FEATURE: whether the CLI (a path) has FEATURE, a row of
# scripts/cli-features.tsv, which the acceptance tests read too.
cli_supports() {
  local banner column first
  banner=$("$1" version 2>/dev/null | grep -E '^(Terraform|OpenTofu) v' | sed -n 1p)
  case "$banner" in
    OpenTofu*) column=3 ;;
    Terraform*) column=2 ;;
    *) return 1 ;;
  esac
  first=$(awk -F'\t' -v f="$2" -v c="$column" '$1 == f { print $c }' "$ROOT/scripts/cli-features.tsv")
  [ -n "$first" ] || { echo "cli_supports: no feature '$2' in scripts/cli-features.tsv" >&2; return 2; }
  [ "$first" != "-" ] && [ "$(printf '%s\n%s\n' "$first" "${banner##* v}" | sort -V | sed -n 1p)" = "$first" ]
}

# example_feature FILE: the feature (of scripts/cli-features.tsv) that an
# example file needs, if any: such files are left out for CLIs without it.
example_feature() {
  case "$1" in
    */functions/*) echo functions ;;
    */ephemeral-resources/*) echo ephemeral ;;
    */actions/* | */actions.tf) echo actions ;;
    */list-resources/* | *.tfquery.hcl) echo query ;;
    */import-by-identity.tf) echo identity ;;
  esac
}
