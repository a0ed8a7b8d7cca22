#!/usr/bin/env bash
# scripts/test-examples.sh [CLI]: tests everything under examples/ with CLI
# (default: $TERRAFORM or terraform; pass "$(scripts/cli.sh tofu 1.12.6)" for OpenTofu).
# Expects bin/ to be built (make build mock); builds nothing itself.
#
#   1. `CLI fmt -check -recursive examples/`
#   2. `bash -n` on every shell file (import.sh)
#   3. `CLI validate` in every directory holding .tf files
#   4. `CLI test` in every directory with a tests/*.tftest.hcl suite
#      (examples/modules/shop_trackings), against bin/trackingmore-mock
#
# Each directory is copied to a temporary directory first, so nothing is
# written under examples/. No `init` is needed: with dev_overrides both CLIs
# validate and test without it (and the overridden provider is the only one).
# Snippets without a required_providers block (the resource and data source
# examples rendered into docs/) get one in the copy, so that the CLI resolves
# trackingmore to trackform/trackingmore instead of hashicorp/trackingmore.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

cli=${1:-${TERRAFORM:-terraform}}
cli_path=$(command -v "$cli") || { echo "test-examples: no such CLI: $cli" >&2; exit 2; }

lib_init
use_dev_overrides
# sed, not head: head may close the pipe while the CLI still writes, and
# under pipefail that SIGPIPE (exit 141) would end the script.
cli_name=$("$cli_path" version 2>/dev/null | grep -E "^(Terraform|OpenTofu) v" | sed -n 1p)

failed=()
ok() { printf 'ok    %s\n' "$*"; }
fail() {
  printf 'FAIL  %s\n' "$1"
  sed 's/^/      /' "$2"
  failed+=("$1")
}

# copy_example DIR: copies the example directory DIR (relative to ROOT) into
# the work directory, without the files that need a feature this CLI lacks
# (each is reported as skipped), adding a required_providers block if it has
# none, and prints the copy's path.
copy_example() {
  local dir=$1 copy f feature
  copy="$WORK/examples/$dir"
  mkdir -p "$copy"
  cp -R "$ROOT/$dir/." "$copy/"
  rm -rf "$copy/.terraform" "$copy/.terraform.lock.hcl" "$copy"/terraform.tfstate*
  for f in "$dir"/*; do
    feature=$(example_feature "$f")
    if [ -n "$feature" ] && ! cli_supports "$cli_path" "$feature"; then
      rm -f "$copy/$(basename "$f")"
      printf 'skip  %s: %s has no %s\n' "$f" "$cli_name" "$feature" >&2
    fi
  done
  if ! grep -qs 'required_providers' "$copy"/*.tf; then
    cat >"$copy/zz_test_examples_providers.tf" <<'TF'
terraform {
  required_providers {
    trackingmore = { source = "trackform/trackingmore" }
  }
}
TF
  fi
  echo "$copy"
}

cd "$ROOT"
echo "testing examples/ with $cli_name ($cli_path)"
log="$WORK/step.log"

# 1. Formatting.
if "$cli_path" fmt -check -recursive -diff -no-color examples/ >"$log" 2>&1; then
  ok "$(basename "$cli") fmt -check -recursive examples/"
else
  fail "$(basename "$cli") fmt -check -recursive examples/ (run 'make generate')" "$log"
fi

# 2. Shell snippets.
while IFS= read -r f; do
  if bash -n "$f" 2>"$log"; then ok "bash -n $f"; else fail "bash -n $f" "$log"; fi
done < <(find examples -type f -name '*.sh' | sort)

# 3. validate every directory holding .tf (or .tfquery.hcl) files that this
# CLI can read.
while IFS= read -r dir; do
  copy=$(copy_example "$dir")
  [ -n "$(find "$copy" -maxdepth 1 \( -name '*.tf' ! -name 'zz_test_examples_providers.tf' -o -name '*.tfquery.hcl' \))" ] || continue
  query=()
  [ -z "$(find "$copy" -maxdepth 1 -name '*.tfquery.hcl')" ] || query=(-query)
  if (cd "$copy" && "$cli_path" validate -no-color "${query[@]}") >"$log" 2>&1; then
    ok "validate $dir"
  else
    fail "validate $dir" "$log"
  fi
done < <(find examples -type f \( -name '*.tf' -o -name '*.tfquery.hcl' \) -printf '%h\n' | sort -u)

# 4. Test suites, each against a freshly reset mock.
mapfile -t suites < <(find examples -type f -path '*/tests/*.tftest.hcl' -printf '%h\n' | sed 's,/tests$,,' | sort -u)
if [ "${#suites[@]}" -gt 0 ]; then
  mock_start --rate-limit 0 # the suites test the examples, not the rate limits
  use_mock test-examples
  for dir in "${suites[@]}"; do
    mock_reset
    copy=$(copy_example "$dir")
    if (cd "$copy" && "$cli_path" test -no-color) >"$log" 2>&1; then
      ok "test $dir: $(grep -E '^Success!' "$log")"
    else
      fail "test $dir" "$log"
    fi
  done
fi

if [ "${#failed[@]}" -gt 0 ]; then
  echo
  echo "test-examples: ${#failed[@]} failed with $cli_name:"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo
echo "test-examples: all examples pass with $cli_name"
