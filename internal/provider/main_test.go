package provider

import (
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
)

// Acceptance tests drive the real Terraform CLI against an in-process mock,
// so they need no account and no network: they always run, TF_ACC or not.
// Unit tests run without a CLI; acctest.RequireCLI fails each acceptance
// test that finds none.
func TestMain(m *testing.M) {
	if os.Getenv("TF_ACC") == "" {
		_ = os.Setenv("TF_ACC", "1")
	}
	// As the provider binary does (main.go): the tests run it in-process.
	QuietFrameworkLogs()
	os.Exit(m.Run())
}

// testAccProtoV6ProviderFactories serve the provider to each acceptance test.
var testAccProtoV6ProviderFactories = acctest.ProviderFactories(newServer)

// newServer is the provider's muxed server, as main.go serves it.
func newServer() (tfprotov6.ProviderServer, error) {
	server, err := NewServer("test")
	if err != nil {
		return nil, err
	}
	return server(), nil
}
