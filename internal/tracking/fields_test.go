package tracking

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

func TestNewDetails(t *testing.T) {
	yes := trackingmore.FlexBool(true)
	full := NewDetails(&trackingmore.Tracking{
		ID:              "376c250081c4553cb197894fa49d888a",
		TrackingNumber:  "1Z999AA10123456784",
		CarrierCode:     "ups",
		Status:          "transit",
		TrackUpdate:     &yes,
		OrderCreateTime: "2026-01-31 15:04:05",
		Destination:     "US", // a create echo's spelling of destination_code
		ItemTimeLength:  3,
		OriginInfo: &trackingmore.CarrierInfo{
			Weblink:   "https://www.ups.com",
			TrackInfo: []trackingmore.Checkpoint{{Date: "2026-02-01 10:00", StatusDescription: "Departed", CheckpointStatus: "transit"}},
		},
		DestinationInfo: &trackingmore.CarrierInfo{}, // trackinfo null, as a realtime answer may send it
	})
	for name, c := range map[string]struct{ got, want any }{
		"id":                  {full.ID, types.StringValue("376c250081c4553cb197894fa49d888a")},
		"track_update":        {full.TrackUpdate, types.BoolValue(true)},
		"order_create_time":   {full.OrderCreateTime, types.StringValue("2026-01-31T15:04:05Z")},
		"destination_code":    {full.DestinationCode, types.StringValue("US")},
		"title (empty)":       {full.Title, types.StringNull()},
		"item_time_length":    {full.ItemTimeLengthDays, types.Int64Value(3)},
		"origin checkpoints":  {len(full.OriginInfo.Checkpoints), 1},
		"checkpoint details":  {full.OriginInfo.Checkpoints[0].Details, types.StringNull()},
		"checkpoint status":   {full.OriginInfo.Checkpoints[0].CheckpointStatus, types.StringValue("transit")},
		"destination weblink": {full.DestinationInfo.Weblink, types.StringNull()},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", name, c.got, c.want)
		}
	}
	// No trackinfo is an empty list (so length() works), not null.
	if cps := full.DestinationInfo.Checkpoints; cps == nil || len(cps) != 0 {
		t.Errorf("destination checkpoints: got %#v, want an empty list", cps)
	}

	bare := NewDetails(&trackingmore.Tracking{TrackingNumber: "RR123456785CN", CarrierCode: "china-post", OrderCreateTime: "next week"})
	if bare.OriginInfo != nil || bare.DestinationInfo != nil {
		t.Error("absent origin_info/destination_info must be null")
	}
	if !bare.TrackUpdate.IsNull() {
		t.Error("absent track_update must be null")
	}
	if got := bare.OrderCreateTime.ValueString(); got != "next week" {
		t.Errorf("an order_create_time that is not the API's format must be kept as is, got %q", got)
	}
}
