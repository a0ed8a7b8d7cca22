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

func TestAccRealtimeTrackingDataSource_basic(t *testing.T) {
	// A stopped clock: the mock dates an unstored shipment from the current
	// day, which must not turn between the expectation read here and Terraform's reads.
	stopped := time.Date(2026, 11, 30, 12, 30, 0, 0, time.UTC)
	m := acctest.NewMock(t, mockapi.Options{Now: func() time.Time { return stopped }, Limits: mockapi.NoLimits})
	want, err := m.Client.RealtimeTracking(context.Background(), trackingmore.RealtimeRequest{
		CarrierCode: "ups", TrackingNumber: "1Z999AA10123456784", DestinationCode: "US",
	})
	if err != nil {
		t.Fatal(err)
	}
	if want.OriginInfo == nil {
		t.Fatal("the mock's realtime answer has no origin_info")
	}

	const ds = "data.trackingmore_realtime_tracking.parcel"
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_realtime_tracking" "parcel" {
  carrier_code         = "ups"
  tracking_number      = "1Z999AA10123456784"
  destination_code     = "US"
  order_id             = "ORD-7"
  order_create_time    = "2026-01-31T16:04:05+01:00"
  tracking_postal_code = "10001"
  tracking_ship_date   = "20260130"
  lang                 = "en"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("id"), knownvalue.StringExact(want.ID)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("status"), knownvalue.StringExact(string(want.Status))),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("created_at"), knownvalue.StringExact(string(want.CreatedAt))),
				// Arguments the API also answers with stay as configured.
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("destination_code"), knownvalue.StringExact("US")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("order_id"), knownvalue.StringExact("ORD-7")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("order_create_time"), knownvalue.StringExact("2026-01-31T16:04:05+01:00")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("origin_info").AtMapKey("carrier_code"), knownvalue.StringExact("ups")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("origin_info").AtMapKey("checkpoints"), knownvalue.ListSizeExact(len(want.OriginInfo.TrackInfo))),
			},
		}},
	})
}

func TestAccRealtimeTrackingDataSource_invalidArguments(t *testing.T) {
	const key = `carrier_code = "ups"` + "\n" + `tracking_number = "1Z999AA10123456784"` + "\n"
	testInvalidArguments(t, "trackingmore_realtime_tracking", []invalidArgument{
		{"ship date with dashes", key + `tracking_ship_date = "2026-01-30"`, acctest.ErrorNaming("tracking_ship_date")},
		{"destination as name", key + `destination_code = "USA"`, acctest.ErrorNaming("destination_code")},
		{"order time not RFC 3339", key + `order_create_time = "2026-01-31 15:04:05"`, acctest.ErrorNaming("order_create_time")},
		{"special destination lowercase", key + `special_number_destination = "cn"`, acctest.ErrorNaming("special_number_destination")},
		{"blank order id", key + `order_id = " "`, acctest.ErrorNaming("order_id")},
		{"carrier", `carrier_code = "U P S"` + "\n" + `tracking_number = "1Z999AA10123456784"`, acctest.ErrorNaming("carrier_code")},
	})
}
