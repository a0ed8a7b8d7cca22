package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// TestAccTrackingsResource_onboardAccount is the bulk path of the guide
// "Bring an existing account under Terraform": an import block whose id the
// trackingmore_trackings data source builds adopts every tracking of the
// account into one resource, -generate-config-out writes its map, and the
// generated configuration plans no change.
func TestAccTrackingsResource_onboardAccount(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	const dataSource = `
data "trackingmore_trackings" "all" {}
`
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					for _, req := range []trackingmore.CreateTrackingRequest{
						{CarrierCode: "ups", TrackingNumber: "1Z999AA10123456784", OrderID: "SO-1001", Title: "Espresso machine"},
						{CarrierCode: "usps", TrackingNumber: "9400111899223197428490", OrderID: "SO-1002", CustomerName: "Jane Doe"},
						{CarrierCode: "dhl", TrackingNumber: "1234567890"},
					} {
						if _, err := m.Client.CreateTracking(context.Background(), req); err != nil {
							t.Fatal(err)
						}
					}
				},
				Config: m.Config(dataSource),
			},
			{
				// GenerateConfig imports to trackingmore_trackings.generated.
				ResourceName:           "trackingmore_trackings.shop",
				ImportState:            true,
				ImportStateKind:        resource.ImportBlockWithID,
				ImportStateId:          "built by the import block",
				ImportStateConfigExact: true,
				GenerateConfig:         true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue("trackingmore_trackings.generated", tfjsonpath.New("trackings"), knownvalue.MapExact(map[string]knownvalue.Check{
						"SO-1001": knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"carrier_code": knownvalue.StringExact("ups"), "title": knownvalue.StringExact("Espresso machine"),
						}),
						"SO-1002": knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"carrier_code": knownvalue.StringExact("usps"), "customer_name": knownvalue.StringExact("Jane Doe"),
						}),
						"1234567890": knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"carrier_code": knownvalue.StringExact("dhl"), "order_id": knownvalue.Null(),
						}),
					})),
				}},
				Config: m.Config(dataSource + `
import {
  to = trackingmore_trackings.generated
  id = join(",", [
    for t in data.trackingmore_trackings.all.trackings :
    "${coalesce(t.order_id, t.tracking_number)}=${t.carrier_code}/${t.tracking_number}"
  ])
}
`),
			},
		},
	})
}
