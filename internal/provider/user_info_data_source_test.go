package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

func TestAccUserInfoDataSource_basic(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	m.SetQuota(1234)

	const ds = "data.trackingmore_user_info.account"
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`data "trackingmore_user_info" "account" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("email"), knownvalue.StringExact("mock@example.com")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("phone"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("registered_at"),
					knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("balance"), knownvalue.StringExact("0.00")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("remaining_quota"), knownvalue.Int64Exact(1234)),
			},
		}},
	})
}
