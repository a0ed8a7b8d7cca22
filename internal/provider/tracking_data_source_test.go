package provider

import (
	"context"
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

func TestAccTrackingDataSource_basic(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	ctx := context.Background()
	created, err := m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{
		TrackingNumber: "RR123456785CN", CarrierCode: "china-post", DestinationCode: "US",
		Title: "Phone case", OrderID: "ORD-1001", CustomerName: "Jane Doe",
	})
	if err != nil {
		t.Fatal(err)
	}
	// Two days on, the parcel has checkpoints.
	m.Advance(48 * time.Hour)
	want, err := m.Client.GetTracking(ctx, "china-post", "RR123456785CN", "")
	if err != nil {
		t.Fatal(err)
	}
	if want.OriginInfo == nil || len(want.OriginInfo.TrackInfo) == 0 {
		t.Fatal("the mock shows no checkpoints after 48h; the test needs some")
	}
	first := want.OriginInfo.TrackInfo[0]

	const ds = "data.trackingmore_tracking.parcel"
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_tracking" "parcel" {
  carrier_code    = "china-post"
  tracking_number = "RR123456785CN"
  lang            = "en"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("id"), knownvalue.StringExact(created.ID)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("status"), knownvalue.StringExact(string(want.Status))),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("title"), knownvalue.StringExact("Phone case")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("order_id"), knownvalue.StringExact("ORD-1001")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("customer_name"), knownvalue.StringExact("Jane Doe")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("customer_emails"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("destination_code"), knownvalue.StringExact("US")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("archived"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("created_at"), knownvalue.StringExact(string(want.CreatedAt))),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("item_time_length_days"), knownvalue.Int64Exact(int64(want.ItemTimeLength))),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("last_event"), knownvalue.StringExact(string(want.LastEvent))),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("origin_info").AtMapKey("carrier_code"), knownvalue.StringExact("china-post")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("origin_info").AtMapKey("checkpoints"), knownvalue.ListSizeExact(len(want.OriginInfo.TrackInfo))),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("origin_info").AtMapKey("checkpoints").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"date":              knownvalue.StringExact(string(first.Date)),
					"description":       knownvalue.StringExact(string(first.StatusDescription)),
					"details":           stringOrNull(string(first.Details)),
					"checkpoint_status": knownvalue.StringExact(string(first.CheckpointStatus)),
					"substatus":         stringOrNull(string(first.Substatus)),
				})),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("destination_info").AtMapKey("checkpoints"), knownvalue.NotNull()),
			},
		}},
	})
}

func TestAccTrackingDataSource_notFound(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_tracking" "missing" {
  carrier_code    = "ups"
  tracking_number = "1Z999AA10123456784"
}
`),
			ExpectError: regexp.MustCompile(`(?s)Tracking not found.*no tracking\s+ups/1Z999AA10123456784.*carrier_code.*trackingmore_tracking`),
		}},
	})
}

func TestAccTrackingDataSource_invalidArguments(t *testing.T) {
	testInvalidArguments(t, "trackingmore_tracking", []invalidArgument{
		{"uppercase carrier", `carrier_code = "UPS"` + "\n" + `tracking_number = "1Z999AA10123456784"`, acctest.ErrorNaming("carrier_code")},
		{"short number", `carrier_code = "ups"` + "\n" + `tracking_number = "1Z9"`, acctest.ErrorNaming("tracking_number")},
		{"number with slash", `carrier_code = "ups"` + "\n" + `tracking_number = "1Z999/AA10"`, acctest.ErrorNaming("tracking_number")},
		{"long lang", `carrier_code = "ups"` + "\n" + `tracking_number = "1Z999AA10123456784"` + "\n" + `lang = "english"`, acctest.ErrorNaming("lang")},
	})
}

// stringOrNull expects s, or null when s is empty (the conversion's rule).
func stringOrNull(s string) knownvalue.Check {
	if s == "" {
		return knownvalue.Null()
	}
	return knownvalue.StringExact(s)
}
