#!/usr/bin/env bash
# make release-check: builds an unsigned, unpublished goreleaser snapshot
# into dist/ and checks it has the layout the Terraform and OpenTofu
# registries expect:
#   - one terraform-provider-trackingmore_<version>_<os>_<arch>.zip per
#     platform, holding terraform-provider-trackingmore_v<version>[.exe];
#   - terraform-provider-trackingmore_<version>_manifest.json, equal to
#     terraform-registry-manifest.json (protocol 6.0);
#   - trackingmore-mock_<version>_<os>_<arch>.tar.gz (.zip on Windows) per
#     platform of the provider, holding trackingmore-mock[.exe];
#   - terraform-provider-trackingmore_<version>_SHA256SUMS listing every zip,
#     the manifest and every mock archive, all of which verify.
#
#   tools/release-check.sh host   # the host platform only (CI default, ~1 min)
#   tools/release-check.sh all    # every platform of .goreleaser.yml
#
# GORELEASER is the command that runs goreleaser (the Makefile passes the
# pinned `go tool -modfile=tools/go.mod goreleaser`). Signing is skipped, so
# no GPG key is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

targets="${1:-host}"
GORELEASER="${GORELEASER:-go tool -modfile=$PWD/tools/go.mod goreleaser}"
project=terraform-provider-trackingmore
config=.goreleaser.yml

fail() { echo "release-check: $*" >&2; exit 1; }

tmpcfg=""
cleanup() { [ -n "$tmpcfg" ] && rm -f "$tmpcfg"; return 0; }
trap cleanup EXIT

case "$targets" in
  all) ;;
  host)
    host="$(go env GOOS)_$(go env GOARCH)"
    # Same configuration, with the platform matrix (between the markers)
    # replaced by the host platform. goreleaser reads it from the repository
    # root, so relative globs (the registry manifest) still resolve.
    tmpcfg="$(mktemp ./.goreleaser.host.XXXXXX.yml)"
    awk -v host="$host" '
      /# release-targets-begin/ { skip = 1; print "    targets:"; print "      - " host; next }
      /# release-targets-end/   { skip = 0; next }
      !skip
    ' "$config" >"$tmpcfg"
    grep -q "^      - $host\$" "$tmpcfg" || fail "could not find the release-targets markers in $config"
    config="$tmpcfg"
    ;;
  *) fail "unknown targets '$targets': use host or all" ;;
esac

# --snapshot: no tag needed, nothing published; sign skipped: no GPG key.
$GORELEASER release --config "$config" --snapshot --clean --skip=publish,sign

# --- layout checks ----------------------------------------------------------
command -v unzip >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 ||
  fail "need unzip or python3 to inspect the archives"
list_zip() {
  if command -v unzip >/dev/null 2>&1; then
    unzip -Z1 "$1"
  else
    python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"
  fi
}

sums=(dist/"${project}"_*_SHA256SUMS)
[ -f "${sums[0]}" ] && [ "${#sums[@]}" -eq 1 ] || fail "expected exactly one dist/${project}_<version>_SHA256SUMS"
version="${sums[0]#dist/${project}_}"
version="${version%_SHA256SUMS}"
[ -n "$version" ] || fail "could not read the version from ${sums[0]}"

# The manifest is uploaded by the release step (skipped for a snapshot) as
# <project>_<version>_manifest.json; SHA256SUMS must already cover it.
manifest="${project}_${version}_manifest.json"
grep -q '"protocol_versions": *\[ *"6.0" *\]' terraform-registry-manifest.json ||
  fail "terraform-registry-manifest.json does not declare protocol 6.0"
want="$(sha256sum terraform-registry-manifest.json | cut -d' ' -f1)"
grep -qx "$want  $manifest" "${sums[0]}" ||
  fail "$(basename "${sums[0]}") does not list $manifest with the hash of terraform-registry-manifest.json"

zips=(dist/"${project}_${version}"_*.zip)
[ -f "${zips[0]}" ] || fail "no dist/${project}_${version}_<os>_<arch>.zip"
if [ "$targets" = host ]; then
  [ "${#zips[@]}" -eq 1 ] || fail "expected one zip for the host, got ${#zips[@]}"
  [ -f "dist/${project}_${version}_${host}.zip" ] || fail "missing dist/${project}_${version}_${host}.zip"
fi
for z in "${zips[@]}"; do
  name="$(basename "$z")"
  platform="${name#"${project}_${version}_"}"
  platform="${platform%.zip}"
  bin="${project}_v${version}"
  [[ "$platform" == windows_* ]] && bin="$bin.exe"
  list_zip "$z" | grep -qx "$bin" || fail "$name does not hold $bin at its top level"
  grep -q "  $name\$" "${sums[0]}" || fail "$name is not listed in $(basename "${sums[0]}")"
done
(cd dist && grep -v "  $manifest\$" "$(basename "${sums[0]}")" | sha256sum --quiet -c -) ||
  fail "SHA256SUMS does not verify"

# The mock's archives: one per provider platform, apart from the zips.
mocks=()
for z in "${zips[@]}"; do
  platform="$(basename "$z")"
  platform="${platform#"${project}_${version}_"}"
  platform="${platform%.zip}"
  archive="trackingmore-mock_${version}_${platform}.tar.gz" bin=trackingmore-mock
  [[ "$platform" == windows_* ]] && archive="trackingmore-mock_${version}_${platform}.zip" bin=trackingmore-mock.exe
  [ -f "dist/$archive" ] || fail "missing dist/$archive"
  if [[ "$archive" == *.zip ]]; then list="$(list_zip "dist/$archive")"; else list="$(tar -tzf "dist/$archive")"; fi
  grep -qx "$bin" <<<"$list" || fail "$archive does not hold $bin at its top level"
  grep -q "  $archive\$" "${sums[0]}" || fail "$archive is not listed in $(basename "${sums[0]}")"
  mocks+=("$archive")
done
[ "$(find dist -maxdepth 1 -name 'trackingmore-mock_*' \( -name '*.tar.gz' -o -name '*.zip' \) | wc -l)" -eq "${#mocks[@]}" ] ||
  fail "dist/ holds mock archives for platforms the provider is not built for"
[ "$(wc -l <"${sums[0]}")" -eq $(( ${#zips[@]} + 1 + ${#mocks[@]} )) ] ||
  fail "$(basename "${sums[0]}") should list exactly the zips, the manifest and the mock archives"

# The host binary runs and reports itself as a plugin (it refuses to run
# outside Terraform, with this message).
host_zip="dist/${project}_${version}_$(go env GOOS)_$(go env GOARCH).zip"
if [ -f "$host_zip" ]; then
  out="$(mktemp -d)"
  (cd "$out" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall()' "$OLDPWD/$host_zip" 2>/dev/null ||
    unzip -q "$OLDPWD/$host_zip")
  chmod +x "$out/${project}_v${version}"
  msg="$("$out/${project}_v${version}" 2>&1 || true)"
  rm -rf "$out"
  grep -qi "plugin" <<<"$msg" || fail "the host binary did not start as a plugin: $msg"
fi

# The host's mock runs and knows its version.
host_mock="dist/trackingmore-mock_${version}_$(go env GOOS)_$(go env GOARCH).tar.gz"
if [ -f "$host_mock" ]; then
  out="$(mktemp -d)"
  tar -xzf "$host_mock" -C "$out"
  msg="$("$out/trackingmore-mock" --version 2>&1 || true)"
  rm -rf "$out"
  [ "$msg" = "trackingmore-mock $version" ] || fail "the host's trackingmore-mock --version said: $msg"
fi

echo "release-check: ${#zips[@]} platform zip(s), manifest and SHA256SUMS for version $version have the registry layout; ${#mocks[@]} mock archive(s) verify"
