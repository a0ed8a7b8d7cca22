package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// TestAccCarrierCheck_misconfigurationFailsPlan: a key the API rejects
// (APIKey) or a base_url without /v2 (BaseURL) fails the plan of either
// resource, naming the provider argument, before any call but the carrier
// list's. (An API that cannot be reached only warns:
// TestCLITrackingResource_carrierListUnreachable.)
func TestAccCarrierCheck_misconfigurationFailsPlan(t *testing.T) {
	resources := map[string]string{
		"tracking": `
resource "trackingmore_tracking" "test" {
  tracking_number = "1Z999AA10123456784"
  carrier_code    = "ups"
}
`,
		"trackings": bulkResource(map[string]string{"a": quietItems["espresso"], "b": quietItems["shoes"]}),
	}
	for _, row := range []struct {
		name     string
		keys     []string                              // the mock's accounts; nil: any key
		settings func(*acctest.Mock) map[string]string // provider arguments changed
		expect   *regexp.Regexp
	}{
		{
			name:   "APIKey rejected",
			keys:   []string{"other"},
			expect: acctest.Wrapped("Invalid provider argument api_key", "TrackingMore rejected the provider's api_key", "code 4001", "TRACKINGMORE_API_KEY"),
		},
		{
			name: "BaseURL without v2",
			settings: func(m *acctest.Mock) map[string]string {
				return map[string]string{"base_url": fmt.Sprintf("%q", strings.TrimSuffix(m.URL, "/v2"))}
			},
			expect: acctest.Wrapped("Invalid provider argument base_url", "base_url answers 404 to GET /carriers",
				"TrackingMore's v2 API is under /v2, as in https://api.trackingmore.com/v2"),
		},
	} {
		for name, body := range resources {
			t.Run(row.name+"/"+name, func(t *testing.T) {
				m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits, APIKeys: row.keys})
				var settings map[string]string
				if row.settings != nil {
					settings = row.settings(m)
				}
				acctest.ParallelTest(t, resource.TestCase{
					ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
					Steps:                    []resource.TestStep{{Config: m.ConfigWith(settings, body), ExpectError: row.expect}},
				})
				// The mock counts only calls below /v2: none for the wrong base_url.
				stats := m.Stats()
				for endpoint := range stats.ByEndpoint {
					if !strings.HasPrefix(endpoint, "GET ") {
						t.Errorf("the failed plan called %s: %v", endpoint, stats.ByEndpoint)
					}
				}
			})
		}
	}
}
