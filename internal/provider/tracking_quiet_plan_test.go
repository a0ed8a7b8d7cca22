package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// expectUnknowns is a plan check: the planned values of addr that are
// unknown are exactly attributes (top-level names), so a plan shows no
// "(known after apply)" a change cannot cause.
type expectUnknowns struct {
	addr       string
	attributes []string
}

func (e expectUnknowns) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != e.addr {
			continue
		}
		unknown, _ := rc.Change.AfterUnknown.(map[string]any)
		var got []string
		for name, v := range unknown {
			if anyUnknown(v) {
				got = append(got, name)
			}
		}
		slices.Sort(got)
		if want := slices.Sorted(slices.Values(e.attributes)); !slices.Equal(got, want) {
			resp.Error = fmt.Errorf("%s: %d unknown values %q, want %q", e.addr, len(got), got, want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", e.addr)
}

// anyUnknown reports whether an after_unknown value (true, or a structure
// of such values for a list or object) marks something unknown.
func anyUnknown(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case []any:
		return slices.ContainsFunc(v, anyUnknown)
	case map[string]any:
		for _, e := range v {
			if anyUnknown(e) {
				return true
			}
		}
	}
	return false
}

func unknowns(attributes ...string) plancheck.PlanCheck {
	return expectUnknowns{addr: trackingAddr, attributes: attributes}
}

// TestAccTrackingResource_quietPlans: an update plans unknown only what the
// change can move: a title change, the title and updated_at.
func TestAccTrackingResource_quietPlans(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	const number = "1Z999AA10123456784"
	config := func(carrier, extra string) string {
		return trackingConfig(m, `
  tracking_number  = "`+number+`"
  carrier_code     = "`+carrier+`"
  destination_code = "GB"
`+extra)
	}
	parcel := []string{"status", "substatus", "last_event", "last_update_time", "destination_country", "item_time_length_days", "stay_time_length_days"}
	step := func(config string, plannedStatus knownvalue.Check, unknown ...string) resource.TestStep {
		checks := []plancheck.PlanCheck{plancheck.ExpectResourceAction(trackingAddr, plancheck.ResourceActionUpdate), unknowns(unknown...)}
		if plannedStatus != nil {
			checks = append(checks, plancheck.ExpectKnownValue(trackingAddr, tfjsonpath.New("status"), plannedStatus))
		}
		return resource.TestStep{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: checks}}
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             m.CheckDestroyed,
		Steps: []resource.TestStep{
			{Config: config("ups", `title = "Espresso machine"`)},
			step(config("ups", `title = "Espresso machine (refurbished)"`), nil, "updated_at"),
			step(config("ups", `title = "Espresso machine (refurbished)"`+"\n"+`archived = true`), nil, "updated_at"),
			step(config("ups", `title = "Espresso machine (refurbished)"`+"\n"+`archived = true`+"\n"+`manual_status = "delivered"`),
				knownvalue.StringExact("delivered"), "substatus", "updated_at"),
			step(config("ups", `title = "Espresso machine (refurbished)"`+"\n"+`archived = true`), nil, "status", "substatus", "updated_at"),
			step(config("ups", `title = "Espresso machine (refurbished)"`+"\n"+`archived = true`+"\n"+`auto_update = false`), nil),
			step(trackingConfig(m, `
  tracking_number  = "`+number+`"
  carrier_code     = "ups"
  destination_code = "US"
  title            = "Espresso machine (refurbished)"
  archived         = true
  auto_update      = false
`), nil, append(slices.Clone(parcel), "updated_at")...),
			step(trackingConfig(m, `
  tracking_number  = "`+number+`"
  carrier_code     = "fedex"
  destination_code = "US"
  title            = "Espresso machine (refurbished)"
  archived         = true
  auto_update      = false
`), nil, append(slices.Clone(parcel), "original_country", "updated_at")...),
		},
	})
}

// TestCLITrackingResource_noDriftAfterApply drives the CLI: right after a
// create, and after updates, `plan -refresh-only` finds nothing changed
// outside Terraform, and a title change plans the title and updated_at only.
func TestCLITrackingResource_noDriftAfterApply(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	config := func(lines string) string {
		return trackingConfig(m, `
  tracking_number  = "1Z999AA10123456784"
  carrier_code     = "ups"
  destination_code = "GB"
`+lines)
	}
	w := acctest.NewInProcessWorkdir(t, newServer, config(`title = "Espresso machine"`))
	refreshOnly := func(after string) {
		t.Helper()
		// -detailed-exitcode is not used: before Terraform 1.15 it exits 2
		// with no changes (hashicorp/terraform#37886).
		out, err := w.Command(context.Background(), "plan", "-refresh-only", "-input=false").CombinedOutput()
		if err != nil {
			t.Fatalf("plan -refresh-only after %s: %v\n%s", after, err, out)
		}
		if text := string(out); strings.Contains(text, "changed outside of Terraform") || !strings.Contains(text, "No changes") {
			t.Errorf("plan -refresh-only after %s reports drift:\n%s", after, text)
		}
	}
	w.Apply()
	refreshOnly("create")

	w.WriteConfig(config(`title = "Espresso machine (refurbished)"`))
	out, err := w.Command(context.Background(), "plan", "-input=false").CombinedOutput()
	if err != nil {
		t.Fatalf("terraform plan: %v\n%s", err, out)
	}
	if n := strings.Count(string(out), "(known after apply)"); n != 1 || !strings.Contains(string(out), `~ title`) || !strings.Contains(string(out), `~ updated_at`) {
		t.Errorf("a title change plans %d unknown values, want 1 (updated_at) beside the title:\n%s", n, out)
	}
	w.Apply()
	refreshOnly("a title change")

	w.WriteConfig(config(`title = "Espresso machine (refurbished)"` + "\n" + `manual_status = "exception"`))
	w.Apply()
	refreshOnly("a manual status")
	w.WriteConfig(config(`title = "Espresso machine (refurbished)"`))
	w.Apply()
	refreshOnly("the carrier's status back")
}
