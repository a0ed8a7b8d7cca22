package acctest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// APIKey is the API key of every Mock's provider block and client.
const APIKey = "tm-test-key-0123456789"

// Mock is one test's private mock API, plus a client for out-of-band
// changes (made through the API, as a user outside Terraform would).
type Mock struct {
	*mockapi.Server
	APIVersion string // the version the provider block and Client speak: "v2" or "v4"
	URL        string // the API's base URL, ending in /v2 or /v4
	Client     *trackingmore.Client
}

// NewMock starts a mock API with opts for this test only; the test's
// cleanup stops it. Its client uses APIKey and 3 retries, then whatever
// configure changes. opts are used as given: zero Limits are TrackingMore's
// real ones (1 request/s per key), so a test that does not test limits
// passes Limits: mockapi.NoLimits.
func NewMock(t testing.TB, opts mockapi.Options, configure ...func(*trackingmore.Config)) *Mock {
	t.Helper()
	return NewMockAt(t, trackingmore.APIVersionV2, opts, configure...)
}

// NewMockAt is NewMock whose provider block and client speak API version
// ("v2" or "v4"): the mock serves both over the same accounts.
func NewMockAt(t testing.TB, version string, opts mockapi.Options, configure ...func(*trackingmore.Config)) *Mock {
	t.Helper()
	srv := mockapi.New(opts)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	url := ts.URL + "/" + version
	return &Mock{Server: srv, APIVersion: version, URL: url, Client: newClient(t, version, url, configure...)}
}

// AtVersion is the same mock (its accounts, trackings and counters) as
// the provider block and client of API version speak to it.
func (m *Mock) AtVersion(t testing.TB, version string) *Mock {
	t.Helper()
	url := strings.TrimSuffix(m.URL, "/"+m.APIVersion) + "/" + version
	return &Mock{Server: m.Server, APIVersion: version, URL: url, Client: newClient(t, version, url)}
}

// newClient is a Mock's client: APIKey, 3 retries, then whatever configure changes.
func newClient(t testing.TB, version, url string, configure ...func(*trackingmore.Config)) *trackingmore.Client {
	t.Helper()
	cfg := trackingmore.Config{APIKey: APIKey, APIVersion: version, BaseURL: url, MaxRetries: 3}
	for _, c := range configure {
		c(&cfg)
	}
	client, err := trackingmore.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// ProviderBlock is the provider block pointing at this mock, paced fast
// enough that tests are not slowed by the default pacing. settings adds or
// replaces arguments (HCL expressions); an empty one removes the argument.
func (m *Mock) ProviderBlock(settings map[string]string) string {
	args := map[string]string{
		"api_key":             fmt.Sprintf("%q", APIKey),
		"base_url":            fmt.Sprintf("%q", m.URL),
		"requests_per_second": "500",
	}
	if m.APIVersion != trackingmore.APIVersionV2 {
		args["api_version"] = fmt.Sprintf("%q", m.APIVersion)
	}
	for name, value := range settings {
		if value == "" {
			delete(args, name)
		} else {
			args[name] = value
		}
	}
	return HCLBlock(`provider "trackingmore"`, args)
}

// Config prefixes body with the provider's source address and block.
func (m *Mock) Config(body string) string {
	return m.ConfigWith(nil, body)
}

// ConfigWith is Config with provider settings changed (see ProviderBlock).
// The source address is ProviderAddress's, so that steps that fail before
// any resource is known still find the provider under OpenTofu.
func (m *Mock) ConfigWith(settings map[string]string, body string) string {
	return TerraformBlock(ProviderAddress(ProviderName)) + m.ProviderBlock(settings) + body
}

// Exists reports whether the mock holds carrier/number.
func (m *Mock) Exists(carrier, number string) (bool, error) {
	_, err := m.Client.GetTracking(context.Background(), carrier, number, "")
	if trackingmore.IsNotFound(err) {
		return false, nil
	}
	return err == nil, err
}

// CheckDestroyed is a CheckDestroy that asks the mock itself whether every
// trackingmore_tracking in state is gone.
func (m *Mock) CheckDestroyed(s *terraform.State) error {
	for _, rs := range s.RootModule().Resources {
		if rs.Type != "trackingmore_tracking" {
			continue
		}
		carrier, number := rs.Primary.Attributes["carrier_code"], rs.Primary.Attributes["tracking_number"]
		found, err := m.Exists(carrier, number)
		if err != nil {
			return err
		}
		if found {
			return fmt.Errorf("tracking %s/%s still exists after destroy", carrier, number)
		}
	}
	return nil
}

// CheckTracking asserts, with check, what the mock itself stores for
// carrier/number.
func (m *Mock) CheckTracking(carrier, number string, check func(*trackingmore.Tracking) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		t, err := m.Client.GetTracking(context.Background(), carrier, number, "")
		if err != nil {
			return fmt.Errorf("reading %s/%s from the mock: %w", carrier, number, err)
		}
		return check(t)
	}
}

// ExpectNoCalls fails the test if the mock saw any API call, for
// configurations that must be rejected at plan time.
func (m *Mock) ExpectNoCalls(t testing.TB) {
	t.Helper()
	if got := m.Stats().Total; got != 0 {
		t.Errorf("expected no API calls, the mock saw %d", got)
	}
}

// ExpectCalls checks how many calls each endpoint named in want (a route
// pattern, "POST /trackings/batch") has received since the mock started.
// It resets nothing: counts add up over a test's steps.
func (m *Mock) ExpectCalls(want map[string]int64) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := m.Stats().ByEndpoint
		for endpoint, n := range want {
			if got[endpoint] != n {
				return fmt.Errorf("%s: expected %d calls, got %d (all: %v)", endpoint, n, got[endpoint], got)
			}
		}
		return nil
	}
}

// TrackingIDs maps carrier/number to id for every tracking the mock holds
// (up to 2,000, one page of the list endpoint).
func (m *Mock) TrackingIDs(t testing.TB) map[string]string {
	t.Helper()
	page, err := m.Client.ListTrackings(context.Background(), trackingmore.ListOptions{Limit: 2000})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, tr := range page.Items {
		ids[tr.CarrierCode+"/"+tr.TrackingNumber] = tr.ID
	}
	return ids
}
