package provider

// Helpers the tests of this package share: configurations of both
// resources, their addresses and state paths.

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
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

// invalidArgument is one row of a data source's plan-time validation table:
// body is the inside of the data block, expect the error (usually
// acctest.ErrorNaming(attribute)).
type invalidArgument struct {
	name   string
	body   string
	expect *regexp.Regexp
}

// testInvalidArguments plans each row against its own configuration and
// expects a validation error naming the attribute, with no API call at all.
func testInvalidArguments(t *testing.T, dataSource string, rows []invalidArgument) {
	t.Helper()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	// Runs after the parallel subtests below have finished.
	t.Cleanup(func() { m.ExpectNoCalls(t) })
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			acctest.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      m.Config(fmt.Sprintf("data %q \"test\" {\n%s\n}\n", dataSource, row.body)),
					PlanOnly:    true,
					ExpectError: row.expect,
				}},
			})
		})
	}
}
