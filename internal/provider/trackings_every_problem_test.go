package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// TestAccTrackingsResource_everyProblemInOnePlan: a bad number in one item,
// an unknown carrier in another and a bad destination in a third are all
// reported by one plan, each naming its item's attribute, the rejected
// values quoted; nothing but the carrier list is called. (An invalid
// item's own carrier is checked once its values are valid, so that a plan
// of invalid items only makes no call: TestAccHostileInput.)
func TestAccTrackingsResource_everyProblemInOnePlan(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	// The items' own problems by label, then the carrier codes.
	every := acctest.Wrapped(
		`Attribute trackings["a"].tracking_number must be at least 5 characters`, `got: "1Z999AA10123456784 "`,
		`Attribute trackings["c"].destination_code must be a 2-letter uppercase`, `got: "nl"`,
		`Attribute trackings["b"].carrier_code: "postnl" is not a TrackingMore carrier code.`, `Did you mean "postnl-parcels"`)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: bulkConfig(m, map[string]string{
					"a": "      carrier_code = \"ups\"\n      tracking_number = \"1Z999AA10123456784 \"",
					"b": "      carrier_code = \"postnl\"\n      tracking_number = \"3SABCD1234567\"",
					"c": "      carrier_code = \"usps\"\n      tracking_number = \"9400111899223197428490\"\n      destination_code = \"nl\"",
				}),
				ExpectError: every,
			},
		},
	})
	if err := expectOnlyCarrierList(m); err != nil {
		t.Error(err)
	}
}
