package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// TestAccRealtimeRefreshAction: an invalid configuration fails at plan time;
// an action_trigger after create runs one realtime query for the new tracking.
func TestAccRealtimeRefreshAction(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	acctest.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireFeature("actions")},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: m.Config(`
action "trackingmore_realtime_refresh" "test" {
  config {
    carrier_code    = "UPS"
    tracking_number = "1Z999AA10123456784"
  }
}
`),
				ExpectError: regexp.MustCompile(`Attribute carrier_code must be a TrackingMore carrier code`),
			},
			{
				Config: m.Config(`
resource "trackingmore_tracking" "test" {
  carrier_code    = "ups"
  tracking_number = "1Z999AA10123456784"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.trackingmore_realtime_refresh.test]
    }
  }
}

action "trackingmore_realtime_refresh" "test" {
  config {
    carrier_code    = "ups"
    tracking_number = "1Z999AA10123456784"
  }
}
`),
				Check: func(*terraform.State) error {
					if got := m.Stats().ByEndpoint["POST /trackings/realtime"]; got != 1 {
						return fmt.Errorf("after create the action made %d realtime queries, want 1", got)
					}
					return nil
				},
			},
		},
	})
}

// TestAccStopUpdatesAction stops a tracking made outside Terraform, and
// fails, naming it, for one the API does not know.
func TestAccStopUpdatesAction(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	triggered := func(number string) string {
		return m.Config(fmt.Sprintf(`
resource "terraform_data" "stop" {
  input = %[1]q
  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.trackingmore_stop_updates.old]
    }
  }
}

action "trackingmore_stop_updates" "old" {
  config {
    trackings = [{ carrier_code = "ups", tracking_number = %[1]q }]
  }
}
`, number))
	}
	acctest.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireFeature("actions")},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if _, err := m.Client.CreateTracking(context.Background(), trackingmore.CreateTrackingRequest{CarrierCode: "ups", TrackingNumber: "1Z999AA10123456784"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: triggered("1Z999AA10123456784"),
				Check: func(*terraform.State) error {
					got, err := m.Client.GetTracking(context.Background(), "ups", "1Z999AA10123456784", "")
					if err != nil {
						return err
					}
					if got.TrackUpdate == nil || bool(*got.TrackUpdate) {
						return fmt.Errorf("the tracking still updates (track_update %v)", got.TrackUpdate)
					}
					return nil
				},
			},
			{
				Config:      triggered("1Z999AA10123456799"),
				ExpectError: regexp.MustCompile(`(?s)Unable to stop updating some trackings.*ups/1Z999AA10123456799`),
			},
		},
	})
}
