package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

func expectIdentity(carrier, number string) statecheck.StateCheck {
	return statecheck.ExpectIdentity(trackingAddr, map[string]knownvalue.Check{
		"carrier_code":    knownvalue.StringExact(carrier),
		"tracking_number": knownvalue.StringExact(number),
	})
}

// TestAccTrackingResource_identity: state carries the identity, it follows an
// in-place carrier change, and an import block with identity = {…} imports
// (and, with generated configuration, writes a block that plans no change);
// through either API version.
func TestAccTrackingResource_identity(t *testing.T) {
	for _, version := range []string{trackingmore.APIVersionV2, trackingmore.APIVersionV4} {
		t.Run(version, func(t *testing.T) { testAccTrackingResourceIdentity(t, version) })
	}
}

func testAccTrackingResourceIdentity(t *testing.T, version string) {
	m := acctest.NewMockAt(t, version, mockapi.Options{Limits: mockapi.NoLimits})
	acctest.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireFeature("identity")},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            trackingConfig(m, `carrier_code = "ups"`+"\n"+`tracking_number = "1Z999AA10123456784"`+"\n"+`title = "Shoes"`),
				ConfigStateChecks: []statecheck.StateCheck{expectIdentity("ups", "1Z999AA10123456784")},
			},
			{
				Config:            trackingConfig(m, `carrier_code = "dhl"`+"\n"+`tracking_number = "1Z999AA10123456784"`+"\n"+`title = "Shoes"`),
				ConfigStateChecks: []statecheck.StateCheck{expectIdentity("dhl", "1Z999AA10123456784")},
			},
			{
				ResourceName:    trackingAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}

// TestAccTrackingResource_importIdentityInvalid: a malformed identity fails
// the import, naming the identity attribute, before any API call.
func TestAccTrackingResource_importIdentityInvalid(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	acctest.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireFeature("identity")},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
import {
  to       = trackingmore_tracking.test
  identity = { carrier_code = "UPS", tracking_number = "1Z999AA10123456784" }
}
resource "trackingmore_tracking" "test" {
  carrier_code    = "ups"
  tracking_number = "1Z999AA10123456784"
}
`),
			ExpectError: regexp.MustCompile(`identity.carrier_code must be a TrackingMore carrier code`),
		}},
	})
	m.ExpectNoCalls(t)
}

// A state written without identity (an older provider, or Terraform before
// 1.12) gets one on its next read, also when the tracking is gone: the
// framework refuses a read without identity even for a removed resource.
func TestTrackingResource_readFillsMissingIdentity(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	ctx := context.Background()
	if _, err := m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{CarrierCode: "ups", TrackingNumber: "1Z999AA10123456784"}); err != nil {
		t.Fatal(err)
	}
	srv := acctest.NewProtoServer(t, newServer, m)
	stateType := srv.Schemas["trackingmore_tracking"]
	for _, number := range []string{"1Z999AA10123456784", "1Z999AA10123456785"} { // stored, then gone
		t.Run(number, func(t *testing.T) {
			prior := acctest.DynamicValue(t, stateType, acctest.ObjectOf(stateType, map[string]tftypes.Value{
				"carrier_code":    tftypes.NewValue(tftypes.String, "ups"),
				"tracking_number": tftypes.NewValue(tftypes.String, number),
			}, false))
			resp, err := srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: "trackingmore_tracking", CurrentState: prior})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range resp.Diagnostics {
				if d.Severity == tfprotov6.DiagnosticSeverityError {
					t.Fatalf("read failed: %s: %s", d.Summary, d.Detail)
				}
			}
			if resp.NewIdentity == nil || resp.NewIdentity.IdentityData == nil {
				t.Fatal("read returned no identity")
			}
		})
	}
}
