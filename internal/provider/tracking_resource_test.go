package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
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

func TestAccTrackingResource_lifecycle(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	const number = "1Z999AA10123456784"
	sameID := statecheck.CompareValue(compare.ValuesSame())

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             m.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				// Every argument at once.
				Config: trackingConfig(m, `
  tracking_number            = "`+number+`"
  carrier_code               = "ups"
  title                      = "Espresso machine"
  logistics_channel          = "UPS Worldwide Saver"
  customer_name              = "Jane Doe"
  customer_emails            = ["jane@example.com"]
  customer_phone             = "+14155550100"
  order_id                   = "SO-1001"
  destination_code           = "US"
  archived                   = true
  manual_status              = "exception"
  order_create_time          = "2026-11-20T10:00:00Z"
  tracking_ship_date         = "20261121"
  tracking_postal_code       = "94107"
  tracking_account_number    = "ACC-42"
  special_number_destination = "US"
  lang                       = "en"
  comment                    = "fragile"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("id", knownvalue.StringRegexp(hexID)),
					expectAttr("title", knownvalue.StringExact("Espresso machine")),
					expectAttr("customer_emails", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("jane@example.com")})),
					expectAttr("archived", knownvalue.Bool(true)),
					expectAttr("manual_status", knownvalue.StringExact("exception")),
					expectAttr("status", knownvalue.StringExact("exception")),
					expectAttr("auto_update", knownvalue.Bool(true)),
					expectAttr("comment", knownvalue.StringExact("fragile")),
					expectAttr("created_at", knownvalue.NotNull()),
					sameID.AddStateValue(trackingAddr, tfjsonpath.New("id")),
				},
				Check: m.CheckTracking("ups", number, func(tr *trackingmore.Tracking) error {
					if !bool(tr.Archived) || tr.Title != "Espresso machine" || tr.OrderID != "SO-1001" || tr.Status != "exception" {
						return fmt.Errorf("mock holds archived=%v title=%q order_id=%q status=%q", tr.Archived, tr.Title, tr.OrderID, tr.Status)
					}
					return nil
				}),
			},
			{
				// Every updatable argument changes in place with one PUT; the
				// manual status goes back to the carrier's (status 8).
				Config: trackingConfig(m, `
  tracking_number            = "`+number+`"
  carrier_code               = "ups"
  title                      = "Espresso machine (refurbished)"
  logistics_channel          = "UPS Standard"
  customer_name              = "Jane Q. Doe"
  customer_emails            = ["jane.doe@example.org"]
  customer_phone             = "+442071838750"
  order_id                   = "SO-1002"
  destination_code           = "GB"
  archived                   = false
  order_create_time          = "2026-11-20T10:00:00Z"
  tracking_ship_date         = "20261121"
  tracking_postal_code       = "94107"
  tracking_account_number    = "ACC-42"
  special_number_destination = "US"
  lang                       = "en"
  comment                    = "fragile"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("title", knownvalue.StringExact("Espresso machine (refurbished)")),
					expectAttr("destination_code", knownvalue.StringExact("GB")),
					expectAttr("archived", knownvalue.Bool(false)),
					expectAttr("manual_status", knownvalue.Null()),
				},
				Check: m.CheckTracking("ups", number, func(tr *trackingmore.Tracking) error {
					if bool(tr.Archived) || !slices.Equal(tr.CustomerEmail, trackingmore.EmailList{"jane.doe@example.org"}) || tr.DestinationCode != "GB" || tr.Status == "exception" {
						return fmt.Errorf("mock holds archived=%v email=%q destination=%q status=%q", tr.Archived, tr.CustomerEmail, tr.DestinationCode, tr.Status)
					}
					return nil
				}),
			},
			{
				// Removing optional arguments clears them on the API; removing
				// create-only ones changes nothing there, so it is in place too.
				Config: trackingConfig(m, `
  tracking_number = "`+number+`"
  carrier_code    = "ups"
  manual_status   = "delivered"
  comment         = "fragile"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("title", knownvalue.Null()),
					expectAttr("status", knownvalue.StringExact("delivered")),
				},
				Check: m.CheckTracking("ups", number, func(tr *trackingmore.Tracking) error {
					if tr.Title != "" || tr.CustomerName != "" || tr.Status != "delivered" {
						return fmt.Errorf("mock holds title=%q customer_name=%q status=%q", tr.Title, tr.CustomerName, tr.Status)
					}
					return nil
				}),
			},
			{
				// A carrier change is made in place: same API id, no new quota.
				Config: trackingConfig(m, `
  tracking_number = "`+number+`"
  carrier_code    = "fedex"
  manual_status   = "delivered"
  comment         = "fragile"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("carrier_code", knownvalue.StringExact("fedex")),
					sameID.AddStateValue(trackingAddr, tfjsonpath.New("id")),
				},
				Check: resource.ComposeTestCheckFunc(
					m.CheckTracking("fedex", number, func(*trackingmore.Tracking) error { return nil }),
					func(*terraform.State) error {
						if found, err := m.Exists("ups", number); err != nil || found {
							return fmt.Errorf("ups/%s should have moved to fedex (found=%v, err=%v)", number, found, err)
						}
						if got := m.Stats().ByEndpoint["POST /trackings/update"]; got != 1 {
							return fmt.Errorf("expected one POST /trackings/update, got %d", got)
						}
						return nil
					},
				),
			},
			{
				// Stopping updates is in place…
				Config: trackingConfig(m, `
  tracking_number = "`+number+`"
  carrier_code    = "fedex"
  manual_status   = "delivered"
  auto_update     = false
  comment         = "fragile"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{expectAttr("auto_update", knownvalue.Bool(false))},
				Check: m.CheckTracking("fedex", number, func(tr *trackingmore.Tracking) error {
					if tr.TrackUpdate == nil || bool(*tr.TrackUpdate) {
						return fmt.Errorf("mock still updates the tracking")
					}
					return nil
				}),
			},
			{
				// …resuming them cannot be, so it replaces.
				Config: trackingConfig(m, `
  tracking_number = "`+number+`"
  carrier_code    = "fedex"
  auto_update     = true
  comment         = "fragile"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddr, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{expectAttr("auto_update", knownvalue.Bool(true))},
			},
			{
				// A new tracking number is a new tracking.
				Config: trackingConfig(m, `
  tracking_number = "1Z999AA10123456785"
  carrier_code    = "fedex"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddr, plancheck.ResourceActionReplace),
				}},
				Check: func(*terraform.State) error {
					if found, err := m.Exists("fedex", number); err != nil || found {
						return fmt.Errorf("the replaced tracking fedex/%s should be gone (found=%v, err=%v)", number, found, err)
					}
					return nil
				},
			},
		},
	})
}

func TestAccTrackingResource_import(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	config := trackingConfig(m, `
  tracking_number  = "RR123456785CN"
  carrier_code     = "china-post"
  title            = "Tea set"
  customer_emails  = ["li@example.cn"]
  destination_code = "DE"
  archived         = true
  comment          = "gift"
`)
	createOnly := []string{"order_create_time", "tracking_ship_date", "tracking_postal_code",
		"tracking_account_number", "special_number_destination", "lang"}

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             m.CheckDestroyed,
		Steps: []resource.TestStep{
			{Config: config},
			// Refresh first: a create answer is terse, and the values that
			// move with the parcel are compared as the API reports them now.
			{RefreshState: true},
			{
				ResourceName:            trackingAddr,
				ImportState:             true,
				ImportStateIdFunc:       acctest.ImportIDOf(trackingAddr),
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: createOnly,
			},
			{
				ResourceName:      trackingAddr,
				ImportState:       true,
				ImportStateKind:   resource.ImportBlockWithID,
				ImportStateIdFunc: acctest.ImportIDOf(trackingAddr),
			},
			{
				// terraform plan -generate-config-out writes a config that plans clean.
				ResourceName:      trackingAddr,
				ImportState:       true,
				ImportStateKind:   resource.ImportBlockWithID,
				ImportStateIdFunc: acctest.ImportIDOf(trackingAddr),
				GenerateConfig:    true,
			},
		},
	})
}

func TestAccTrackingResource_importInvalidID(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:        trackingConfig(m, `tracking_number = "1Z999AA10123456784"`+"\n"+`carrier_code = "ups"`),
			ResourceName:  trackingAddr,
			ImportState:   true,
			ImportStateId: "ups-1Z999AA10123456784",
			ExpectError:   regexp.MustCompile(`expected carrier_code/tracking_number`),
		}},
	})
}

func TestAccTrackingResource_drift(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	config := trackingConfig(m, `
  tracking_number = "9400111899223197428490"
  carrier_code    = "usps"
  title           = "Running shoes"
`)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             m.CheckDestroyed,
		Steps: []resource.TestStep{
			{Config: config},
			{
				// Deleted outside Terraform: the refresh drops it, the plan re-creates it.
				PreConfig: func() {
					if err := m.Client.DeleteTracking(context.Background(), "usps", "9400111899223197428490"); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddr, plancheck.ResourceActionCreate),
				}},
			},
			{
				// Edited outside Terraform: the plan puts the configured value back.
				PreConfig: func() {
					title := "Edited in the TrackingMore dashboard"
					_, err := m.Client.UpdateTracking(context.Background(), "usps", "9400111899223197428490",
						trackingmore.UpdateTrackingRequest{Title: &title})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(trackingAddr, tfjsonpath.New("title"), knownvalue.StringExact("Running shoes")),
				}},
				Check: m.CheckTracking("usps", "9400111899223197428490", func(tr *trackingmore.Tracking) error {
					if tr.Title != "Running shoes" {
						return fmt.Errorf("title on the mock is %q", tr.Title)
					}
					return nil
				}),
			},
			{
				// Parcel progress changes read-only values only: no diff.
				PreConfig:        func() { m.Advance(240 * time.Hour) },
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("status", knownvalue.StringFunc(func(s string) error {
						if s == "pending" {
							return fmt.Errorf("status is still pending after 10 simulated days")
						}
						return nil
					})),
				},
			},
		},
	})
}

func TestAccTrackingResource_apiErrors(t *testing.T) {
	t.Run("duplicate", func(t *testing.T) {
		m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
		acctest.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				PreConfig: func() {
					_, err := m.Client.CreateTracking(context.Background(), trackingmore.CreateTrackingRequest{
						TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups"})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: trackingConfig(m, `
  tracking_number = "1Z999AA10123456784"
  carrier_code    = "ups"
`),
				ExpectError: regexp.MustCompile(`(?s)already exists.*terraform import trackingmore_tracking.NAME\s+ups/1Z999AA10123456784`),
			}},
		})
	})
	t.Run("quota", func(t *testing.T) {
		m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
		m.SetQuota(0)
		acctest.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: trackingConfig(m, `
  tracking_number = "1Z999AA10123456784"
  carrier_code    = "ups"
`),
				ExpectError: regexp.MustCompile(`(?s)code\s+4021.*quota\s+is\s+used\s+up`),
			}},
		})
	})
}
