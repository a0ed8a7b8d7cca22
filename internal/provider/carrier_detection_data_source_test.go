package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// TestAccCarrierDetectionDataSource_basic detects two known formats; a number
// no carrier matches (API code 4032) reads as an empty list, not an error.
func TestAccCarrierDetectionDataSource_basic(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	candidate := func(name, code string) knownvalue.Check {
		return knownvalue.ObjectExact(map[string]knownvalue.Check{"name": knownvalue.StringExact(name), "code": knownvalue.StringExact(code)})
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_carrier_detection" "ups" {
  tracking_number = "1Z999AA10123456784"
}

data "trackingmore_carrier_detection" "china_post" {
  tracking_number = "RR123456785CN"
}

data "trackingmore_carrier_detection" "unknown" {
  tracking_number = "XYZ-00001"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.trackingmore_carrier_detection.ups", tfjsonpath.New("carriers"),
					knownvalue.ListExact([]knownvalue.Check{candidate("UPS", "ups")})),
				statecheck.ExpectKnownValue("data.trackingmore_carrier_detection.china_post", tfjsonpath.New("carriers"),
					knownvalue.ListExact([]knownvalue.Check{candidate("China Post", "china-post")})),
				statecheck.ExpectKnownValue("data.trackingmore_carrier_detection.unknown", tfjsonpath.New("carriers"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

func TestAccCarrierDetectionDataSource_invalidArguments(t *testing.T) {
	testInvalidArguments(t, "trackingmore_carrier_detection", []invalidArgument{
		{"space", `tracking_number = "1Z999 AA101"`, acctest.ErrorNaming("tracking_number")},
		{"too short", `tracking_number = "RR12"`, acctest.ErrorNaming("tracking_number")},
	})
}
