package provider

import (
	"context"
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

func TestAccAirCargoDataSource_basic(t *testing.T) {
	// A stopped clock: the mock dates the events from the current hour, which
	// must not turn between the expectation read here and Terraform's reads.
	stopped := time.Date(2026, 11, 30, 12, 30, 0, 0, time.UTC)
	m := acctest.NewMock(t, mockapi.Options{Now: func() time.Time { return stopped }, Limits: mockapi.NoLimits})
	want, err := m.Client.AirCargo(context.Background(), trackingmore.AirCargoRequest{Numbers: []string{"160-12345675", "99912345678"}})
	if err != nil || len(want) != 2 || len(want[0].TrackInfo) == 0 {
		t.Fatalf("air cargo: %v, %+v", err, want)
	}
	first := want[0].TrackInfo[0]

	const ds = "data.trackingmore_air_cargo.shipment"
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_air_cargo" "shipment" {
  awb_numbers = ["160-12345675", "99912345678"]
  lang        = "en"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("waybills"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("waybills").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"awb_number":  knownvalue.StringExact("160-12345675"),
					"origin":      knownvalue.StringExact("HKG"), // Cathay Pacific's hub
					"destination": knownvalue.StringExact(string(want[0].Destination)),
					"weight":      knownvalue.StringExact(string(want[0].Weight)),
					"pieces":      knownvalue.Int64Exact(int64(want[0].Piece)),
					"status":      knownvalue.StringExact(string(want[0].StatusNumber)),
					"events":      knownvalue.ListSizeExact(len(want[0].TrackInfo)),
				})),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("waybills").AtSliceIndex(0).AtMapKey("events").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"plan_date":     knownvalue.StringExact(string(first.PlanDate)),
					"actual_date":   stringOrNull(string(first.ActualDate)),
					"event":         knownvalue.StringExact("Booked"),
					"station":       knownvalue.StringExact("HKG"),
					"flight_number": knownvalue.Null(),
				})),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("waybills").AtSliceIndex(1).AtMapKey("origin"), knownvalue.StringExact("PEK")),
			},
		}},
	})
}

func TestAccAirCargoDataSource_invalidArguments(t *testing.T) {
	testInvalidArguments(t, "trackingmore_air_cargo", []invalidArgument{
		{"no waybills", `awb_numbers = []`, acctest.ErrorNaming("awb_numbers")},
		{"short serial", `awb_numbers = ["160-123456"]`, acctest.ErrorNaming("awb_numbers[0]")},
		{"letters", `awb_numbers = ["160-12345675", "CX-12345675"]`, acctest.ErrorNaming("awb_numbers[1]")},
		{"41 waybills", `awb_numbers = [for i in range(41) : format("160-%08d", i)]`, acctest.ErrorNaming("awb_numbers")},
		{"lang", `awb_numbers = ["160-12345675"]` + "\n" + `lang = "e"`, acctest.ErrorNaming("lang")},
	})
}
