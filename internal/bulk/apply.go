package bulk

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/providerconfig"
	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// createTrackings creates plan's items. A create the account's quota
// cannot cover fails before any call, creating nothing. If some items fail
// but others exist, the failed ones are warnings, not errors: Terraform
// taints a create that reports an error, and so would delete and re-create
// the trackings that were created. Each warning says whether applying
// again helps (failedItemWarning). The failed items stay in state as
// planned, with null ids, and are returned as failed.
func createTrackings(ctx context.Context, data *providerconfig.Data, plan trackingsResourceModel, diags *diag.Diagnostics) (*trackingsResourceModel, []string) {
	id, err := newBulkID()
	if err != nil {
		diags.AddError("Unable to create trackings", err.Error())
		return nil, nil
	}
	if !quotaCovers(ctx, data, len(plan.Trackings), diags) {
		return nil, nil
	}
	state := trackingsResourceModel{ID: types.StringValue(id), Trackings: map[string]tracking.Model{}}
	var failures diag.Diagnostics
	applyChanges(ctx, data, &state, plan, &failures)
	if len(state.Trackings) == 0 {
		diags.Append(failures...)
		return nil, nil
	}
	for _, d := range failures {
		diags.AddWarning(failedItemWarning(d))
	}
	var failed []string
	for _, label := range sortedKeys(plan.Trackings) {
		if _, ok := state.Trackings[label]; !ok {
			state.Trackings[label] = plan.Trackings[label].WithResults(tracking.Model{})
			failed = append(failed, label)
		}
	}
	return &state, failed
}

// quotaCovers refuses a first create of n trackings that the account's
// remaining quota cannot cover, the one failure that would otherwise leave
// a first create half done. If the account cannot be read, the creates
// report their own errors.
func quotaCovers(ctx context.Context, data *providerconfig.Data, n int, diags *diag.Diagnostics) bool {
	info, err := data.Client.GetUserInfo(ctx)
	if err != nil || int(info.TrackNumber) >= n {
		return true
	}
	diags.AddError("Not enough tracking quota",
		fmt.Sprintf("Creating these %d trackings needs %d units of quota; the TrackingMore account has %d left, so nothing was created. "+
			"Top up the quota (the trackingmore_user_info data source shows remaining_quota), or create fewer trackings at a time, then apply again.",
			n, n, int(info.TrackNumber)))
	return false
}

// itemRefused marks the error of an item the API refused (an invalid
// number or carrier, a duplicate, no quota): unlike a call that failed,
// applying again fails the same way until the configuration or the account
// changes.
type itemRefused struct{ diag.Diagnostic }

// failedItemWarning is the warning a first create reports for a failure d.
func failedItemWarning(d diag.Diagnostic) (summary, detail string) {
	if _, refused := d.(itemRefused); refused {
		return d.Summary(), d.Detail() + " This failure is permanent: every apply fails the same way until you fix it as said. " +
			"This apply does not fail, so that the trackings it created are not tainted (Terraform would delete and re-create them); " +
			"to fail a CI run on it, give the resource the postcondition of the guide \"Managing thousands of trackings\"."
	}
	return d.Summary(), d.Detail() + " This failure is transient: the next terraform apply creates what is missing."
}

// readTrackings refreshes state with the cheapest lookup. Items the API no
// longer has are dropped with a warning; nil means none is left.
func readTrackings(ctx context.Context, data *providerconfig.Data, state trackingsResourceModel, neverCreated []string, diags *diag.Diagnostics) *trackingsResourceModel {
	dropNeverCreated(&state, neverCreated)
	refs := make([]trackingmore.TrackingRef, 0, len(state.Trackings))
	createdAt := map[trackingmore.TrackingRef]time.Time{}
	for _, item := range state.Trackings {
		refs = append(refs, item.Ref())
		if t, err := time.Parse(time.RFC3339, item.CreatedAt.ValueString()); err == nil {
			createdAt[item.Ref()] = t
		}
	}
	found, err := data.Client.FindTrackings(ctx, refs, createdAt)
	if err != nil {
		explain.AddAPIError(diags, "Unable to read trackings", fmt.Sprintf("%d trackings", len(refs)), err)
		return &state
	}
	var missing []string
	for label, item := range state.Trackings {
		t, ok := found[item.Ref()]
		if !ok {
			missing = append(missing, label+" ("+item.ImportID()+")")
			delete(state.Trackings, label)
			continue
		}
		item.ReadArguments(t, data.Client.APIVersion())
		item.ReadResults(t)
		state.Trackings[label] = item
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		diags.AddWarning("Trackings no longer exist",
			"TrackingMore has no tracking for "+strings.Join(missing, ", ")+
				" (deleted outside Terraform, or never created). They were removed from the state; the next apply creates them again.")
	}
	if len(state.Trackings) == 0 {
		return nil
	}
	return &state
}

// updateTrackings moves state to plan. A failed item is an error here:
// state holds exactly what exists, and an update that fails taints nothing.
func updateTrackings(ctx context.Context, data *providerconfig.Data, state, plan trackingsResourceModel, neverCreated []string, diags *diag.Diagnostics) *trackingsResourceModel {
	dropNeverCreated(&state, neverCreated) // when planned without a refresh
	applyChanges(ctx, data, &state, plan, diags)
	return &state
}

// deleteTrackings deletes every item; what could not be deleted stays in
// state, so a retry deletes only that.
func deleteTrackings(ctx context.Context, data *providerconfig.Data, state trackingsResourceModel, neverCreated []string, diags *diag.Diagnostics) *trackingsResourceModel {
	dropNeverCreated(&state, neverCreated)
	applyChanges(ctx, data, &state, trackingsResourceModel{}, diags)
	if diags.HasError() {
		return &state
	}
	return nil
}

// applyChanges moves state towards plan with the fewest API calls: one batch
// delete, one batch create, a carrier change per moved item, and one
// updatemore for every edited item (including new items that are archived
// or have a manual status, which create cannot set). state reflects exactly
// what succeeded; every failed item becomes one error in diags.
func applyChanges(ctx context.Context, data *providerconfig.Data, state *trackingsResourceModel, plan trackingsResourceModel, diags *diag.Diagnostics) {
	if state.Trackings == nil {
		state.Trackings = map[string]tracking.Model{}
	}
	byRef, planByRef := labelsByRef(state.Trackings), labelsByRef(plan.Trackings)
	for _, item := range state.Trackings {
		data.Client.KnowID(item.Ref(), item.ID.ValueString()) // v4 writes by id: no lookups
	}

	// A tracking kept under another label moves there for free; a tracking
	// no label keeps is deleted.
	priorOf := keptTrackings(state.Trackings, plan.Trackings)
	held := heldLabels(priorOf)
	var deletes []trackingmore.TrackingRef
	for _, label := range sortedKeys(state.Trackings) {
		if !held[label] {
			deletes = append(deletes, state.Trackings[label].Ref())
		}
	}
	for label, from := range priorOf {
		if label != from {
			state.Trackings[label] = state.Trackings[from]
			delete(state.Trackings, from)
		}
	}
	deleteItems(ctx, data, state, deletes, byRef, diags)

	var creates []string
	for _, label := range sortedKeys(plan.Trackings) {
		if _, ok := state.Trackings[label]; !ok {
			creates = append(creates, label)
		}
	}
	createItems(ctx, data, state, plan, creates, planByRef, diags)

	var edits []trackingmore.BatchUpdateItem
	for _, label := range sortedKeys(plan.Trackings) {
		next, prior := plan.Trackings[label], state.Trackings[label]
		if prior.TrackingNumber.IsNull() {
			continue // its create failed
		}
		if !next.CarrierCode.Equal(prior.CarrierCode) {
			if err := data.Client.ChangeCarrier(ctx, prior.CarrierCode.ValueString(), prior.TrackingNumber.ValueString(), next.CarrierCode.ValueString()); err != nil {
				diags.AddError("Unable to change carrier", explain.CarrierError(data.Carriers.ForError(ctx, err), label+" ("+prior.ImportID()+")",
					carrierPath(label), next.CarrierCode.ValueString(), err))
				continue
			}
			prior.CarrierCode = next.CarrierCode
			state.Trackings[label] = prior
		}
		if put, changed := next.UpdateRequest(prior); changed {
			edits = append(edits, trackingmore.BatchUpdateItem{TrackingRef: next.Ref(), UpdateTrackingRequest: put})
		} else {
			state.Trackings[label] = next.FillUnknownResults(prior)
		}
	}
	updateItems(ctx, data, state, plan, edits, planByRef, diags)
}

func deleteItems(ctx context.Context, data *providerconfig.Data, state *trackingsResourceModel, refs []trackingmore.TrackingRef,
	byRef map[trackingmore.TrackingRef]string, diags *diag.Diagnostics) {
	if len(refs) == 0 {
		return
	}
	res, err := data.Client.DeleteTrackings(ctx, refs)
	for _, ref := range res.Deleted {
		delete(state.Trackings, byRef[ref])
	}
	for _, e := range res.Errors {
		ref := trackingmore.TrackingRef{TrackingNumber: e.TrackingNumber, CarrierCode: e.CarrierCode}
		if trackingmore.IsNotFound(e.Err()) { // already gone
			delete(state.Trackings, byRef[ref])
			continue
		}
		diags.AddError("Unable to delete tracking", itemError(ctx, data, byRef[ref], ref, e))
	}
	if err != nil {
		explain.AddAPIError(diags, "Unable to delete trackings", fmt.Sprintf("a batch of %d trackings", len(refs)), err)
	}
}

func createItems(ctx context.Context, data *providerconfig.Data, state *trackingsResourceModel, plan trackingsResourceModel,
	labels []string, labelByRef map[trackingmore.TrackingRef]string, diags *diag.Diagnostics) {
	if len(labels) == 0 {
		return
	}
	reqs := make([]trackingmore.CreateTrackingRequest, len(labels))
	for i, label := range labels {
		reqs[i] = plan.Trackings[label].CreateRequest()
	}
	res, err := data.Client.CreateTrackings(ctx, reqs)
	for i := range res.Trackings {
		t := &res.Trackings[i]
		label := labelByRef[trackingmore.TrackingRef{TrackingNumber: t.TrackingNumber, CarrierCode: t.CarrierCode}]
		if label == "" {
			continue
		}
		// As created: archived and manual status follow with the edits.
		item := plan.Trackings[label]
		item.Archived, item.ManualStatus = types.BoolValue(false), types.StringNull()
		item.ReadEcho(t)
		state.Trackings[label] = item
	}
	for _, e := range res.Errors {
		ref := trackingmore.TrackingRef{TrackingNumber: e.TrackingNumber, CarrierCode: e.CarrierCode}
		detail := itemError(ctx, data, labelByRef[ref], ref, e)
		if trackingmore.IsAlreadyExists(e.Err()) {
			detail += " It is not managed by this configuration: remove it from the map, or import it."
		}
		diags.Append(itemRefused{diag.NewErrorDiagnostic("Unable to create tracking", detail)})
	}
	if err != nil {
		explain.AddAPIError(diags, "Unable to create trackings", fmt.Sprintf("%d of %d trackings", len(reqs)-res.Added, len(reqs)), err)
	}
}

func updateItems(ctx context.Context, data *providerconfig.Data, state *trackingsResourceModel, plan trackingsResourceModel,
	edits []trackingmore.BatchUpdateItem, labelByRef map[trackingmore.TrackingRef]string, diags *diag.Diagnostics) {
	if len(edits) == 0 {
		return
	}
	res, err := data.Client.UpdateTrackings(ctx, edits)
	failed := map[trackingmore.TrackingRef]bool{}
	for _, e := range res.Errors {
		ref := trackingmore.TrackingRef{TrackingNumber: e.TrackingNumber, CarrierCode: e.CarrierCode}
		failed[ref] = true
		diags.Append(itemRefused{diag.NewErrorDiagnostic("Unable to update tracking", itemError(ctx, data, labelByRef[ref], ref, e))})
	}
	echoes := map[trackingmore.TrackingRef]*trackingmore.Tracking{}
	for i := range res.Trackings {
		t := &res.Trackings[i]
		echoes[trackingmore.TrackingRef{TrackingNumber: t.TrackingNumber, CarrierCode: t.CarrierCode}] = t
	}
	// Items after the failed chunk were never sent: neither echoed nor failed.
	for _, e := range edits {
		echo, ok := echoes[e.TrackingRef]
		if failed[e.TrackingRef] || (!ok && err != nil) {
			continue
		}
		label := labelByRef[e.TrackingRef]
		results := state.Trackings[label]
		if echo != nil {
			results.ReadEcho(echo)
		}
		item := plan.Trackings[label]
		if item.Status.IsUnknown() && !item.ManualStatus.IsNull() {
			item.Status = item.ManualStatus // the echo's status may be the number sent
		}
		state.Trackings[label] = item.FillUnknownResults(results)
	}
	if err != nil {
		explain.AddAPIError(diags, "Unable to update trackings", fmt.Sprintf("a batch of %d trackings", len(edits)), err)
	}
}

// itemError describes one failed item of a batch call; an unknown carrier
// as the plan-time check does (explain.CarrierError).
func itemError(ctx context.Context, data *providerconfig.Data, label string, ref trackingmore.TrackingRef, e trackingmore.BatchItemError) string {
	err := e.Err()
	return explain.CarrierError(data.Carriers.ForError(ctx, err), fmt.Sprintf("%s (%s/%s)", label, ref.CarrierCode, ref.TrackingNumber),
		carrierPath(label), ref.CarrierCode, err)
}

// carrierPath is the carrier_code attribute of the item under label.
func carrierPath(label string) path.Path {
	return path.Root("trackings").AtMapKey(label).AtName("carrier_code")
}

// labelsByRef indexes items by the tracking each one names.
func labelsByRef(items map[string]tracking.Model) map[trackingmore.TrackingRef]string {
	byRef := make(map[trackingmore.TrackingRef]string, len(items))
	for label, item := range items {
		byRef[item.Ref()] = label
	}
	return byRef
}

func newBulkID() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("generating an id: %w", err)
	}
	return hex.EncodeToString(b), nil
}
