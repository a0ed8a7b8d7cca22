package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

func TestAccCarriersDataSource_basic(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	all, err := m.Client.ListCarriers(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	postal := 0
	for _, c := range all {
		if c.Type == "globalpost" {
			postal++
		}
	}
	if postal == 0 || postal == len(all) {
		t.Fatalf("the mock's catalogue needs both types, has %d postal of %d", postal, len(all))
	}

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_carriers" "all" {}

data "trackingmore_carriers" "postal" {
  type = "globalpost"
  lang = "en"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.trackingmore_carriers.all", tfjsonpath.New("carriers"), knownvalue.ListSizeExact(len(all))),
				statecheck.ExpectKnownValue("data.trackingmore_carriers.all", tfjsonpath.New("carriers").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"name":     knownvalue.StringExact("UPS"),
					"code":     knownvalue.StringExact("ups"),
					"phone":    knownvalue.StringExact("+1 800 742 5877"),
					"homepage": knownvalue.StringExact("https://www.ups.com"),
					"type":     knownvalue.StringExact("express"),
					"picture":  stringOrNull(string(all[0].Picture)),
				})),
				statecheck.ExpectKnownValue("data.trackingmore_carriers.postal", tfjsonpath.New("carriers"), knownvalue.ListSizeExact(postal)),
				statecheck.ExpectKnownValue("data.trackingmore_carriers.postal", tfjsonpath.New("carriers").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"code": knownvalue.StringExact("usps"),
					"type": knownvalue.StringExact("globalpost"),
				})),
			},
		}},
	})
}

func TestAccCarriersDataSource_invalidArguments(t *testing.T) {
	testInvalidArguments(t, "trackingmore_carriers", []invalidArgument{
		{"unknown type", `type = "postal"`, acctest.ErrorNaming("type")},
		{"lang", `lang = "eng"`, acctest.ErrorNaming("lang")},
	})
}
