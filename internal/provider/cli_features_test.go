package provider

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// cliFeature is a capability some Terraform or OpenTofu CLIs lack: the first
// version of each that has it, nil where none has it yet. A test of the
// feature declares it with requireFeature and is skipped, saying why, on a
// CLI without it; tfversion.SkipBelow alone would not do, as OpenTofu
// reports its own version numbers where Terraform's are compared.
type cliFeature struct {
	name                string
	terraform, opentofu *version.Version
}

var (
	featureFunctions = cliFeature{"provider-defined functions", version.Must(version.NewVersion("1.8.0")), version.Must(version.NewVersion("1.7.0"))}
	featureEphemeral = cliFeature{"ephemeral resources", version.Must(version.NewVersion("1.10.0")), version.Must(version.NewVersion("1.11.0"))}
	featureIdentity  = cliFeature{"resource identity", version.Must(version.NewVersion("1.12.0")), version.Must(version.NewVersion("1.12.0"))}
	featureQuery     = cliFeature{"list resources (terraform query)", version.Must(version.NewVersion("1.14.0")), nil}
	featureActions   = cliFeature{"actions", version.Must(version.NewVersion("1.14.0")), nil}
)

// requireFeature skips a test on a CLI that lacks f.
func requireFeature(f cliFeature) tfversion.TerraformVersionCheck {
	return featureCheck{f}
}

type featureCheck struct{ feature cliFeature }

func (c featureCheck) CheckTerraformVersion(_ context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	name, first := "Terraform", c.feature.terraform
	if isOpenTofu() {
		name, first = "OpenTofu", c.feature.opentofu
	}
	switch got := req.TerraformVersion.Core(); {
	case first == nil:
		resp.Skip = fmt.Sprintf("%s has no %s yet (testing with %s %s): skipping test", name, c.feature.name, name, got)
	case got.LessThan(first):
		resp.Skip = fmt.Sprintf("%s %s has no %s (%s %s has): skipping test", name, got, c.feature.name, name, first)
	}
}

// isOpenTofu reports whether the acceptance tests drive OpenTofu, by asking
// the CLI they run (TF_ACC_TERRAFORM_PATH, else terraform on PATH).
var isOpenTofu = sync.OnceValue(func() bool {
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		cli = "terraform"
	}
	out, err := exec.Command(cli, "version").Output()
	return err == nil && strings.HasPrefix(string(out), "OpenTofu")
})
