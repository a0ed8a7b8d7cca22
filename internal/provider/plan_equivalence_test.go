package provider

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// TestPlanEquivalence: trackingmore_tracking and an item of
// trackingmore_trackings plan the same update of the same tracking alike,
// attribute for attribute (one rule, tracking.Model.PlannedResults, but
// two servers that apply it, defaults and unknowns included). Each case is
// a random prior state and a random change of its configuration, planned
// through the muxed server as Terraform sends it. PLAN_EQUIVALENCE_SEED
// replays the cases of a failed run.
func TestPlanEquivalence(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("PLAN_EQUIVALENCE_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("PLAN_EQUIVALENCE_SEED=%q is not an unsigned integer", s)
		}
	}
	t.Logf("seed %d (set PLAN_EQUIVALENCE_SEED to replay)", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	h := newPlanPair(t)
	var someUnknown, allKnown int
	for i := range 300 {
		prior := drawPrior(rng)
		config := drawChange(rng, prior)
		single, item := h.plan(t, prior, config)
		if diffs := planDiffs(single, item); len(diffs) > 0 {
			t.Fatalf("seed %d, case %d: the plans differ\nprior:  %s\nconfig: %s\n%s",
				seed, i, showAttrs(prior), showAttrs(config), strings.Join(diffs, "\n"))
		}
		if slices.ContainsFunc(planResults, func(name string) bool { return !single[name].IsKnown() }) {
			someUnknown++
		} else {
			allKnown++
		}
	}
	// Had every case kept all results, or every case left some unknown, the
	// rule's two sides would not both have been compared.
	if someUnknown == 0 || allKnown == 0 {
		t.Errorf("seed %d: %d cases planned some result unknown and %d kept all known; want some of each", seed, someUnknown, allKnown)
	}
}

// A new carrier and a manual status in one change: both plan the manual
// status as the status, and leave the new carrier's substatus to the apply.
func TestPlanEquivalence_carrierAndManualStatus(t *testing.T) {
	h := newPlanPair(t)
	config := map[string]tftypes.Value{
		"tracking_number": planString("1Z999AA10123456784"),
		"carrier_code":    planString("fedex"),
		"manual_status":   planString("delivered"),
	}
	prior := map[string]tftypes.Value{
		"tracking_number":  config["tracking_number"],
		"carrier_code":     planString("ups"),
		"archived":         tftypes.NewValue(tftypes.Bool, false),
		"id":               planString("0123456789abcdef0123456789abcdef"),
		"status":           planString("transit"),
		"substatus":        planString("transit001"),
		"last_event":       planString("Arrived at facility, Louisville KY, 2026-01-02 10:00"),
		"last_update_time": planString("2026-01-02 10:00:00"),
		"created_at":       planString("2026-01-01T08:00:00+00:00"),
	}
	single, item := h.plan(t, prior, config)
	for name, plan := range map[string]map[string]tftypes.Value{"trackingmore_tracking": single, "trackingmore_trackings": item} {
		if !plan["status"].Equal(planString("delivered")) || plan["substatus"].IsKnown() {
			t.Errorf("%s plans status %s and substatus %s; want \"delivered\" and unknown", name, showValue(plan["status"]), showValue(plan["substatus"]))
		}
	}
	if diffs := planDiffs(single, item); len(diffs) > 0 {
		t.Errorf("the plans differ:\n%s", strings.Join(diffs, "\n"))
	}
}

// planResults are the read-only values the plan rule keeps or leaves unknown.
var planResults = []string{"id", "status", "substatus", "last_event", "last_update_time", "created_at"}

// planPair plans one tracking both ways: as trackingmore_tracking, and as
// the item "a" of a trackingmore_trackings.
type planPair struct {
	p      *acctest.ProtoServer
	blocks map[string]*tfprotov6.SchemaBlock // by resource type, for the proposed new state
}

func newPlanPair(t *testing.T) *planPair {
	t.Helper()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	p := acctest.NewProtoServer(t, newServer, m)
	sch, err := p.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string]*tfprotov6.SchemaBlock{}
	for name, s := range sch.ResourceSchemas {
		blocks[name] = s.Block
	}
	return &planPair{p: p, blocks: blocks}
}

// plan plans the update of prior to config (each an item's attributes;
// config's read-only values null) both ways, and returns each planned
// tracking's attributes.
func (h *planPair) plan(t *testing.T, prior, config map[string]tftypes.Value) (single, item map[string]tftypes.Value) {
	t.Helper()
	singleType := h.p.Schemas["trackingmore_tracking"]
	withDefault := maps.Clone(prior)
	withDefault["auto_update"] = tftypes.NewValue(tftypes.Bool, true) // as a state holds it
	single = h.planned(t, "trackingmore_tracking", acctest.ObjectOf(singleType, withDefault, false), acctest.ObjectOf(singleType, config, false))

	bulkType := h.p.Schemas["trackingmore_trackings"]
	mapType := bulkType.AttributeTypes["trackings"].(tftypes.Map)
	itemType := mapType.ElementType.(tftypes.Object)
	bulkOf := func(id tftypes.Value, item map[string]tftypes.Value) tftypes.Value {
		return tftypes.NewValue(bulkType, map[string]tftypes.Value{"id": id, "trackings": tftypes.NewValue(mapType,
			map[string]tftypes.Value{"a": acctest.ObjectOf(itemType, item, false)})})
	}
	planned := h.planned(t, "trackingmore_trackings", bulkOf(planString("bulk-1"), prior), bulkOf(planString(nil), config))
	return single, planFields(t, planFields(t, planned["trackings"])["a"])
}

// planned sends the PlanResourceChange of an update of prior to config,
// and returns the planned state's attributes.
func (h *planPair) planned(t *testing.T, typeName string, prior, config tftypes.Value) map[string]tftypes.Value {
	t.Helper()
	typ := h.p.Schemas[typeName]
	resp, err := h.p.PlanResourceChange(context.Background(), &tfprotov6.PlanResourceChangeRequest{
		TypeName:         typeName,
		PriorState:       acctest.DynamicValue(t, typ, prior),
		ProposedNewState: acctest.DynamicValue(t, typ, proposedNew(t, h.blocks[typeName].Attributes, prior, config)),
		Config:           acctest.DynamicValue(t, typ, config),
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("%s plan of\nprior:  %s\nconfig: %s\nfailed: %s", typeName, showValue(prior), showValue(config), acctest.DiagnosticsText(resp.Diagnostics))
		}
	}
	v, err := resp.PlannedState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	return planFields(t, v)
}

// proposedNew is the ProposedNewState Terraform core sends with an update
// (objchange.ProposedNew): the configuration, but a computed attribute it
// leaves null keeps its prior value, also inside each element of a map of
// nested attributes that the prior state holds under the same key.
func proposedNew(t *testing.T, attrs []*tfprotov6.SchemaAttribute, prior, config tftypes.Value) tftypes.Value {
	t.Helper()
	was, now := planFields(t, prior), planFields(t, config)
	out := make(map[string]tftypes.Value, len(attrs))
	for _, a := range attrs {
		v := now[a.Name]
		switch {
		case a.NestedType != nil && a.NestedType.Nesting != tfprotov6.SchemaObjectNestingModeMap:
			t.Fatalf("%s: only maps of nested attributes are proposed here", a.Name)
		case a.NestedType != nil && v.IsKnown() && !v.IsNull():
			before, elems := planFields(t, was[a.Name]), maps.Clone(planFields(t, v)) // As shares v's map
			for key, elem := range elems {
				if old, ok := before[key]; ok && elem.IsKnown() {
					elems[key] = proposedNew(t, a.NestedType.Attributes, old, elem)
				}
			}
			v = tftypes.NewValue(v.Type(), elems)
		case a.Computed && v.IsNull():
			v = was[a.Name]
		}
		out[a.Name] = v
	}
	return tftypes.NewValue(config.Type(), out)
}

// planDiffs names each attribute of the item that the two plans differ in.
// Alike is both known and equal, or both unknown (tftypes.Value.Equal).
func planDiffs(single, item map[string]tftypes.Value) []string {
	var diffs []string
	for _, name := range slices.Sorted(maps.Keys(item)) {
		if !single[name].Equal(item[name]) {
			diffs = append(diffs, fmt.Sprintf("%s: trackingmore_tracking plans %s, trackingmore_trackings plans %s",
				name, showValue(single[name]), showValue(item[name])))
		}
	}
	return diffs
}

// The values cases draw from: carriers the mock's catalogue has, and
// values every validator accepts.
var (
	planCarriers       = []string{"ups", "usps", "fedex", "dhl", "china-post"}
	planManualStatuses = []any{nil, "delivered", "exception"}
	planEmails         = []string{"jane@example.com", "li.wei@example.org", "orders@example.net", "x@example.com"}
	// planTexts are the optional string arguments, in a fixed order so that a seed replays.
	planTexts = []struct {
		name   string
		values []string
	}{
		{"title", []string{"Espresso machine", "Books", "ünïcødé ✓"}},
		{"logistics_channel", []string{"express", "economy"}},
		{"customer_name", []string{"Jane Doe", "Li Wei"}},
		{"customer_phone", []string{"+14155550100", "+4915112345678"}},
		{"order_id", []string{"SO-1001", "SO-1002"}},
		{"destination_code", []string{"US", "DE", "CN"}},
	}
	planResultValues = map[string][]string{
		"status":           {"pending", "notfound", "transit", "pickup", "delivered", "undelivered", "exception", "expired"},
		"substatus":        {"transit001", "delivered001", "exception004"},
		"last_event":       {"Arrived at facility, Louisville KY, 2026-01-02 10:00", "Delivered, front door, 2026-01-05 14:12"},
		"last_update_time": {"2026-01-02 10:00:00", "2026-01-05 14:12:00"},
		"created_at":       {"2026-01-01T08:00:00+00:00", "2025-12-24T17:30:00+08:00"},
	}
)

// planArgumentNames are the arguments a change may touch (not the tracking
// number, whose change is a replacement, not an update).
var planArgumentNames = []string{"carrier_code", "title", "logistics_channel", "customer_name", "customer_emails",
	"customer_phone", "order_id", "destination_code", "archived", "manual_status"}

// drawPrior is a tracking as a state holds it: every argument random (the
// optional ones null or set), a 32-character id, and the other read-only
// values random or null; a manual status shows as the status, as a read
// keeps it only then.
func drawPrior(rng *rand.Rand) map[string]tftypes.Value {
	prior := map[string]tftypes.Value{"tracking_number": planString("1Z999AA10123456784")}
	for _, name := range planArgumentNames {
		prior[name] = drawArgument(rng, name)
		if rng.IntN(3) == 0 && name != "carrier_code" && name != "archived" {
			prior[name] = tftypes.NewValue(prior[name].Type(), nil)
		}
	}
	prior["id"] = planString(fmt.Sprintf("%016x%016x", rng.Uint64(), rng.Uint64()))
	for _, name := range slices.Sorted(maps.Keys(planResultValues)) {
		prior[name] = planString(nil)
		if values := planResultValues[name]; rng.IntN(4) != 0 {
			prior[name] = planString(values[rng.IntN(len(values))])
		}
	}
	if !prior["manual_status"].IsNull() {
		prior["status"] = prior["manual_status"]
	}
	return prior
}

// drawChange is a configuration of prior's tracking: unchanged (one case
// in eight), or each argument kept, changed, removed or only known at
// apply (as from another resource), independently.
func drawChange(rng *rand.Rand, prior map[string]tftypes.Value) map[string]tftypes.Value {
	config := planArguments(prior)
	if rng.IntN(8) == 0 {
		return config
	}
	for _, name := range planArgumentNames {
		switch typ := prior[name].Type(); rng.IntN(8) {
		case 0, 1, 2, 3: // kept
		case 4, 5:
			config[name] = drawArgument(rng, name)
		case 6:
			if name != "carrier_code" { // required
				config[name] = tftypes.NewValue(typ, nil)
			}
		case 7:
			config[name] = tftypes.NewValue(typ, tftypes.UnknownValue)
			if name == "customer_emails" && rng.IntN(2) == 0 { // a known list, one address of it unknown
				config[name] = tftypes.NewValue(typ, []tftypes.Value{planString(planEmails[rng.IntN(len(planEmails))]),
					tftypes.NewValue(tftypes.String, tftypes.UnknownValue)})
			}
		}
	}
	return config
}

// drawArgument is a random value of an argument; only manual_status may be null.
func drawArgument(rng *rand.Rand, name string) tftypes.Value {
	switch name {
	case "carrier_code":
		return planString(planCarriers[rng.IntN(len(planCarriers))])
	case "archived":
		return tftypes.NewValue(tftypes.Bool, rng.IntN(2) == 0)
	case "manual_status":
		return planString(planManualStatuses[rng.IntN(len(planManualStatuses))])
	case "customer_emails":
		emails := make([]tftypes.Value, 1+rng.IntN(3))
		for i, j := range rng.Perm(len(planEmails))[:len(emails)] {
			emails[i] = planString(planEmails[j])
		}
		return tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, emails)
	}
	for _, text := range planTexts {
		if text.name == name {
			return planString(text.values[rng.IntN(len(text.values))])
		}
	}
	panic("no values for argument " + name)
}

// planArguments is the configuration that keeps every argument of state.
func planArguments(state map[string]tftypes.Value) map[string]tftypes.Value {
	config := map[string]tftypes.Value{"tracking_number": state["tracking_number"]}
	for _, name := range planArgumentNames {
		config[name] = state[name]
	}
	return config
}

// planString is a string value: v a string, nil for null.
func planString(v any) tftypes.Value {
	return tftypes.NewValue(tftypes.String, v)
}

// planFields is the attributes of an object, or the elements of a map.
func planFields(t *testing.T, v tftypes.Value) map[string]tftypes.Value {
	t.Helper()
	var fields map[string]tftypes.Value
	if err := v.As(&fields); err != nil {
		t.Fatal(err)
	}
	return fields
}

// showAttrs renders the attributes (or elements) that are not null, by name.
func showAttrs(attrs map[string]tftypes.Value) string {
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		if v := attrs[name]; !v.IsKnown() || !v.IsNull() {
			parts = append(parts, name+"="+showValue(v))
		}
	}
	return strings.Join(parts, " ")
}

// showValue renders a value of a tracking (a string, bool, list of strings,
// object, or the map of objects) briefly, an unknown as (unknown).
func showValue(v tftypes.Value) string {
	var s string
	var b bool
	var elems []tftypes.Value
	var fields map[string]tftypes.Value
	switch {
	case !v.IsKnown():
		return "(unknown)"
	case v.IsNull():
		return "null"
	case v.As(&s) == nil:
		return strconv.Quote(s)
	case v.As(&b) == nil:
		return strconv.FormatBool(b)
	case v.As(&elems) == nil:
		shown := make([]string, len(elems))
		for i, e := range elems {
			shown[i] = showValue(e)
		}
		return "[" + strings.Join(shown, ", ") + "]"
	case v.As(&fields) == nil:
		return "{" + showAttrs(fields) + "}"
	}
	return v.String()
}
