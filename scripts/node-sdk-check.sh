#!/usr/bin/env bash
# scripts/node-sdk-check.sh: installs TrackingMore's official Node SDK
# (trackingmore-sdk-nodejs, the version pinned in scripts/node-sdk/
# package-lock.json) into a temporary directory and drives every one of its
# methods against bin/trackingmore-mock's /v4 (scripts/node-sdk/check.js).
# It fails, naming the method, when the mock's answer does not fit what the
# SDK decodes. Needs node and npm (and the npm registry, or npm's cache);
# expects bin/ to be built (make mock).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "node-sdk-check: $tool is missing: install Node.js 18 or later" >&2; exit 2; }
done

lib_init
mock_start --rate-limit 0 --api-key sdk-check-key
cp "$ROOT"/scripts/node-sdk/{package.json,package-lock.json,check.js,redirect.cjs} "$WORK/"
(cd "$WORK" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
cd "$WORK"
MOCK_ORIGIN=${MOCK_BASE_URL%/v2} MOCK_API_KEY=sdk-check-key node --require ./redirect.cjs check.js
