package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// A new carrier and a manual status in one change: trackingmore_tracking
// and an item of trackingmore_trackings both plan status as the manual
// status, substatus unknown (one rule: tracking.Model.PlannedResults;
// the bulk item used to leave status unknown).
func TestAccPlannedResults_carrierAndManualStatus(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	config := func(carrier, extra string) string {
		return m.Config(fmt.Sprintf("resource \"trackingmore_tracking\" \"test\" {\n  carrier_code = %q\n  tracking_number = \"1Z999AA10123456784\"\n%s\n}\n", carrier, extra) +
			bulkResource(map[string]string{"order": fmt.Sprintf("      carrier_code = %q\n      tracking_number = \"9400111899223197428490\"\n      %s", carrier, extra)}))
	}
	delivered := knownvalue.StringExact("delivered")
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             m.CheckDestroyed,
		Steps: []resource.TestStep{
			{Config: config("ups", "")},
			{
				Config: config("fedex", `manual_status = "delivered"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(trackingAddr, tfjsonpath.New("status"), delivered),
					plancheck.ExpectKnownValue(bulkAddr, bulkItem("order", "status"), delivered),
					plancheck.ExpectUnknownValue(trackingAddr, tfjsonpath.New("substatus")),
					plancheck.ExpectUnknownValue(bulkAddr, bulkItem("order", "substatus")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(trackingAddr, tfjsonpath.New("status"), delivered),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("order", "status"), delivered),
				},
			},
		},
	})
}
