package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// The provider on TrackingMore API v4 (api_version = "v4"): the same
// resources and data sources, what v4 lacks refused at plan time, and a
// configuration that moves between the versions with nothing re-created.

func newV4Mock(t *testing.T) *acctest.Mock {
	return acctest.NewMockAt(t, trackingmore.APIVersionV4, mockapi.Options{Limits: mockapi.NoLimits})
}

func TestAccV4_trackingResource(t *testing.T) {
	m := newV4Mock(t)
	const number = "1Z999AA10123456784"
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             m.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config: trackingConfig(m, `
  tracking_number  = "`+number+`"
  carrier_code     = "ups"
  title            = "Espresso machine"
  note             = "fragile"
  order_number     = "#1001"
  customer_emails  = ["jane@example.com", "ops@example.com"]
  destination_code = "US"
  archived         = true
`),
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("id", knownvalue.StringRegexp(hexID)),
					expectAttr("note", knownvalue.StringExact("fragile")),
					expectAttr("order_number", knownvalue.StringExact("#1001")),
					expectAttr("archived", knownvalue.Bool(true)),
					expectAttr("status", knownvalue.NotNull()),
					expectAttr("created_at", knownvalue.NotNull()),
				},
			},
			{
				// A new title, note and carrier: one tracking, changed in place.
				Config: trackingConfig(m, `
  tracking_number  = "`+number+`"
  carrier_code     = "fedex"
  title            = "Espresso machine (refurbished)"
  note             = "fragile, this side up"
  order_number     = "#1001"
  customer_emails  = ["jane@example.com", "ops@example.com"]
  destination_code = "US"
  archived         = true
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("carrier_code", knownvalue.StringExact("fedex")),
					expectAttr("note", knownvalue.StringExact("fragile, this side up")),
				},
				Check: m.CheckTracking("fedex", number, func(tr *trackingmore.Tracking) error {
					if tr.Title != "Espresso machine (refurbished)" || tr.Note != "fragile, this side up" {
						return fmt.Errorf("the API holds title %q and note %q", tr.Title, tr.Note)
					}
					return nil
				}),
			},
			{
				ResourceName:      trackingAddr,
				ImportState:       true,
				ImportStateId:     "fedex/" + number,
				ImportStateVerify: true,
			},
		},
	})
}

// What one version lacks fails the plan, naming the attribute and
// api_version, before any call that could half-apply it.
func TestAccV4_planTimeRefusals(t *testing.T) {
	v4, v2 := newV4Mock(t), acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	const key = `  tracking_number = "1Z999AA10123456784"
  carrier_code    = "ups"
`
	for _, c := range []struct {
		name  string
		m     *acctest.Mock
		lines string
		want  string
	}{
		{"manual_status on v4", v4, `manual_status = "delivered"`, `manual_status needs TrackingMore API v2`},
		{"customer_phone on v4", v4, `customer_phone = "+14155550100"`, `customer_phone needs TrackingMore API v2`},
		{"comment on v4", v4, `comment = "fragile"`, `comment needs TrackingMore API v2`},
		{"order_create_time on v4", v4, `order_create_time = "2026-11-20T10:00:00Z"`, `order_create_time needs TrackingMore API v2`},
		{"auto_update on v4", v4, `auto_update = false`, `auto_update = false needs TrackingMore API v2`},
		{"note on v2", v2, `note = "fragile"`, `note needs TrackingMore API v4`},
		{"order_number on v2", v2, `order_number = "#1001"`, `order_number needs TrackingMore API v4`},
		{"bulk item on v4", v4, "", `trackings\["a"\].manual_status: manual_status needs TrackingMore API v2`},
	} {
		t.Run(c.name, func(t *testing.T) {
			config := trackingConfig(c.m, key+"  "+c.lines)
			if c.lines == "" {
				config = bulkConfig(c.m, map[string]string{"a": key + `  manual_status = "exception"`})
			}
			acctest.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      config,
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(`(?s)Not available with TrackingMore API.*` + strings.ReplaceAll(c.want, " ", `\s+`) + `.*api_version`),
				}},
			})
		})
	}
	if got := v4.Stats().Total + v2.Stats().Total; got > 2 { // at most the carrier lists
		t.Errorf("refused plans made %d calls", got)
	}
}

// v4 cannot clear a field: removing one fails the plan instead of
// leaving a value the next refresh would plan away again.
func TestAccV4_clearingRefused(t *testing.T) {
	m := newV4Mock(t)
	const key = `  tracking_number = "1Z999AA10123456784"
  carrier_code    = "ups"
`
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             m.CheckDestroyed,
		Steps: []resource.TestStep{
			{Config: trackingConfig(m, key+`  title = "Espresso machine"`)},
			{Config: trackingConfig(m, key), ExpectError: regexp.MustCompile(`(?s)API\s+v4\s+cannot\s+clear\s+title.*-replace`)},
		},
	})
}

func TestAccV4_bulkResource(t *testing.T) {
	m := newV4Mock(t)
	items := func(titleB, carrierC string) map[string]string {
		return map[string]string{
			"a": `      carrier_code = "ups"
      tracking_number = "1Z999AA10123456784"
      note = "gift"`,
			"b": `      carrier_code = "usps"
      tracking_number = "9400111899223197428490"
      title = "` + titleB + `"`,
			"c": `      carrier_code = "` + carrierC + `"
      tracking_number = "RR123456785CN"
      archived = true`,
		}
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             m.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config: bulkConfig(m, items("Shoes", "china-post")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("a", "note"), knownvalue.StringExact("gift")),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("a", "id"), knownvalue.StringRegexp(hexID)),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("c", "archived"), knownvalue.Bool(true)),
				},
			},
			{
				Config: bulkConfig(m, items("Running shoes", "china-ems")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("b", "title"), knownvalue.StringExact("Running shoes")),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("c", "carrier_code"), knownvalue.StringExact("china-ems")),
				},
			},
		},
	})
}

// A configuration moves between API versions by api_version alone: the
// same account's trackings read alike through both, so the plan after
// the move is empty, and so is the one after moving back. Values one
// version cannot show (customer_phone and manual_status on v4, note on
// v2) stay as the state has them.
func TestAccAPIVersion_moveBetweenVersions(t *testing.T) {
	v2 := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	v4 := v2.AtVersion(t, trackingmore.APIVersionV4)
	body := func(note string) string {
		return `
resource "trackingmore_tracking" "test" {
  tracking_number  = "1Z999AA10123456784"
  carrier_code     = "ups"
  title            = "Espresso machine"
  customer_emails  = ["jane@example.com"]
  customer_phone   = "+14155550100"
  order_id         = "SO-1001"
  destination_code = "US"
  archived         = true
  manual_status    = "delivered"
}

resource "trackingmore_tracking" "from_v4" {
  tracking_number = "9400111899223197428490"
  carrier_code    = "usps"
  title           = "Running shoes"
  ` + note + `
}
` + bulkResource(map[string]string{"order": `      carrier_code = "china-post"
      tracking_number = "RR123456785CN"
      title = "Tea set"
      destination_code = "DE"`})
	}
	noChange := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             v2.CheckDestroyed,
		Steps: []resource.TestStep{
			{Config: v2.Config(body(""))},
			{Config: v4.Config(body("")), ConfigPlanChecks: noChange},
			{Config: v4.Config(body(`note = "left at the door"`))},
			{Config: v2.Config(body(`note = "left at the door"`)), ConfigPlanChecks: noChange},
		},
	})
}

// The data sources with a v4 endpoint read through it; those without one
// fail the plan, saying so.
func TestAccV4_dataSources(t *testing.T) {
	m := newV4Mock(t)
	if _, err := m.Client.CreateTracking(context.Background(), trackingmore.CreateTrackingRequest{
		TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups", Note: "fragile"}); err != nil {
		t.Fatal(err)
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_tracking" "one" {
  carrier_code    = "ups"
  tracking_number = "1Z999AA10123456784"
}
data "trackingmore_trackings" "all" {}
data "trackingmore_carriers" "all" {}
data "trackingmore_carrier_detection" "ups" {
  tracking_number = "1Z999AA10123456784"
}
data "trackingmore_air_cargo" "freight" {
  awb_numbers = ["160-12345675"]
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.trackingmore_tracking.one", tfjsonpath.New("note"), knownvalue.StringExact("fragile")),
				statecheck.ExpectKnownValue("data.trackingmore_trackings.all", tfjsonpath.New("trackings"), knownvalue.ListSizeExact(1)),
				statecheck.ExpectKnownValue("data.trackingmore_carriers.all", tfjsonpath.New("carriers"), knownvalue.ListSizeExact(1085)),
				statecheck.ExpectKnownValue("data.trackingmore_air_cargo.freight", tfjsonpath.New("waybills"), knownvalue.ListSizeExact(1)),
			},
		}},
	})
	for name, body := range map[string]string{
		"trackingmore_user_info":     ``,
		"trackingmore_status_counts": ``,
		"trackingmore_remote_areas":  `queries = [{ country = "US", postcode = "99501" }]`,
		"trackingmore_transit_times": `routes = [{ carrier_code = "dhl", origin = "DE", destination = "FR" }]`,
		"trackingmore_realtime_tracking": `carrier_code = "usps"
  tracking_number = "9400111899223197428490"`,
	} {
		t.Run(name, func(t *testing.T) {
			acctest.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      m.Config(`data "` + name + `" "x" {` + "\n  " + body + "\n}\n"),
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(`(?s)TrackingMore\s+API\s+v4\s+lacks.*api_version\s+=\s+"v2"`),
				}},
			})
		})
	}
}

// Both actions have no v4 endpoint: a plan that would invoke one fails,
// saying so, and nothing is created.
func TestAccV4_actionsRefused(t *testing.T) {
	m := newV4Mock(t)
	for action, config := range map[string]string{
		"trackingmore_realtime_refresh": `carrier_code = "ups"
    tracking_number = "1Z999AA10123456784"`,
		"trackingmore_stop_updates": `trackings = [{ carrier_code = "ups", tracking_number = "1Z999AA10123456784" }]`,
	} {
		t.Run(action, func(t *testing.T) {
			acctest.ParallelTest(t, resource.TestCase{
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireFeature("actions")},
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: m.Config(`
resource "terraform_data" "trigger" {
  input = "x"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.` + action + `.test]
    }
  }
}

action "` + action + `" "test" {
  config {
    ` + config + `
  }
}
`),
					ExpectError: regexp.MustCompile(`(?s)Not available with TrackingMore API v4.*` + action + `.*api_version\s+=\s+"v2"`),
				}},
			})
		})
	}
}
