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
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

func TestAccRemoteAreasDataSource_basic(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	// Berlin's answer is the mock's to give; ask it first.
	berlin, err := m.Client.CheckRemoteAreas(context.Background(), []trackingmore.RemoteAreaQuery{{Country: "DE", Postcode: "10115"}})
	if err != nil {
		t.Fatal(err)
	}

	result := func(country, postcode string, company knownvalue.Check, remote bool) knownvalue.Check {
		return knownvalue.ObjectExact(map[string]knownvalue.Check{
			"country": knownvalue.StringExact(country), "postcode": knownvalue.StringExact(postcode),
			"company": company, "remote": knownvalue.Bool(remote),
		})
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_remote_areas" "check" {
  queries = [
    { country = "US", postcode = "99501", company = "ups" },
    { country = "United Kingdom", postcode = "HS1 2AB" },
    { country = "DE", postcode = "10115" },
  ]
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.trackingmore_remote_areas.check", tfjsonpath.New("results"), knownvalue.ListExact([]knownvalue.Check{
					result("US", "99501", knownvalue.StringExact("ups"), true),   // Alaska
					result("United Kingdom", "HS1 2AB", knownvalue.Null(), true), // Outer Hebrides
					result("DE", "10115", knownvalue.Null(), bool(berlin[0].Remote)),
				})),
			},
		}},
	})
}

func TestAccRemoteAreasDataSource_invalidArguments(t *testing.T) {
	testInvalidArguments(t, "trackingmore_remote_areas", []invalidArgument{
		{"no queries", `queries = []`, acctest.ErrorNaming("queries")},
		{"41 queries", `queries = [for i in range(41) : { country = "US", postcode = format("%05d", 10000 + i) }]`, acctest.ErrorNaming("queries")},
		{"lowercase country code", `queries = [{ country = "us", postcode = "10001" }]`, acctest.ErrorNaming("queries[0].country")},
		{"blank postcode", `queries = [{ country = "US", postcode = "" }]`, acctest.ErrorNaming("queries[0].postcode")},
		{"blank company", `queries = [{ country = "US", postcode = "10001" }, { country = "US", postcode = "10002", company = "" }]`, acctest.ErrorNaming("queries[1].company")},
	})
}
