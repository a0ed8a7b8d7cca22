package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// createUPSTrackings creates count UPS trackings through the API, numbered
// 1Z999AA1 + ten digits, with order ids ORD-000 ….
func createUPSTrackings(t *testing.T, m *acctest.Mock, count int) {
	t.Helper()
	items := make([]trackingmore.CreateTrackingRequest, count)
	for i := range items {
		items[i] = trackingmore.CreateTrackingRequest{
			TrackingNumber: fmt.Sprintf("1Z999AA1%010d", i), CarrierCode: "ups", OrderID: fmt.Sprintf("ORD-%03d", i),
		}
	}
	res, err := m.Client.CreateTrackings(context.Background(), items)
	if err != nil || res.Added != count {
		t.Fatalf("creating %d trackings: %v (%+v)", count, err, res)
	}
}

// The list endpoint allows one call per second, which the provider keeps:
// each test below reads at most two lists, and the tests run in parallel.

// TestAccTrackingsDataSource_pagination lists more trackings than the API's
// default page of 100, whole and capped by max_results.
func TestAccTrackingsDataSource_pagination(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	const count = 105
	createUPSTrackings(t, m, count)

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_trackings" "all" {}

data "trackingmore_trackings" "first" {
  max_results = 10
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.trackingmore_trackings.all", tfjsonpath.New("total"), knownvalue.Int64Exact(count)),
				statecheck.ExpectKnownValue("data.trackingmore_trackings.all", tfjsonpath.New("trackings"), knownvalue.ListSizeExact(count)),
				statecheck.ExpectKnownValue("data.trackingmore_trackings.all", tfjsonpath.New("trackings").AtSliceIndex(count-1), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"carrier_code":    knownvalue.StringExact("ups"),
					"tracking_number": knownvalue.StringExact(fmt.Sprintf("1Z999AA1%010d", count-1)),
					"order_id":        knownvalue.StringExact(fmt.Sprintf("ORD-%03d", count-1)),
					"id":              knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{32}$`)),
					"status":          knownvalue.StringExact("pending"),
					"archived":        knownvalue.Bool(false),
				})),
				statecheck.ExpectKnownValue("data.trackingmore_trackings.first", tfjsonpath.New("trackings"), knownvalue.ListSizeExact(10)),
				statecheck.ExpectKnownValue("data.trackingmore_trackings.first", tfjsonpath.New("trackings").AtSliceIndex(9).AtMapKey("tracking_number"),
					knownvalue.StringExact("1Z999AA10000000009")),
				statecheck.ExpectKnownValue("data.trackingmore_trackings.first", tfjsonpath.New("total"), knownvalue.Int64Exact(count)),
			},
		}},
	})
}

// TestAccTrackingsDataSource_filters filters by status after the parcels have
// moved on, and by numbers AND order ids AND a time range.
func TestAccTrackingsDataSource_filters(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	createUPSTrackings(t, m, 50)
	// A week on, parcels have reached different statuses.
	m.Advance(7 * 24 * time.Hour)
	delivered, _, err := m.Client.ListAllTrackings(context.Background(), trackingmore.ListOptions{Status: "delivered"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(delivered) < 3 || len(delivered) == 50 {
		t.Fatalf("the test needs a mix of statuses, the mock has %d of 50 delivered", len(delivered))
	}

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_trackings" "delivered" {
  status      = "delivered"
  max_results = 2
}

data "trackingmore_trackings" "some" {
  tracking_numbers = ["1Z999AA10000000007", "1Z999AA10000000042"]
  order_ids        = ["ORD-042", "ORD-043"]
  archived         = false
  lang             = "en"
  created_after    = "2000-01-01T00:00:00Z"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.trackingmore_trackings.delivered", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(delivered)))),
				statecheck.ExpectKnownValue("data.trackingmore_trackings.delivered", tfjsonpath.New("trackings"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"tracking_number": knownvalue.StringExact(delivered[0].TrackingNumber),
						"status":          knownvalue.StringExact("delivered"),
						"last_event":      knownvalue.NotNull(),
					}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"tracking_number": knownvalue.StringExact(delivered[1].TrackingNumber),
						"status":          knownvalue.StringExact("delivered"),
					}),
				})),
				// Only 42 is in both lists.
				statecheck.ExpectKnownValue("data.trackingmore_trackings.some", tfjsonpath.New("trackings"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"tracking_number": knownvalue.StringExact("1Z999AA10000000042")}),
				})),
				statecheck.ExpectKnownValue("data.trackingmore_trackings.some", tfjsonpath.New("total"), knownvalue.Int64Exact(1)),
			},
		}},
	})
}

// TestAccTrackingsDataSource_empty: nothing matches → an empty list, not null.
func TestAccTrackingsDataSource_empty(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	createUPSTrackings(t, m, 3)

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_trackings" "none" {
  created_after  = "2000-01-01T00:00:00Z"
  created_before = "2001-01-01T00:00:00+02:00"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.trackingmore_trackings.none", tfjsonpath.New("total"), knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownValue("data.trackingmore_trackings.none", tfjsonpath.New("trackings"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

func TestAccTrackingsDataSource_invalidArguments(t *testing.T) {
	testInvalidArguments(t, "trackingmore_trackings", []invalidArgument{
		{"unknown status", `status = "lost"`, acctest.ErrorNaming("status")},
		{"time not RFC 3339", `created_after = "2026-01-31"`, acctest.ErrorNaming("created_after")},
		{"range ends before it starts", `updated_after = "2026-02-01T00:00:00Z"` + "\n" + `updated_before = "2026-01-01T00:00:00Z"`, acctest.ErrorNaming("updated_before")},
		{"order range ends before it starts", `order_created_after = "2026-02-01T00:00:00Z"` + "\n" + `order_created_before = "2026-01-31T23:00:00+02:00"`, acctest.ErrorNaming("order_created_before")},
		{"zero max_results", `max_results = 0`, acctest.ErrorNaming("max_results")},
		{"empty number list", `tracking_numbers = []`, acctest.ErrorNaming("tracking_numbers")},
		{"bad number", `tracking_numbers = ["1Z999AA10123456784", "no spaces"]`, acctest.ErrorNaming("tracking_numbers[1]")},
		// UniqueValues words its error without the attribute name; Terraform quotes the line.
		{"duplicate order ids", `order_ids = ["A-1", "A-1"]`, regexp.MustCompile(`(?s)Duplicate List Value.*order_ids = `)},
		{"lang", `lang = "EN"`, acctest.ErrorNaming("lang")},
	})
}
