package provider

import (
	"context"
	"fmt"
	"maps"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// Acceptance tests drive the real Terraform CLI against an in-process mock,
// so they need no account and no network: they always run, TF_ACC or not.
// Unit tests run without a CLI; acceptanceTest fails each acceptance test
// that finds none.
func TestMain(m *testing.M) {
	if os.Getenv("TF_ACC") == "" {
		_ = os.Setenv("TF_ACC", "1")
	}
	// As the provider binary does (main.go): the tests run it in-process.
	QuietFrameworkLogs()
	os.Exit(m.Run())
}

// missingCLI says how to get the CLI the acceptance tests drive, or is
// empty when there is one.
var missingCLI = sync.OnceValue(func() string {
	cli := envOr("TF_ACC_TERRAFORM_PATH", "terraform")
	if _, err := exec.LookPath(cli); err != nil {
		return "acceptance tests need the terraform CLI (" + err.Error() + "): put terraform on PATH or set TF_ACC_TERRAFORM_PATH " +
			"(and TF_ACC_PROVIDER_NAMESPACE/TF_ACC_PROVIDER_HOST for OpenTofu)"
	}
	return ""
})

// requireCLI fails the test, with one message saying what to install, when
// there is no Terraform CLI.
func requireCLI(t *testing.T) {
	t.Helper()
	if msg := missingCLI(); msg != "" {
		t.Fatal(msg)
	}
}

// parallelTest is resource.ParallelTest once the CLI is known to be there.
func parallelTest(t *testing.T, tc resource.TestCase) {
	t.Helper()
	requireCLI(t)
	resource.ParallelTest(t, tc)
}

// serialTest is resource.Test once the CLI is known to be there.
func serialTest(t *testing.T, tc resource.TestCase) {
	t.Helper()
	requireCLI(t)
	resource.Test(t, tc)
}

const testAPIKey = "tm-test-key-0123456789"

var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"trackingmore": newServer,
}

// newServer is the provider's muxed server, as main.go serves it.
func newServer() (tfprotov6.ProviderServer, error) {
	server, err := NewServer("test")
	if err != nil {
		return nil, err
	}
	return server(), nil
}

// testMock is one test's private mock API, plus a client for out-of-band
// changes (made through the API, as a user outside Terraform would).
type testMock struct {
	*mockapi.Server
	URL    string
	Client *trackingmore.Client
}

func newTestMock(t *testing.T, opts mockapi.Options) *testMock {
	t.Helper()
	srv := mockapi.New(opts)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	client, err := trackingmore.New(trackingmore.Config{APIKey: testAPIKey, BaseURL: ts.URL + "/v2", MaxRetries: 3})
	if err != nil {
		t.Fatal(err)
	}
	return &testMock{Server: srv, URL: ts.URL + "/v2", Client: client}
}

// providerBlock is the provider block pointing at this mock, paced fast
// enough that tests are not slowed by the default pacing. settings adds or
// replaces arguments (HCL expressions); an empty one removes the argument.
func (m *testMock) providerBlock(settings map[string]string) string {
	args := map[string]string{
		"api_key":             fmt.Sprintf("%q", testAPIKey),
		"base_url":            fmt.Sprintf("%q", m.URL),
		"requests_per_second": "500",
	}
	for name, value := range settings {
		if value == "" {
			delete(args, name)
		} else {
			args[name] = value
		}
	}
	return hclBlock(`provider "trackingmore"`, args)
}

// hclBlock renders a block of name = value arguments (HCL expressions), sorted by name.
func hclBlock(header string, args map[string]string) string {
	var b strings.Builder
	b.WriteString(header + " {\n")
	for _, name := range slices.Sorted(maps.Keys(args)) {
		fmt.Fprintf(&b, "  %s = %s\n", name, args[name])
	}
	return b.String() + "}\n"
}

// config prefixes body with the provider's source address and block.
func (m *testMock) config(body string) string {
	return m.configWith(nil, body)
}

// configWith is config with provider settings changed (see providerBlock).
// The source address follows TF_ACC_PROVIDER_NAMESPACE/HOST, so that steps
// that fail before any resource is known still find the provider under OpenTofu.
func (m *testMock) configWith(settings map[string]string, body string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    trackingmore = {
      source = "%s/%s/trackingmore"
    }
  }
}
`, envOr("TF_ACC_PROVIDER_HOST", "registry.terraform.io"), envOr("TF_ACC_PROVIDER_NAMESPACE", "hashicorp")) +
		m.providerBlock(settings) + body
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// exists reports whether the mock holds carrier/number.
func (m *testMock) exists(carrier, number string) (bool, error) {
	_, err := m.Client.GetTracking(context.Background(), carrier, number, "")
	if trackingmore.IsNotFound(err) {
		return false, nil
	}
	return err == nil, err
}

// checkDestroyed is a CheckDestroy that asks the mock itself whether every
// trackingmore_tracking in state is gone.
func (m *testMock) checkDestroyed(s *terraform.State) error {
	for _, rs := range s.RootModule().Resources {
		if rs.Type != "trackingmore_tracking" {
			continue
		}
		carrier, number := rs.Primary.Attributes["carrier_code"], rs.Primary.Attributes["tracking_number"]
		found, err := m.exists(carrier, number)
		if err != nil {
			return err
		}
		if found {
			return fmt.Errorf("tracking %s/%s still exists after destroy", carrier, number)
		}
	}
	return nil
}

// expectNoCalls fails the test if the mock saw any API call, for
// configurations that must be rejected at plan time.
func (m *testMock) expectNoCalls(t *testing.T) {
	t.Helper()
	if got := m.Stats().Total; got != 0 {
		t.Errorf("expected no API calls, the mock saw %d", got)
	}
}

// errorNaming matches a plan-time validation error about attribute.
func errorNaming(attribute string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)Attribute ` + regexp.QuoteMeta(attribute) + `.*`)
}

// wrapped matches each of phrases in order, as the CLI prints them: wrapped
// at any space, with anything between them.
func wrapped(phrases ...string) *regexp.Regexp {
	quoted := make([]string, len(phrases))
	for i, p := range phrases {
		quoted[i] = strings.Join(strings.Fields(regexp.QuoteMeta(p)), `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}
