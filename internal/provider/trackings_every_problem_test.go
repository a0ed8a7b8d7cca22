package provider

import (
	"strings"
	"testing"

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
	t.Parallel()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	w := acctest.NewInProcessWorkdir(t, newServer, bulkConfig(m, map[string]string{
		"a": "      carrier_code = \"ups\"\n      tracking_number = \"1Z999AA10123456784 \"",
		"b": "      carrier_code = \"postnl\"\n      tracking_number = \"3SABCD1234567\"",
		"c": "      carrier_code = \"usps\"\n      tracking_number = \"9400111899223197428490\"\n      destination_code = \"nl\"",
	}))
	code, out := w.Run("plan", "-input=false")
	if code == 0 {
		t.Fatalf("the plan succeeded:\n%s", out)
	}
	// In any order: Terraform 1.16 sorts diagnostics by source position, older CLIs do not.
	for _, want := range []string{
		`Attribute trackings["a"].tracking_number must be at least 5 characters`, `got: "1Z999AA10123456784 "`,
		`Attribute trackings["c"].destination_code must be a 2-letter uppercase`, `got: "nl"`,
		`Attribute trackings["b"].carrier_code: "postnl" is not a TrackingMore carrier code.`, `Did you mean "postnl-parcels"`,
	} {
		if !strings.Contains(acctest.OneLine(out), want) {
			t.Errorf("the plan does not say %q:\n%s", want, out)
		}
	}
	if err := expectOnlyCarrierList(m); err != nil {
		t.Error(err)
	}
}
