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

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// expectUnknownCount is a plan check: the planned values of the resource
// at addr hold exactly want unknown ("known after apply") values.
type expectUnknownCount struct {
	addr string
	want int
}

func (e expectUnknownCount) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address == e.addr {
			if got := countTrue(rc.Change.AfterUnknown); got != e.want {
				resp.Error = fmt.Errorf("%s: %d values known after apply, want %d: %v", e.addr, got, e.want, rc.Change.AfterUnknown)
			}
			return
		}
	}
	resp.Error = fmt.Errorf("%s is not in the plan", e.addr)
}

// countTrue counts the true leaves of a plan's after_unknown.
func countTrue(v any) int {
	switch v := v.(type) {
	case bool:
		if v {
			return 1
		}
	case map[string]any:
		n := 0
		for _, e := range v {
			n += countTrue(e)
		}
		return n
	case []any:
		n := 0
		for _, e := range v {
			n += countTrue(e)
		}
		return n
	}
	return 0
}

var quietItems = map[string]string{
	"espresso": `      carrier_code = "ups"
      tracking_number = "1Z999AA10123456784"
      title = "Espresso machine"`,
	"shoes": `      carrier_code = "usps"
      tracking_number = "9400111899223197428490"`,
	"tea": `      carrier_code = "china-post"
      tracking_number = "RR123456785CN"`,
}

// Plans show what a change can move and nothing else: a title change
// plans no unknown value, a manual status plans the status it sets and
// leaves only the substatus unknown, and a renamed label keeps its
// tracking with every value known, at no API call.
func TestAccTrackingsResource_quietPlans(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	edited := map[string]string{
		"espresso": strings.Replace(quietItems["espresso"], "Espresso machine", "Espresso grinder", 1),
		"shoes":    quietItems["shoes"] + "\n      manual_status = \"delivered\"",
		"tea":      quietItems["tea"],
	}
	renamed := map[string]string{"espresso-2": edited["espresso"], "shoes": edited["shoes"], "tea": edited["tea"]}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: bulkConfig(m, quietItems)},
			{
				Config: bulkConfig(m, edited),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bulkAddr, plancheck.ResourceActionUpdate),
					expectUnknownCount{bulkAddr, 1},
					plancheck.ExpectUnknownValue(bulkAddr, bulkItem("shoes", "substatus")),
					plancheck.ExpectKnownValue(bulkAddr, bulkItem("shoes", "status"), knownvalue.StringExact("delivered")),
					plancheck.ExpectKnownValue(bulkAddr, bulkItem("espresso", "status"), knownvalue.StringExact("pending")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("shoes", "status"), knownvalue.StringExact("delivered")),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("espresso", "title"), knownvalue.StringExact("Espresso grinder")),
				},
			},
			{
				Config: bulkConfig(m, renamed),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bulkAddr, plancheck.ResourceActionUpdate),
					expectUnknownCount{bulkAddr, 0},
					plancheck.ExpectKnownValue(bulkAddr, bulkItem("espresso-2", "id"), knownvalue.StringRegexp(hexID)),
				}},
				// The refresh's list call only: no delete, no create.
				Check: m.ExpectCalls(map[string]int64{"POST /trackings/batch": 1, "POST /trackings/delete": 0}),
			},
		},
	})
}

// planRun writes config and runs terraform plan -detailed-exitcode; it
// returns the output and exit code.
func planRun(w *acctest.Workdir, config string) (string, int) {
	w.WriteConfig(config)
	code, out := w.Run("plan", "-input=false", "-detailed-exitcode")
	return out, code
}

// What a reviewer reads in the plan: an edited item's line and nothing
// "known after apply", a renamed label with its tracking, and a warning
// naming every tracking the apply deletes, although the summary counts no
// destroy.
func TestCLITrackingsPlan_namesWhatItDeletes(t *testing.T) {
	t.Parallel()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	w := acctest.NewInProcessWorkdir(t, newServer, bulkConfig(m, quietItems))
	w.Apply()

	retitled := map[string]string{"espresso": strings.Replace(quietItems["espresso"], "Espresso machine", "Espresso grinder", 1),
		"shoes": quietItems["shoes"], "tea": quietItems["tea"]}
	out, code := planRun(w, bulkConfig(m, retitled))
	if code != 2 || !strings.Contains(out, `~ title`) || strings.Contains(out, "known after apply") || strings.Contains(out, "Apply deletes") {
		t.Errorf("a title change: exit %d (want 2), one title line, nothing known after apply, no warning:\n%s", code, out)
	}

	// tea is removed; shoes gets another number; espresso moves to a new label.
	changed := map[string]string{
		"espresso-2": quietItems["espresso"],
		"shoes":      strings.Replace(quietItems["shoes"], "9400111899223197428490", "9400111899223197428491", 1),
	}
	out, code = planRun(w, bulkConfig(m, changed))
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`Warning: Apply deletes 2 trackings`),
		regexp.MustCompile(`(?s)Deleted \(2\):\s+- shoes \(usps/9400111899223197428490\): the label now tracks usps/9400111899223197428491\s+- tea \(china-post/RR123456785CN\): removed from the map`),
		regexp.MustCompile(`0 to add, 1 to change, 0 to destroy`),
	} {
		if code != 2 || !want.MatchString(out) {
			t.Errorf("exit %d (want 2); the plan lacks %s:\n%s", code, want, out)
		}
	}
	// The renamed label shows its tracking; only the renumbered item is new.
	if n := strings.Count(out, "(known after apply)"); n != 6 {
		t.Errorf("%d values known after apply, want the renumbered item's 6:\n%s", n, out)
	}
}

// A first create whose duplicate the API refuses keeps the trackings it
// created and says that applying again will not help, and how to fix it.
func TestCLITrackingsApply_saysWhichFailuresArePermanent(t *testing.T) {
	t.Parallel()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	if _, err := m.Client.CreateTracking(context.Background(), trackingmore.CreateTrackingRequest{TrackingNumber: "RR123456785CN", CarrierCode: "china-post"}); err != nil {
		t.Fatal(err)
	}
	w := acctest.NewInProcessWorkdir(t, newServer, bulkConfig(m, quietItems))
	out := acctest.OneLine(w.Apply())
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`Warning: Unable to create tracking`),
		regexp.MustCompile(`tea \(china-post/RR123456785CN\): Tracking already exists \(code 4016\)\. .*remove it from the map, or import it\. This failure is permanent`),
		regexp.MustCompile(`postcondition`),
	} {
		if !want.MatchString(out) {
			t.Errorf("the apply's output lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "adds it again") || strings.Contains(out, "transient") {
		t.Errorf("a duplicate is not transient:\n%s", out)
	}
	if ids := w.StateIDs(); len(ids) != 2 || m.TrackingCount() != 3 {
		t.Errorf("the state holds %v; want the two created, beside the duplicate on the mock", ids)
	}
}

// A mistyped carrier code fails the plan naming the item's label, with a
// suggestion, before any call but GET /carriers; one only known at apply is
// checked by the apply's final plan, before the carrier change is sent.
func TestAccTrackingsResource_unknownCarrier(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	items := func(webCarrier string) map[string]string {
		return map[string]string{
			"a":     quietItems["espresso"],
			"web-1": "      carrier_code = " + webCarrier + "\n      tracking_number = \"9400111899223197428490\"",
		}
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: bulkConfig(m, items(`"upss"`)),
				ExpectError: acctest.Wrapped("Unknown carrier code", `Attribute trackings["web-1"].carrier_code: "upss" is not a TrackingMore carrier code.`,
					`Did you mean "ups"`, "trackingmore_carriers"),
			},
			{
				PreConfig: func() {
					if err := expectOnlyCarrierList(m); err != nil {
						t.Fatal(err)
					}
				},
				Config: bulkConfig(m, items(`"usps"`)),
			},
			{
				Config:      bulkConfig(m, items(`"fedx"`)),
				ExpectError: acctest.Wrapped(`Attribute trackings["web-1"].carrier_code: "fedx" is not a TrackingMore carrier code.`, `"fedex"`),
			},
			{
				Config: bulkConfig(m, items("terraform_data.carrier.output")) + `
resource "terraform_data" "carrier" {
  input = "fedx"
}
`,
				ExpectError: acctest.Wrapped(`Attribute trackings["web-1"].carrier_code: "fedx" is not a TrackingMore carrier code.`, `"fedex"`),
			},
		},
	})
	if n := m.Stats().ByEndpoint["POST /trackings/update"]; n != 0 {
		t.Errorf("%d carrier changes sent with an unknown code", n)
	}
}
