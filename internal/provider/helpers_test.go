package provider

// Helpers the tests of this package share: configurations of both
// resources, their addresses and state paths.

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
)

const trackingAddr = "trackingmore_tracking.test"

var hexID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// trackingConfig renders a trackingmore_tracking named "test" from HCL lines.
func trackingConfig(m *acctest.Mock, lines string) string {
	return m.Config(`
resource "trackingmore_tracking" "test" {
` + lines + `
}
`)
}

func expectAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(trackingAddr, tfjsonpath.New(name), v)
}

const bulkAddr = "trackingmore_trackings.test"

// bulkConfig is the provider block plus bulkResource(items).
func bulkConfig(m *acctest.Mock, items map[string]string) string {
	return m.Config(bulkResource(items))
}

// bulkResource renders a trackingmore_trackings named "test" whose map holds
// items, each given as HCL attribute lines.
func bulkResource(items map[string]string) string {
	var b strings.Builder
	for _, label := range slices.Sorted(maps.Keys(items)) {
		fmt.Fprintf(&b, "    %q = {\n%s\n    }\n", label, items[label])
	}
	return `
resource "trackingmore_trackings" "test" {
  trackings = {
` + b.String() + `  }
}
`
}

// upsItems returns n items labelled order-0001… with valid UPS numbers.
func upsItems(n int, extra string) map[string]string {
	items := map[string]string{}
	for i := range n {
		items[fmt.Sprintf("order-%04d", i)] = fmt.Sprintf("      carrier_code = \"ups\"\n      tracking_number = \"1Z999AA1%010d\"\n%s", i, extra)
	}
	return items
}

func bulkItem(label, attr string) tfjsonpath.Path {
	return tfjsonpath.New("trackings").AtMapKey(label).AtMapKey(attr)
}

// singleResources renders n trackingmore_tracking "t000"... with ups numbers.
func singleResources(n int) string {
	var body strings.Builder
	for i := range n {
		fmt.Fprintf(&body, "resource \"trackingmore_tracking\" \"t%03d\" {\n  carrier_code = \"ups\"\n  tracking_number = \"1Z999AA1%010d\"\n}\n", i, i)
	}
	return body.String()
}
