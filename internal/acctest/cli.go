package acctest

import (
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// ProviderName is the provider's name in configurations and addresses.
const ProviderName = "trackingmore"

// ProviderFactories serves newServer as the trackingmore provider of a
// resource.TestCase.
func ProviderFactories(newServer func() (tfprotov6.ProviderServer, error)) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){ProviderName: newServer}
}

// TerraformPath is the CLI the acceptance tests drive: TF_ACC_TERRAFORM_PATH,
// else terraform on PATH.
func TerraformPath() string {
	return envOr("TF_ACC_TERRAFORM_PATH", "terraform")
}

// ProviderAddress is the source address of provider name as the tests'
// CLI looks it up: TF_ACC_PROVIDER_HOST/TF_ACC_PROVIDER_NAMESPACE/name, so
// that OpenTofu (registry.opentofu.org) finds the provider too.
func ProviderAddress(name string) string {
	return envOr("TF_ACC_PROVIDER_HOST", "registry.terraform.io") + "/" + envOr("TF_ACC_PROVIDER_NAMESPACE", "hashicorp") + "/" + name
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// MissingCLI says how to get the CLI the acceptance tests drive, or is
// empty when there is one.
var MissingCLI = sync.OnceValue(func() string { return missingCLI(TerraformPath()) })

func missingCLI(terraform string) string {
	if _, err := exec.LookPath(terraform); err != nil {
		return "acceptance tests need the terraform CLI (" + err.Error() + "): put terraform on PATH or set TF_ACC_TERRAFORM_PATH " +
			"(and TF_ACC_PROVIDER_NAMESPACE/TF_ACC_PROVIDER_HOST for OpenTofu)"
	}
	return ""
}

// RequireCLI fails the test, with one message saying what to install, when
// there is no Terraform CLI. Acceptance tests always run (TF_ACC or not):
// a missing CLI is a failure, never a skip.
func RequireCLI(t testing.TB) {
	t.Helper()
	if msg := MissingCLI(); msg != "" {
		t.Fatal(msg)
	}
}

// ParallelTest is resource.ParallelTest once the CLI is known to be there.
func ParallelTest(t *testing.T, tc resource.TestCase) {
	t.Helper()
	RequireCLI(t)
	resource.ParallelTest(t, tc)
}

// Test is resource.Test (for tests that must not run in parallel) once the
// CLI is known to be there.
func Test(t *testing.T, tc resource.TestCase) {
	t.Helper()
	RequireCLI(t)
	resource.Test(t, tc)
}

// IsOpenTofu reports whether the acceptance tests drive OpenTofu, by
// asking the CLI they run (TerraformPath).
var IsOpenTofu = sync.OnceValue(func() bool {
	out, err := exec.Command(TerraformPath(), "version").Output()
	return err == nil && strings.Contains(string(out), "OpenTofu v")
})
