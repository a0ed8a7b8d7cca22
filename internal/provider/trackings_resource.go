package provider

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

var (
	_ resource.ResourceWithConfigure   = (*trackingsResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*trackingsResource)(nil)
	_ resource.ResourceWithImportState = (*trackingsResource)(nil)
)

type trackingsResource struct {
	client *trackingmore.Client
}

type trackingsResourceModel struct {
	ID        types.String                 `tfsdk:"id"`
	Trackings map[string]trackingItemModel `tfsdk:"trackings"`
}

// NewTrackingsResource is the constructor the provider registers.
func NewTrackingsResource() resource.Resource {
	return &trackingsResource{}
}

func (r *trackingsResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trackings"
}

func (r *trackingsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Many parcel trackings in one resource, for shops with thousands of parcels. " +
			"Creates, edits and deletes go through the batch endpoints (40 trackings a call) and a refresh costs a few list calls " +
			"instead of one call per parcel. Each item behaves like a `trackingmore_tracking`: a carrier change is made in place, " +
			"a new tracking number replaces only that item, and a change to one item shows as that item's change in the plan.\n\n" +
			"If some items fail (quota used up, a duplicate, an invalid number), the others are kept: an update reports each failed " +
			"item as an error; a first create reports them as warnings (an error would taint, and so re-create, the trackings that " +
			"were created) and the next plan adds them again.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "An identifier of this set of trackings, chosen by the provider.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"trackings": schema.MapNestedAttribute{
				MarkdownDescription: "The trackings, keyed by a label you choose (an order number, say). Labels only name items in plans; " +
					"moving a tracking to another label costs no API call.",
				Required:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: trackingItemAttributes()},
				Validators:   []validator.Map{mapvalidator.SizeAtLeast(1), uniqueTrackings{}},
			},
		},
	}
}

func (r *trackingsResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan keeps plans quiet: Terraform marks every read-only value of
// every item unknown as soon as any item changes. Items whose arguments are
// unchanged keep all their values; changed items keep the values that
// survive the change (id and created_at, unless the number changed).
func (r *trackingsResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var planned types.Map
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("trackings"), &planned)...)
	if resp.Diagnostics.HasError() || planned.IsUnknown() {
		return
	}
	var plan, state trackingsResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	for label, item := range plan.Trackings {
		prior, ok := state.Trackings[label]
		if !ok || !item.TrackingNumber.Equal(prior.TrackingNumber) {
			continue
		}
		item.ID, item.CreatedAt = prior.ID, prior.CreatedAt
		if item.sameArguments(prior) {
			item = item.withResults(prior)
		}
		plan.Trackings[label] = item
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *trackingsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan trackingsResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := newBulkID()
	if err != nil {
		resp.Diagnostics.AddError("Unable to create trackings", err.Error())
		return
	}
	state := trackingsResourceModel{ID: types.StringValue(id), Trackings: map[string]trackingItemModel{}}
	var failures diag.Diagnostics
	r.apply(ctx, &state, plan, &failures)

	if len(state.Trackings) == 0 {
		resp.Diagnostics.Append(failures...)
		return
	}
	// Some items exist: they must be in state and not tainted, so failed
	// items are warnings and stay planned (with null ids) until the next
	// refresh drops them and the next plan adds them again.
	for _, d := range failures {
		resp.Diagnostics.AddWarning(d.Summary(), d.Detail()+" The next terraform apply adds it again.")
	}
	var failed []string
	for label, item := range plan.Trackings {
		if _, ok := state.Trackings[label]; !ok {
			state.Trackings[label] = item.withResults(trackingItemModel{})
			failed = append(failed, label)
		}
	}
	// The failed items' trackings may exist but are not ours (a duplicate):
	// remember them so no later read, update or delete touches them.
	if len(failed) > 0 {
		neverCreated, _ := json.Marshal(failed)
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, neverCreatedKey, neverCreated)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// neverCreatedKey is the private state key listing the labels a first
// create kept in state (as planned) without creating their trackings.
const neverCreatedKey = "never_created"

// dropNeverCreated removes from state the items a first create failed to
// create, so they are planned again instead of being looked up (and a
// tracking that already existed under that number silently adopted) or
// deleted.
func dropNeverCreated(ctx context.Context, private interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}, state *trackingsResourceModel, diags *diag.Diagnostics) {
	b, d := private.GetKey(ctx, neverCreatedKey)
	diags.Append(d...)
	var labels []string
	if len(b) == 0 || json.Unmarshal(b, &labels) != nil {
		return
	}
	for _, label := range labels {
		if item, ok := state.Trackings[label]; ok && item.ID.IsNull() {
			delete(state.Trackings, label)
		}
	}
}

func (r *trackingsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state trackingsResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	dropNeverCreated(ctx, req.Private, &state, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, neverCreatedKey, nil)...)
	refs := make([]trackingmore.TrackingRef, 0, len(state.Trackings))
	createdAt := map[trackingmore.TrackingRef]time.Time{}
	for _, item := range state.Trackings {
		refs = append(refs, item.ref())
		if t, err := time.Parse(time.RFC3339, item.CreatedAt.ValueString()); err == nil {
			createdAt[item.ref()] = t
		}
	}
	found, err := r.client.FindTrackings(ctx, refs, createdAt)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Unable to read trackings", fmt.Sprintf("%d trackings", len(refs)), err)
		return
	}
	var missing []string
	for label, item := range state.Trackings {
		t, ok := found[item.ref()]
		if !ok {
			missing = append(missing, label+" ("+item.subject()+")")
			delete(state.Trackings, label)
			continue
		}
		item.readArguments(t)
		item.readResults(t)
		state.Trackings[label] = item
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		resp.Diagnostics.AddWarning("Trackings no longer exist",
			"TrackingMore has no tracking for "+strings.Join(missing, ", ")+
				" (deleted outside Terraform, or never created). They were removed from the state; the next apply creates them again.")
	}
	if len(state.Trackings) == 0 {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *trackingsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state trackingsResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	dropNeverCreated(ctx, req.Private, &state, &resp.Diagnostics) // when planned without a refresh
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, neverCreatedKey, nil)...)
	// Failed items are errors here: state holds exactly what exists, and an
	// update that fails taints nothing.
	r.apply(ctx, &state, plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *trackingsResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state trackingsResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	dropNeverCreated(ctx, req.Private, &state, &resp.Diagnostics)
	r.apply(ctx, &state, trackingsResourceModel{}, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		// Keep what could not be deleted, so a retry deletes only that.
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	}
}

// ImportState takes a comma-separated list of carrier_code/tracking_number
// pairs, each optionally prefixed with "label=" (the label defaults to the
// tracking number): "ups/1Z999AA10123456784,order-1002=usps/9400111899223197428490".
func (r *trackingsResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	items, err := parseBulkImportID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	id, err := newBulkID()
	if err != nil {
		resp.Diagnostics.AddError("Unable to import trackings", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &trackingsResourceModel{ID: types.StringValue(id), Trackings: items})...)
}

func parseBulkImportID(id string) (map[string]trackingItemModel, error) {
	items := map[string]trackingItemModel{}
	for _, part := range strings.Split(id, ",") {
		part = strings.TrimSpace(part)
		label, pair, labelled := strings.Cut(part, "=")
		if !labelled {
			pair = part
		}
		carrier, number, err := parseImportID(pair)
		if err != nil {
			return nil, fmt.Errorf("expected a comma-separated list of [label=]carrier_code/tracking_number, such as "+
				"ups/1Z999AA10123456784,order-1002=usps/9400111899223197428490: %w", err)
		}
		if !labelled {
			label = number
		}
		if _, dup := items[label]; dup || label == "" {
			return nil, fmt.Errorf("label %q is empty or used twice in the import ID", label)
		}
		items[label] = trackingItemModel{
			TrackingNumber: types.StringValue(number),
			CarrierCode:    types.StringValue(carrier),
			Archived:       types.BoolValue(false),
		}
	}
	return items, nil
}

// apply moves state towards plan with the fewest API calls: one batch
// delete, one batch create, a carrier change per moved item, and one
// updatemore for every edited item (including new items that are archived
// or have a manual status, which create cannot set). state reflects exactly
// what succeeded; every failed item becomes one error in diags.
func (r *trackingsResource) apply(ctx context.Context, state *trackingsResourceModel, plan trackingsResourceModel, diags *diag.Diagnostics) {
	if state.Trackings == nil {
		state.Trackings = map[string]trackingItemModel{}
	}
	byRef, planByRef := labelsByRef(state.Trackings), labelsByRef(plan.Trackings)

	// A label that disappears frees its tracking, unless another label now
	// holds the same number: then the tracking moves between labels for free.
	var deletes []trackingmore.TrackingRef
	for _, label := range sortedKeys(state.Trackings) {
		item := state.Trackings[label]
		if next, ok := plan.Trackings[label]; ok && next.TrackingNumber.Equal(item.TrackingNumber) {
			continue
		}
		if newLabel, moved := planByRef[item.ref()]; moved && newLabel != label {
			if _, taken := state.Trackings[newLabel]; !taken {
				state.Trackings[newLabel] = item
				delete(state.Trackings, label)
				continue
			}
		}
		deletes = append(deletes, item.ref())
	}
	r.deleteItems(ctx, state, deletes, byRef, diags)

	var creates []string
	for _, label := range sortedKeys(plan.Trackings) {
		if _, ok := state.Trackings[label]; !ok {
			creates = append(creates, label)
		}
	}
	r.createItems(ctx, state, plan, creates, planByRef, diags)

	var edits []trackingmore.BatchUpdateItem
	for _, label := range sortedKeys(plan.Trackings) {
		next, prior := plan.Trackings[label], state.Trackings[label]
		if prior.TrackingNumber.IsNull() {
			continue // its create failed
		}
		if !next.CarrierCode.Equal(prior.CarrierCode) {
			if err := r.client.ChangeCarrier(ctx, prior.CarrierCode.ValueString(), prior.TrackingNumber.ValueString(), next.CarrierCode.ValueString()); err != nil {
				addAPIError(diags, "Unable to change carrier", label+" ("+prior.subject()+")", err)
				continue
			}
			prior.CarrierCode = next.CarrierCode
			state.Trackings[label] = prior
		}
		if put, changed := next.updateRequest(prior); changed {
			edits = append(edits, trackingmore.BatchUpdateItem{TrackingRef: next.ref(), UpdateTrackingRequest: put})
		} else {
			state.Trackings[label] = next.withResults(prior)
		}
	}
	r.updateItems(ctx, state, plan, edits, planByRef, diags)
}

func (r *trackingsResource) deleteItems(ctx context.Context, state *trackingsResourceModel, refs []trackingmore.TrackingRef,
	byRef map[trackingmore.TrackingRef]string, diags *diag.Diagnostics) {
	if len(refs) == 0 {
		return
	}
	res, err := r.client.DeleteTrackings(ctx, refs)
	for _, ref := range res.Deleted {
		delete(state.Trackings, byRef[ref])
	}
	for _, e := range res.Errors {
		ref := trackingmore.TrackingRef{TrackingNumber: e.TrackingNumber, CarrierCode: e.CarrierCode}
		if e.Code == 4017 || e.Code == 4031 { // already gone
			delete(state.Trackings, byRef[ref])
			continue
		}
		diags.AddError("Unable to delete tracking", itemError(byRef[ref], ref, e))
	}
	if err != nil {
		addAPIError(diags, "Unable to delete trackings", fmt.Sprintf("a batch of %d trackings", len(refs)), err)
	}
}

func (r *trackingsResource) createItems(ctx context.Context, state *trackingsResourceModel, plan trackingsResourceModel,
	labels []string, labelByRef map[trackingmore.TrackingRef]string, diags *diag.Diagnostics) {
	if len(labels) == 0 {
		return
	}
	reqs := make([]trackingmore.CreateTrackingRequest, len(labels))
	for i, label := range labels {
		reqs[i] = plan.Trackings[label].createRequest()
	}
	res, err := r.client.CreateTrackings(ctx, reqs)
	for i := range res.Trackings {
		t := &res.Trackings[i]
		label := labelByRef[trackingmore.TrackingRef{TrackingNumber: t.TrackingNumber, CarrierCode: t.CarrierCode}]
		if label == "" {
			continue
		}
		// As created: archived and manual status follow with the edits.
		item := plan.Trackings[label]
		item.Archived, item.ManualStatus = types.BoolValue(false), types.StringNull()
		item.readEcho(t)
		state.Trackings[label] = item
	}
	for _, e := range res.Errors {
		ref := trackingmore.TrackingRef{TrackingNumber: e.TrackingNumber, CarrierCode: e.CarrierCode}
		detail := itemError(labelByRef[ref], ref, e)
		if e.Code == 4016 {
			detail += " It is not managed by this configuration: remove it from the map, or import it."
		}
		diags.AddError("Unable to create tracking", detail)
	}
	if err != nil {
		addAPIError(diags, "Unable to create trackings", fmt.Sprintf("%d of %d trackings", len(reqs)-res.Added, len(reqs)), err)
	}
}

func (r *trackingsResource) updateItems(ctx context.Context, state *trackingsResourceModel, plan trackingsResourceModel,
	edits []trackingmore.BatchUpdateItem, labelByRef map[trackingmore.TrackingRef]string, diags *diag.Diagnostics) {
	if len(edits) == 0 {
		return
	}
	res, err := r.client.UpdateTrackings(ctx, edits)
	failed := map[trackingmore.TrackingRef]bool{}
	for _, e := range res.Errors {
		ref := trackingmore.TrackingRef{TrackingNumber: e.TrackingNumber, CarrierCode: e.CarrierCode}
		failed[ref] = true
		diags.AddError("Unable to update tracking", itemError(labelByRef[ref], ref, e))
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
		item := plan.Trackings[label].withResults(state.Trackings[label])
		if echo != nil {
			item.readEcho(echo)
		}
		if !item.ManualStatus.IsNull() {
			item.Status = item.ManualStatus
		}
		state.Trackings[label] = item
	}
	if err != nil {
		addAPIError(diags, "Unable to update trackings", fmt.Sprintf("a batch of %d trackings", len(edits)), err)
	}
}

// itemError describes one failed item of a batch call.
func itemError(label string, ref trackingmore.TrackingRef, e trackingmore.BatchItemError) string {
	err := &trackingmore.APIError{Code: int(e.Code), Message: e.Message}
	return explainError(fmt.Sprintf("%s (%s/%s)", label, ref.CarrierCode, ref.TrackingNumber), err)
}

// sameArguments reports whether m and other configure the same tracking the same way.
func (m trackingItemModel) sameArguments(other trackingItemModel) bool {
	return m.withResults(trackingItemModel{}) == other.withResults(trackingItemModel{})
}

// labelsByRef indexes items by the tracking each one names.
func labelsByRef(items map[string]trackingItemModel) map[trackingmore.TrackingRef]string {
	byRef := make(map[trackingmore.TrackingRef]string, len(items))
	for label, item := range items {
		byRef[item.ref()] = label
	}
	return byRef
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

func newBulkID() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("generating an id: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// uniqueTrackings rejects two labels holding the same carrier and number,
// which the API would answer with a duplicate error.
type uniqueTrackings struct{}

func (uniqueTrackings) Description(context.Context) string {
	return "each tracking number appears under one label only"
}
func (v uniqueTrackings) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (uniqueTrackings) ValidateMap(ctx context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var items map[string]types.Object
	resp.Diagnostics.Append(req.ConfigValue.ElementsAs(ctx, &items, false)...)
	seen := map[string]string{}
	for _, label := range sortedKeys(items) {
		number, ok := items[label].Attributes()["tracking_number"].(types.String)
		if !ok || number.IsUnknown() || number.IsNull() {
			continue
		}
		if first, dup := seen[number.ValueString()]; dup {
			resp.Diagnostics.AddAttributeError(req.Path.AtMapKey(label), "Duplicate tracking number",
				fmt.Sprintf("Attribute %s: tracking number %q is already under label %q; a tracking can be managed once only.",
					req.Path.AtMapKey(label), number.ValueString(), first))
		}
		seen[number.ValueString()] = label
	}
}
