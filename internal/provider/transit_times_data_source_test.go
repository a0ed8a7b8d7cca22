package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

func TestAccTransitTimesDataSource_basic(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	want, err := m.Client.TransitTimes(context.Background(), []trackingmore.TransitRoute{
		{CarrierCode: "china-post", Original: "CN", Destination: "US"},
		{CarrierCode: "dhl", Original: "DE", Destination: "DE"},
	})
	if err != nil || len(want) != 2 {
		t.Fatalf("transit times: %v, %d answers", err, len(want))
	}
	// The mock answers counts of delivered parcels: the shares are their percentages.
	pct := func(w trackingmore.TransitTime, r trackingmore.FlexString) knownvalue.Check {
		v, ok := w.SharePercent(r)
		if !ok {
			t.Fatalf("the mock answered an unreadable range %q", r)
		}
		return knownvalue.Float64Exact(v)
	}
	lane := func(w trackingmore.TransitTime) knownvalue.Check {
		return knownvalue.ObjectExact(map[string]knownvalue.Check{
			"carrier_code":       knownvalue.StringExact(string(w.CarrierCode)),
			"origin":             knownvalue.StringExact(string(w.Original)),
			"destination":        knownvalue.StringExact(string(w.Destination)),
			"total":              knownvalue.Int64Exact(int64(w.Total)),
			"delivered":          knownvalue.Int64Exact(int64(w.Delivered)),
			"share_0_7_days":     pct(w, w.Range1),
			"share_7_15_days":    pct(w, w.Range3),
			"share_16_30_days":   pct(w, w.Range4),
			"share_31_60_days":   pct(w, w.Range5),
			"share_over_60_days": pct(w, w.Range6),
		})
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_transit_times" "lanes" {
  routes = [
    { carrier_code = "china-post", origin = "CN", destination = "US" },
    { carrier_code = "dhl", origin = "DE", destination = "DE" },
  ]
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.trackingmore_transit_times.lanes", tfjsonpath.New("results"),
					knownvalue.ListExact([]knownvalue.Check{lane(want[0]), lane(want[1])})),
				// A domestic lane is mostly fast.
				statecheck.ExpectKnownValue("data.trackingmore_transit_times.lanes", tfjsonpath.New("results").AtSliceIndex(1).AtMapKey("share_0_7_days"),
					knownvalue.Float64Func(func(v float64) error {
						if v < 50 || v > 100 {
							return fmt.Errorf("share_0_7_days of a domestic lane is %v, want 50 to 100", v)
						}
						return nil
					})),
			},
		}},
	})
}

func TestAccTransitTimesDataSource_invalidArguments(t *testing.T) {
	testInvalidArguments(t, "trackingmore_transit_times", []invalidArgument{
		{"no routes", `routes = []`, acctest.ErrorNaming("routes")},
		{"country name", `routes = [{ carrier_code = "dhl", origin = "Germany", destination = "DE" }]`, acctest.ErrorNaming("routes[0].origin")},
		{"lowercase destination", `routes = [{ carrier_code = "dhl", origin = "DE", destination = "de" }]`, acctest.ErrorNaming("routes[0].destination")},
		{"uppercase carrier", `routes = [{ carrier_code = "DHL", origin = "DE", destination = "DE" }]`, acctest.ErrorNaming("routes[0].carrier_code")},
	})
}
