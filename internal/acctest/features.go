package acctest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// cliFeature is a capability some Terraform or OpenTofu CLIs lack: the first
// version of each that has it, nil where none has it yet.
type cliFeature struct {
	what                string
	terraform, opentofu *version.Version
}

// cliFeatures is scripts/cli-features.tsv, which the example and demo
// scripts read too.
var cliFeatures = sync.OnceValues(func() (map[string]cliFeature, error) {
	_, here, _, _ := runtime.Caller(0)
	f, err := os.Open(filepath.Join(filepath.Dir(here), "..", "..", "scripts", "cli-features.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	features := map[string]cliFeature{}
	first := func(s string) *version.Version {
		if s == "-" {
			return nil
		}
		return version.Must(version.NewVersion(s))
	}
	for lines := bufio.NewScanner(f); lines.Scan(); {
		fields := strings.Split(lines.Text(), "\t")
		if strings.HasPrefix(lines.Text(), "#") || len(fields) != 4 {
			continue
		}
		features[fields[0]] = cliFeature{what: fields[3], terraform: first(fields[1]), opentofu: first(fields[2])}
	}
	return features, nil
})

// RequireFeature skips a test, saying why, on a CLI without the named
// feature of scripts/cli-features.tsv; a name not in the file fails it.
// tfversion.SkipBelow alone would not do: OpenTofu reports its own version
// numbers where Terraform's are compared.
func RequireFeature(name string) tfversion.TerraformVersionCheck {
	return featureCheck{name: name, isOpenTofu: IsOpenTofu}
}

type featureCheck struct {
	name       string
	isOpenTofu func() bool // which CLI's first version to compare with
}

func (c featureCheck) CheckTerraformVersion(_ context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	features, err := cliFeatures()
	f, known := features[c.name]
	if err != nil || !known {
		resp.Error = fmt.Errorf("feature %q is not in scripts/cli-features.tsv (%v)", c.name, err)
		return
	}
	cli, first := "Terraform", f.terraform
	if c.isOpenTofu() {
		cli, first = "OpenTofu", f.opentofu
	}
	switch got := req.TerraformVersion.Core(); {
	case first == nil:
		resp.Skip = fmt.Sprintf("%s has no %s yet (testing with %s %s): skipping test", cli, f.what, cli, got)
	case got.LessThan(first):
		resp.Skip = fmt.Sprintf("%s %s has no %s (%s %s has): skipping test", cli, got, f.what, cli, first)
	}
}
