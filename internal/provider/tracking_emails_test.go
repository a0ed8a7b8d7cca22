package provider

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	tfresource "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

var twoEmails = knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("jane@example.com"), knownvalue.StringExact("ops@example.org")})

// TestAccTrackingResource_twoEmails: a tracking with two addresses is
// managed, and an import with generated configuration writes a
// configuration that is valid and plans nothing.
func TestAccTrackingResource_twoEmails(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	const number = "1Z999AA10123456784"
	acctest.ParallelTest(t, tfresource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             m.CheckDestroyed,
		Steps: []tfresource.TestStep{
			{
				Config: trackingConfig(m, `
  tracking_number = "`+number+`"
  carrier_code    = "ups"
  customer_emails = ["jane@example.com", "ops@example.org"]
`),
				Check: m.CheckTracking("ups", number, func(tr *trackingmore.Tracking) error {
					if !slices.Equal(tr.CustomerEmail, trackingmore.EmailList{"jane@example.com", "ops@example.org"}) {
						t.Errorf("the mock holds customer_email %q", tr.CustomerEmail)
					}
					return nil
				}),
			},
			{
				Config:            m.Config(""),
				ResourceName:      trackingAddr,
				ImportState:       true,
				ImportStateKind:   tfresource.ImportBlockWithID,
				ImportStateIdFunc: acctest.ImportIDOf(trackingAddr),
				GenerateConfig:    true,
				ImportPlanChecks: tfresource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue("trackingmore_tracking.generated", tfjsonpath.New("customer_emails"), twoEmails),
				}},
			},
			{
				// One address left: sent as a string, as before.
				Config: trackingConfig(m, `
  tracking_number = "`+number+`"
  carrier_code    = "ups"
  customer_emails = ["ops@example.org"]
`),
				ConfigPlanChecks: tfresource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{unknowns("updated_at")}},
			},
		},
	})
}

// TestTrackingResource_upgradeStateV0: a version 0 state's customer_email
// (addresses joined with commas) becomes customer_emails.
func TestTrackingResource_upgradeStateV0(t *testing.T) {
	upgraders := NewTrackingResource().(resource.ResourceWithUpgradeState).UpgradeState(context.Background())
	for old, want := range map[string][]any{
		`"jane@example.com,ops@example.org"`: {"jane@example.com", "ops@example.org"},
		`"jane@example.com"`:                 {"jane@example.com"},
		`null`:                               nil,
	} {
		req := resource.UpgradeStateRequest{RawState: &tfprotov6.RawState{JSON: []byte(`{"tracking_number":"1Z999AA10123456784","customer_email":` + old + `}`)}}
		var resp resource.UpgradeStateResponse
		upgraders[0].StateUpgrader(context.Background(), req, &resp)
		if resp.Diagnostics.HasError() || resp.DynamicValue == nil {
			t.Fatalf("%s: %v", old, resp.Diagnostics)
		}
		var state map[string]any
		if err := json.Unmarshal(resp.DynamicValue.JSON, &state); err != nil {
			t.Fatal(err)
		}
		got, _ := state["customer_emails"].([]any)
		if _, still := state["customer_email"]; still || !slices.Equal(got, want) {
			t.Errorf("%s upgrades to %v", old, state)
		}
	}
}
