package acctest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

func TestMissingCLI(t *testing.T) {
	if msg := missingCLI(filepath.Join(t.TempDir(), "terraform")); !strings.Contains(msg, "put terraform on PATH or set TF_ACC_TERRAFORM_PATH") {
		t.Errorf("no CLI: %q", msg)
	}
	if msg := missingCLI(fakeTerraform(t, "exit 0")); msg != "" {
		t.Errorf("a CLI there: %q", msg)
	}
}

func TestProviderAddress(t *testing.T) {
	t.Setenv("TF_ACC_PROVIDER_HOST", "")
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "")
	if got := ProviderAddress("echo"); got != "registry.terraform.io/hashicorp/echo" {
		t.Errorf("Terraform's default: %s", got)
	}
	t.Setenv("TF_ACC_PROVIDER_HOST", "registry.opentofu.org")
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "trackform")
	if got := ProviderAddress("trackingmore"); got != "registry.opentofu.org/trackform/trackingmore" {
		t.Errorf("OpenTofu's: %s", got)
	}
}

func TestProviderFactories(t *testing.T) {
	calls := 0
	factories := ProviderFactories(func() (tfprotov6.ProviderServer, error) { calls++; return nil, nil })
	if len(factories) != 1 || factories["trackingmore"] == nil {
		t.Fatalf("factories %v", factories)
	}
	if _, err := factories["trackingmore"](); err != nil || calls != 1 {
		t.Errorf("the factory called the constructor %d times", calls)
	}
}
