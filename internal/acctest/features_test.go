package acctest

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// A feature check skips, naming the CLI, its version and the first version
// with the feature, on every CLI of scripts/cli-features.tsv that lacks it.
func TestRequireFeature(t *testing.T) {
	for _, tc := range []struct {
		feature  string
		openTofu bool
		version  string
		skip     string // "" runs the test
	}{
		{"functions", false, "1.7.5", "Terraform 1.7.5 has no provider-defined functions (Terraform 1.8.0 has): skipping test"},
		{"functions", false, "1.8.0", ""},
		{"functions", true, "1.7.0", ""}, // OpenTofu's own numbering
		{"ephemeral", true, "1.10.6", "OpenTofu 1.10.6 has no ephemeral resources (OpenTofu 1.11.0 has): skipping test"},
		{"query", false, "1.14.0-beta1", ""}, // a pre-release of the first version has it
		{"query", false, "1.11.4", "Terraform 1.11.4 has no list resources (terraform query) (Terraform 1.14.0 has): skipping test"},
		{"query", true, "1.12.6", "OpenTofu has no list resources (terraform query) yet (testing with OpenTofu 1.12.6): skipping test"},
	} {
		var resp tfversion.CheckTerraformVersionResponse
		featureCheck{name: tc.feature, isOpenTofu: func() bool { return tc.openTofu }}.CheckTerraformVersion(context.Background(),
			tfversion.CheckTerraformVersionRequest{TerraformVersion: version.Must(version.NewVersion(tc.version))}, &resp)
		if resp.Error != nil || resp.Skip != tc.skip {
			t.Errorf("%s on %s (OpenTofu %v): skip %q, error %v; want skip %q", tc.feature, tc.version, tc.openTofu, resp.Skip, resp.Error, tc.skip)
		}
	}
}

// A feature missing from scripts/cli-features.tsv fails the test rather
// than running it on every CLI.
func TestRequireFeature_unknown(t *testing.T) {
	var resp tfversion.CheckTerraformVersionResponse
	featureCheck{name: "teleport", isOpenTofu: func() bool { return false }}.CheckTerraformVersion(context.Background(),
		tfversion.CheckTerraformVersionRequest{TerraformVersion: version.Must(version.NewVersion("1.16.4"))}, &resp)
	if resp.Error == nil || !strings.Contains(resp.Error.Error(), `feature "teleport" is not in scripts/cli-features.tsv`) || resp.Skip != "" {
		t.Errorf("skip %q, error %v", resp.Skip, resp.Error)
	}
}
