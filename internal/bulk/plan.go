package bulk

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/carriercheck"
	"github.com/trackform/terraform-provider-trackingmore/internal/providerconfig"
	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// validateTrackings rejects an empty map, the one problem of the
// configuration that hides no other. The items are checked at plan
// (checkTrackings), with their carrier codes: Terraform stops at the first
// validation error, before any plan, and validates before the provider is
// configured, so item errors found here would hide every unknown carrier.
func validateTrackings(config tftypes.Value, diags *diag.Diagnostics) {
	if items, known := trackingsElements(config, diags); known {
		checkNotEmpty(items, diags)
	}
}

// checkNotEmpty rejects a map of no trackings.
func checkNotEmpty(items map[string]tftypes.Value, diags *diag.Diagnostics) {
	if root := path.Root("trackings"); len(items) == 0 {
		diags.AddAttributeError(root, "Invalid Attribute Value",
			fmt.Sprintf("Attribute %s must hold at least one tracking; to delete them all, remove the resource.", root))
	}
}

// checkTrackings is the plan's check of config: it rejects an empty map,
// runs each item attribute's validators on every known item, and rejects a
// tracking number under two labels (the API would answer the second with a
// duplicate error). Every problem of every item is reported; it returns
// the labels of the items that have one (both labels of a duplicate), for
// planTrackings to check the carrier codes of the others.
func checkTrackings(ctx context.Context, config tftypes.Value, diags *diag.Diagnostics) (invalid map[string]bool) {
	items, known := trackingsElements(config, diags)
	if !known {
		return nil
	}
	checkNotEmpty(items, diags)
	root := path.Root("trackings")
	invalid = map[string]bool{}
	labelOf := map[string]string{}
	for _, label := range sortedKeys(items) {
		if !items[label].IsKnown() {
			continue
		}
		var own diag.Diagnostics
		item := itemFromTerraform(ctx, items[label], &own)
		validateItem(ctx, root.AtMapKey(label), item, &own)
		diags.Append(own...)
		invalid[label] = own.HasError()
		number := item.TrackingNumber
		if number.IsUnknown() || number.IsNull() {
			continue
		}
		if first, dup := labelOf[number.ValueString()]; dup {
			diags.AddAttributeError(root.AtMapKey(label), "Duplicate tracking number",
				fmt.Sprintf("Attribute %s: tracking number %q is already under label %q; a tracking can be managed once only.",
					root.AtMapKey(label), number.ValueString(), first))
			invalid[label], invalid[first] = true, true
		}
		labelOf[number.ValueString()] = label
	}
	return invalid
}

// planTrackings plans config given the prior state (nil for a create).
// Plans stay quiet: only what a change can alter is unknown. An item that
// keeps a prior tracking (keptTrackings: same label and number, or a label
// it moved to) keeps what the change cannot move (Model.PlannedResults); any
// other item is a new tracking, with every read-only value unknown. The
// resource keeps its id. Trackings the apply deletes are named in a
// warning, since the plan counts them as one update. With Data, the
// carrier codes that are new to an item are checked (checkCarriers), but
// for the items invalid by label (checkTrackings found a problem of their
// own), so that one plan reports every item's problem, and a plan whose
// items are all invalid makes no call, as the single resource's does not.
func planTrackings(ctx context.Context, data *providerconfig.Data, prior *trackingsResourceModel, config tftypes.Value, invalid map[string]bool, diags *diag.Diagnostics) tftypes.Value {
	typ := trackingsType()
	id := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	var before map[string]tracking.Model
	if prior != nil {
		id, before = tfValue(ctx, prior.ID, diags), prior.Trackings
	}
	// The map is required, so a map that is not known is one only known at apply.
	trackings := tftypes.NewValue(typ.AttributeTypes["trackings"], tftypes.UnknownValue)
	if items, known := trackingsElements(config, diags); known {
		planned := make(map[string]tftypes.Value, len(items))
		models := make(map[string]tracking.Model, len(items))
		for label, raw := range items {
			if !raw.IsKnown() {
				planned[label] = raw // a whole item only known at apply
				continue
			}
			models[label] = withDefaults(itemFromTerraform(ctx, raw, diags)).WithUnknownResults()
		}
		priorOf := keptTrackings(before, models)
		checkVersion(data, before, models, priorOf, invalid, diags)
		checkCarriers(ctx, data, before, models, priorOf, invalid, diags)
		for label, item := range models {
			if from, ok := priorOf[label]; ok {
				item = item.PlannedResults(before[from])
			}
			planned[label] = itemToTerraform(ctx, item, diags)
		}
		warnDeletes(before, models, priorOf, len(planned) > len(models), diags)
		trackings = tftypes.NewValue(typ.AttributeTypes["trackings"], planned)
	}
	return tftypes.NewValue(typ, map[string]tftypes.Value{"id": id, "trackings": trackings})
}

// checkVersion adds an error for each argument of a valid item (not
// invalid) that the provider's API version cannot honour, as a change of
// the prior tracking the item keeps (tracking.Model.VersionProblems).
func checkVersion(data *providerconfig.Data, prior, planned map[string]tracking.Model, priorOf map[string]string, invalid map[string]bool, diags *diag.Diagnostics) {
	if data == nil {
		return
	}
	version := data.Client.APIVersion()
	for _, label := range sortedKeys(planned) {
		if invalid[label] {
			continue
		}
		var was *tracking.Model
		if from, ok := priorOf[label]; ok {
			m := prior[from]
			was = &m
		}
		for _, p := range planned[label].VersionProblems(version, was) {
			at := path.Root("trackings").AtMapKey(label).AtName(p.Attribute)
			diags.AddAttributeError(at, "Not available with TrackingMore API "+version, fmt.Sprintf("Attribute %s: %s", at, p.Detail))
		}
	}
}

// heldLabels is the set of prior labels whose tracking some planned label
// keeps (priorOf as keptTrackings returns it).
func heldLabels(priorOf map[string]string) map[string]bool {
	held := make(map[string]bool, len(priorOf))
	for _, from := range priorOf {
		held[from] = true
	}
	return held
}

// keptTrackings pairs each planned label with the prior label whose
// tracking it keeps: its own, when the tracking number is unchanged, or
// one that is gone or renumbered and held the same carrier and number
// (the apply moves that tracking for free). A move goes only to a label
// the prior state does not hold. Items never created keep nothing. Plan
// and apply both decide with this, so the plan shows what the apply does.
func keptTrackings(prior, planned map[string]tracking.Model) map[string]string {
	priorOf := make(map[string]string, len(planned))
	var freed map[trackingmore.TrackingRef]string
	for label, was := range prior {
		if was.ID.IsNull() {
			continue
		}
		if next, ok := planned[label]; ok && next.TrackingNumber.Equal(was.TrackingNumber) {
			priorOf[label] = label
			continue
		}
		if freed == nil {
			freed = map[trackingmore.TrackingRef]string{}
		}
		freed[was.Ref()] = label
	}
	for label, next := range planned {
		if _, taken := prior[label]; taken || len(freed) == 0 {
			continue
		}
		if from, ok := freed[next.Ref()]; ok && !next.TrackingNumber.IsUnknown() && !next.CarrierCode.IsUnknown() {
			priorOf[label] = from
		}
	}
	return priorOf
}

// checkCarriers checks, against TrackingMore's carrier catalogue, the
// carrier code of each valid item (not invalid) that is new or changes
// carrier: the codes already applied were accepted, so a plan that changes
// no carrier costs no call. The catalogue is fetched once per provider configuration; if it
// cannot be, one error names the provider argument at fault, or, when the
// API cannot be reached, one warning says so and the apply will tell.
func checkCarriers(ctx context.Context, data *providerconfig.Data, prior, planned map[string]tracking.Model, priorOf map[string]string, invalid map[string]bool, diags *diag.Diagnostics) {
	if data == nil {
		return
	}
	var catalogue *carriercheck.Catalogue
	for _, label := range sortedKeys(planned) {
		code := planned[label].CarrierCode
		if code.IsUnknown() || code.IsNull() || invalid[label] {
			continue
		}
		if from, ok := priorOf[label]; ok && code.Equal(prior[from].CarrierCode) {
			continue
		}
		if catalogue == nil {
			var err error
			if catalogue, err = data.Carriers.Get(ctx); err != nil {
				carriercheck.Unchecked(path.Root("trackings"), "the items' carrier codes", err, diags)
				return
			}
		}
		if !catalogue.Has(code.ValueString()) {
			at := carrierPath(label)
			diags.AddAttributeError(at, "Unknown carrier code", carriercheck.Problem(at.String(), code.ValueString(), catalogue))
		}
	}
}

// listedAtMost is how many trackings a plan warning names before it counts the rest.
const listedAtMost = 20

// warnDeletes warns of the trackings the apply deletes: the plan's summary
// counts the resource as one update, however many it deletes. A deleted
// tracking that another label creates again is re-created, losing its
// history and costing quota. someUnknown: items only known at apply may
// yet keep some of them.
func warnDeletes(prior, planned map[string]tracking.Model, priorOf map[string]string, someUnknown bool, diags *diag.Diagnostics) {
	held := heldLabels(priorOf)
	var createdBy map[trackingmore.TrackingRef]string
	var deleted, recreated []string
	for _, label := range sortedKeys(prior) {
		was := prior[label]
		if held[label] || was.ID.IsNull() {
			continue
		}
		next, stays := planned[label]
		if stays && next.TrackingNumber.IsUnknown() {
			continue // whether it keeps its tracking is known at apply
		}
		if createdBy == nil {
			createdBy = labelsByRef(planned)
		}
		subject := label + " (" + was.ImportID() + ")"
		switch to, again := createdBy[was.Ref()]; {
		case again:
			recreated = append(recreated, subject+": created again under "+to)
		case stays:
			deleted = append(deleted, subject+": the label now tracks "+next.ImportID())
		default:
			deleted = append(deleted, subject+": removed from the map")
		}
	}
	if len(deleted)+len(recreated) == 0 {
		return
	}
	var detail strings.Builder
	detail.WriteString("The plan counts " + typeName + " as one update, but the apply deletes trackings from TrackingMore, with their history.")
	if len(deleted) > 0 {
		fmt.Fprintf(&detail, "\n\nDeleted (%d):%s", len(deleted), bulletList(deleted))
	}
	if len(recreated) > 0 {
		fmt.Fprintf(&detail, "\n\nDeleted and created again (%d), each costing a unit of quota:%s\n\n"+
			"A tracking moves to another label for free only if that label is new: apply the rename in two steps "+
			"(first to a label not used before), or keep the labels as they are.", len(recreated), bulletList(recreated))
	}
	if someUnknown {
		detail.WriteString("\n\nItems only known at apply may yet keep some of these trackings.")
	}
	summary := fmt.Sprintf("Apply deletes %d trackings", len(deleted)+len(recreated))
	if len(deleted)+len(recreated) == 1 {
		summary = "Apply deletes 1 tracking"
	}
	diags.AddAttributeWarning(path.Root("trackings"), summary, detail.String())
}

// bulletList renders lines as a list, the first listedAtMost of them.
func bulletList(lines []string) string {
	var b strings.Builder
	for i, line := range lines {
		if i == listedAtMost {
			fmt.Fprintf(&b, "\n  - and %d more", len(lines)-listedAtMost)
			break
		}
		b.WriteString("\n  - " + line)
	}
	return b.String()
}
