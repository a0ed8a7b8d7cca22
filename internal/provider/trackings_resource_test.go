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
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

func TestAccTrackingsResource_lifecycle(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	items := map[string]string{
		"espresso": `      carrier_code = "ups"
      tracking_number = "1Z999AA10123456784"
      title = "Espresso machine"`,
		"shoes": `      carrier_code = "usps"
      tracking_number = "9400111899223197428490"
      archived = true`,
		"tea": `      carrier_code = "china-post"
      tracking_number = "RR123456785CN"
      manual_status = "delivered"`,
	}
	edited := map[string]string{
		// Unchanged.
		"espresso": items["espresso"],
		// Edited in place, carrier changed in place.
		"shoes": `      carrier_code = "fedex"
      tracking_number = "9400111899223197428490"
      title = "Running shoes"`,
		// "tea" is removed; a new label arrives.
		"lamp": `      carrier_code = "dhl"
      tracking_number = "1234567890"`,
	}

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if n := m.TrackingCount(); n != 0 {
				return fmt.Errorf("%d trackings left on the mock after destroy", n)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: bulkConfig(m, items),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("espresso", "id"), knownvalue.StringRegexp(hexID)),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("shoes", "archived"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("tea", "status"), knownvalue.StringExact("delivered")),
				},
				Check: resource.ComposeTestCheckFunc(
					// One batch create, one updatemore for the archived and manual items.
					m.ExpectCalls(map[string]int64{"POST /trackings/batch": 1, "POST /trackings/updatemore": 1}),
					m.CheckTracking("usps", "9400111899223197428490", func(tr *trackingmore.Tracking) error {
						if !bool(tr.Archived) {
							return fmt.Errorf("shoes is not archived on the mock")
						}
						return nil
					}),
				),
			},
			{
				Config: bulkConfig(m, edited),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bulkAddr, plancheck.ResourceActionUpdate),
					// The unchanged item keeps every value: the plan shows only real changes.
					plancheck.ExpectKnownValue(bulkAddr, bulkItem("espresso", "status"), knownvalue.StringExact("pending")),
					plancheck.ExpectUnknownValue(bulkAddr, bulkItem("lamp", "id")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("shoes", "carrier_code"), knownvalue.StringExact("fedex")),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("shoes", "archived"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("lamp", "id"), knownvalue.StringRegexp(hexID)),
				},
				Check: resource.ComposeTestCheckFunc(
					m.ExpectCalls(map[string]int64{
						"POST /trackings/batch": 2, "POST /trackings/delete": 1,
						"POST /trackings/update": 1, "POST /trackings/updatemore": 2,
					}),
					func(*terraform.State) error {
						if found, _ := m.Exists("china-post", "RR123456785CN"); found {
							return fmt.Errorf("the removed item is still on the mock")
						}
						return nil
					},
				),
			},
			{
				// A label change moves the tracking: no API call but the refresh.
				Config: bulkConfig(m, map[string]string{"espresso-renamed": edited["espresso"], "shoes": edited["shoes"], "lamp": edited["lamp"]}),
				Check: m.ExpectCalls(map[string]int64{
					"POST /trackings/batch": 2, "POST /trackings/delete": 1, "POST /trackings/updatemore": 2,
				}),
			},
			{
				ResourceName:  bulkAddr,
				ImportState:   true,
				ImportStateId: "espresso-renamed=ups/1Z999AA10123456784,shoes=fedex/9400111899223197428490,lamp=dhl/1234567890",
				// The id is the provider's own and new on import, so compare items.
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					want := map[string]string{
						"trackings.%":                       "3",
						"trackings.espresso-renamed.title":  "Espresso machine",
						"trackings.shoes.carrier_code":      "fedex",
						"trackings.shoes.title":             "Running shoes",
						"trackings.lamp.tracking_number":    "1234567890",
						"trackings.espresso-renamed.status": "pending",
					}
					for k, v := range want {
						if got := states[0].Attributes[k]; got != v {
							return fmt.Errorf("imported %s = %q, want %q", k, got, v)
						}
					}
					return nil
				},
			},
		},
	})
}

func TestAccTrackingsResource_scale(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	items := upsItems(95, `      order_id = "SO"`)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: bulkConfig(m, items),
				// ceil(95/40) batch calls; the post-apply refresh reads one page.
				Check: m.ExpectCalls(map[string]int64{"POST /trackings/batch": 3, "GET /trackings/{carrier}/{number}": 0}),
			},
			{
				// Out-of-band delete of one item: the refresh drops it, the plan re-adds it.
				PreConfig: func() {
					if err := m.Client.DeleteTracking(context.Background(), "ups", "1Z999AA10000000007"); err != nil {
						t.Fatal(err)
					}
				},
				Config: bulkConfig(m, items),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bulkAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(bulkAddr, bulkItem("order-0007", "id")),
					plancheck.ExpectKnownValue(bulkAddr, bulkItem("order-0008", "id"), knownvalue.StringRegexp(hexID)),
				}},
				Check: func(*terraform.State) error {
					if n := m.TrackingCount(); n != 95 {
						return fmt.Errorf("the mock holds %d trackings, want 95", n)
					}
					return nil
				},
			},
		},
	})
}

func TestAccTrackingsResource_partialFailures(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	m.SetQuota(3)
	five := upsItems(5, "")
	withExisting := upsItems(8, "")
	withExisting["order-0099"] = "      carrier_code = \"ups\"\n      tracking_number = \"1Z999AA10000000099\""
	// A first create that leaves some trackings out fails the run through
	// this postcondition, which, unlike an error of the create, taints nothing.
	allCreated := `
  lifecycle {
    postcondition {
      condition     = alltrue([for t in values(self.trackings) : t.id != null])
      error_message = "Some trackings were not created: see the warnings."
    }
  }
}
`
	withPostcondition := func(items map[string]string) string {
		return strings.TrimSuffix(strings.TrimSpace(bulkConfig(m, items)), "}") + allCreated
	}
	withDuplicate := upsItems(5, "")
	withDuplicate["order-0099"] = "      carrier_code = \"ups\"\n      tracking_number = \"1Z999AA10000000099\""
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// The quota cannot cover the first create: it fails before creating anything.
				Config:      bulkConfig(m, five),
				ExpectError: regexp.MustCompile(`(?s)Not enough tracking quota.*needs 5 units of quota.*has 3 left, so nothing was created`),
			},
			{
				// A tracking the account already has: the others are created and
				// kept; the duplicate is a warning, and the postcondition fails the run.
				PreConfig: func() {
					if n := m.TrackingCount(); n != 0 {
						t.Errorf("the refused create left %d trackings on the mock", n)
					}
					_, err := m.Client.CreateTracking(context.Background(), trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10000000099", CarrierCode: "ups"})
					if err != nil {
						t.Fatal(err)
					}
					m.SetQuota(100)
				},
				Config:      withPostcondition(withDuplicate),
				ExpectError: regexp.MustCompile(`Some trackings were not created`),
			},
			{
				// Not tainted: once the duplicate leaves the map, nothing is re-created.
				PreConfig: func() {
					if n := m.TrackingCount(); n != 6 {
						t.Errorf("the mock holds %d trackings, want the 5 created and the duplicate", n)
					}
				},
				Config: withPostcondition(five),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				// An update that adds items beyond the quota and one that exists
				// already: the error names each failed item; the rest is kept.
				PreConfig: func() { m.SetQuota(1) }, // ups/1Z999AA10000000099 exists since the second step
				Config:    bulkConfig(m, withExisting),
				// Items are created in label order: order-0005 takes the last unit of quota.
				ExpectError: regexp.MustCompile(`(?s)order-0006 \(ups/1Z999AA10000000006\).*4021.*` +
					`order-0007 \(ups/1Z999AA10000000007\).*4021.*order-0099 \(ups/1Z999AA10000000099\).*4016`),
			},
			{
				// The item created within quota was kept, the failed ones were not created.
				PreConfig: func() {
					for number, want := range map[string]bool{"1Z999AA10000000005": true, "1Z999AA10000000006": false, "1Z999AA10000000007": false} {
						if found, err := m.Exists("ups", number); err != nil || found != want {
							t.Errorf("ups/%s on the mock: %v (%v), want %v", number, found, err, want)
						}
					}
				},
				Config: bulkConfig(m, upsItems(6, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(bulkAddr, bulkItem("order-0005", "id"), knownvalue.StringRegexp(hexID)),
				}},
			},
		},
	})
}

func TestAccTrackingsResource_invalid(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: bulkConfig(m, map[string]string{
					"a": `      carrier_code = "ups"
      tracking_number = "1Z999AA10123456784"`,
					"b": `      carrier_code = "ups"
      tracking_number = "1Z999AA10123456784"`,
				}),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Duplicate tracking number`),
			},
			{
				Config:      bulkConfig(m, map[string]string{"a": `      carrier_code = "ups"` + "\n" + `      tracking_number = "a/b"`}),
				PlanOnly:    true,
				ExpectError: acctest.ErrorNaming(`trackings["a"].tracking_number`),
			},
			{
				ResourceName:  bulkAddr,
				Config:        bulkConfig(m, upsItems(1, "")),
				ImportState:   true,
				ImportStateId: "ups/1Z999AA10123456784,ups:oops",
				ExpectError:   regexp.MustCompile(`comma-separated list`),
			},
		},
	})
	m.ExpectNoCalls(t)
}

// Values only known at apply: one item's title, one whole item, and a
// whole map. The plan keeps them unknown (Terraform rejects any other
// plan), and the apply converges to an empty plan.
func TestAccTrackingsResource_unknownAtPlan(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	config := m.Config(`
resource "terraform_data" "later" {
  input = {
    title = "Coffee"
    item  = { carrier_code = "usps", tracking_number = "9400111899223197428490" }
    items = { parcel = { carrier_code = "dhl", tracking_number = "1234567890", archived = true } }
  }
}

resource "trackingmore_trackings" "partial" {
  trackings = {
    known   = { carrier_code = "ups", tracking_number = "1Z999AA10123456784", title = terraform_data.later.output.title }
    unknown = terraform_data.later.output.item
  }
}

resource "trackingmore_trackings" "whole" {
  trackings = terraform_data.later.output.items
}
`)
	partial, whole := "trackingmore_trackings.partial", "trackingmore_trackings.whole"
	acctest.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(partial, bulkItem("known", "tracking_number"),
						knownvalue.StringExact("1Z999AA10123456784")),
					plancheck.ExpectUnknownValue(partial, bulkItem("known", "title")),
					plancheck.ExpectUnknownValue(partial, tfjsonpath.New("trackings").AtMapKey("unknown")),
					plancheck.ExpectUnknownValue(whole, tfjsonpath.New("trackings")),
					plancheck.ExpectUnknownValue(whole, tfjsonpath.New("id")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(partial, bulkItem("known", "title"), knownvalue.StringExact("Coffee")),
					statecheck.ExpectKnownValue(partial, bulkItem("unknown", "id"), knownvalue.StringRegexp(hexID)),
					statecheck.ExpectKnownValue(whole, bulkItem("parcel", "archived"), knownvalue.Bool(true)),
				},
				Check: func(*terraform.State) error {
					if got := m.TrackingCount(); got != 3 {
						return fmt.Errorf("the mock holds %d trackings, want 3", got)
					}
					return nil
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
