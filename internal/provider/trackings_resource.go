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
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

const bulkTypeName = "trackingmore_trackings"

// trackingsResource serves trackingmore_trackings directly on plugin
// protocol 6 (NewServer says why). Its schema is written with the
// framework's types like every other one and converted (protocol.go); each
// call decodes its values into trackingsResourceModel in one pass, and
// the behaviour lives in plain functions on the model.
type trackingsResource struct {
	provider *trackingMoreProvider
}

type trackingsResourceModel struct {
	ID        types.String
	Trackings map[string]trackingItemModel // by label
}

func trackingsFrameworkSchema() schema.Schema {
	return schema.Schema{
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
			},
			"trackings": schema.MapNestedAttribute{
				MarkdownDescription: "The trackings, keyed by a label you choose (an order number, say). Labels only name items in plans; " +
					"moving a tracking to another label costs no API call. At least one; each tracking number under one label only.",
				Required:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: trackingItemAttributes()},
			},
		},
	}
}

// trackingsSchema is the resource's schema as the protocol carries it.
var trackingsSchema = sync.OnceValue(func() *tfprotov6.Schema {
	s := trackingsFrameworkSchema()
	return &tfprotov6.Schema{Block: &tfprotov6.SchemaBlock{
		Description:     s.MarkdownDescription,
		DescriptionKind: tfprotov6.StringKindMarkdown,
		Attributes:      protoAttributes(s.Attributes),
	}}
})

// trackingsTypes are the types of the resource's configuration, plan and
// state, and of one item of its map.
var trackingsTypes = sync.OnceValues(func() (tftypes.Object, tftypes.Object) {
	typ, ok := trackingsSchema().ValueType().(tftypes.Object)
	trackings, okMap := typ.AttributeTypes["trackings"].(tftypes.Map)
	item, okItem := trackings.ElementType.(tftypes.Object)
	if !ok || !okMap || !okItem {
		panic(bulkTypeName + "'s schema is not an object holding a map of objects")
	}
	return typ, item
})

func trackingsType() tftypes.Object {
	typ, _ := trackingsTypes()
	return typ
}

func trackingItemType() tftypes.Object {
	_, item := trackingsTypes()
	return item
}

func (r *trackingsResource) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	var diags diag.Diagnostics
	config := decodeValue(req.Config, trackingsType(), &diags)
	if !diags.HasError() {
		validateTrackings(ctx, config, &diags)
	}
	return &tfprotov6.ValidateResourceConfigResponse{Diagnostics: protoDiagnostics(diags)}, nil
}

// validateTrackings runs each item attribute's validators on every known
// item, and rejects an empty map and a tracking number under two labels
// (the API would answer the second with a duplicate error).
func validateTrackings(ctx context.Context, config tftypes.Value, diags *diag.Diagnostics) {
	items, known := trackingsElements(config, diags)
	if !known {
		return
	}
	root := path.Root("trackings")
	if len(items) == 0 {
		diags.AddAttributeError(root, "Invalid Attribute Value",
			fmt.Sprintf("Attribute %s must hold at least one tracking; to delete them all, remove the resource.", root))
	}
	labelOf := map[string]string{}
	for _, label := range sortedKeys(items) {
		if !items[label].IsKnown() {
			continue
		}
		item := itemFromTerraform(ctx, items[label], diags)
		validateItem(ctx, root.AtMapKey(label), item, diags)
		number := item.TrackingNumber
		if number.IsUnknown() || number.IsNull() {
			continue
		}
		if first, dup := labelOf[number.ValueString()]; dup {
			diags.AddAttributeError(root.AtMapKey(label), "Duplicate tracking number",
				fmt.Sprintf("Attribute %s: tracking number %q is already under label %q; a tracking can be managed once only.",
					root.AtMapKey(label), number.ValueString(), first))
		}
		labelOf[number.ValueString()] = label
	}
}

func (r *trackingsResource) UpgradeResourceState(_ context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.UpgradeResourceStateResponse{}
	switch {
	case req.Version != 0:
		diags.AddError("Unable to upgrade state", fmt.Sprintf("%s has state version 0 only; got version %d. "+
			"The state was written by a newer provider: use that version.", bulkTypeName, req.Version))
	case req.RawState != nil:
		// Attributes the schema no longer has (dropped since the state was written) are ignored.
		state, err := req.RawState.UnmarshalWithOpts(trackingsType(), tfprotov6.UnmarshalOpts{
			ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true},
		})
		if err != nil {
			diags.AddError("Unable to read state", "The state of "+bulkTypeName+" does not match its schema: "+err.Error())
		} else {
			resp.UpgradedState = encodeValue(state, &diags)
		}
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

func (r *trackingsResource) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.ReadResourceResponse{NewState: req.CurrentState, Private: req.Private}
	state := decodeTrackings(ctx, req.CurrentState, &diags)
	client := r.client(&diags)
	if !diags.HasError() && state != nil {
		resp.NewState = encodeTrackings(ctx, readTrackings(ctx, client, *state, neverCreated(req.Private), &diags), &diags)
		resp.Private = nil // the never-created items are dropped now
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

func (r *trackingsResource) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.PlanResourceChangeResponse{PlannedState: req.ProposedNewState, PlannedPrivate: req.PriorPrivate}
	proposed := decodeValue(req.ProposedNewState, trackingsType(), &diags)
	config := decodeValue(req.Config, trackingsType(), &diags)
	prior := decodeTrackings(ctx, req.PriorState, &diags)
	if !diags.HasError() && !proposed.IsNull() { // null: a destroy, planned as proposed
		resp.PlannedState = encodeValue(planTrackings(ctx, prior, config, &diags), &diags)
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

// planTrackings plans config given the prior state (nil for a create).
// Plans stay quiet: only what a change can alter is unknown. An item whose
// arguments are unchanged keeps all its values; a changed item keeps its id
// and created_at unless its number changed; the resource keeps its id. An
// item a first create failed to create (null id) is planned as new, since
// the apply creates it.
func planTrackings(ctx context.Context, prior *trackingsResourceModel, config tftypes.Value, diags *diag.Diagnostics) tftypes.Value {
	typ := trackingsType()
	id := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	var before map[string]trackingItemModel
	if prior != nil {
		id, before = tfValue(ctx, prior.ID, diags), prior.Trackings
	}
	// The map is required, so a map that is not known is one only known at apply.
	trackings := tftypes.NewValue(typ.AttributeTypes["trackings"], tftypes.UnknownValue)
	if items, known := trackingsElements(config, diags); known {
		planned := make(map[string]tftypes.Value, len(items))
		for label, raw := range items {
			if !raw.IsKnown() {
				planned[label] = raw // a whole item only known at apply
				continue
			}
			item := itemFromTerraform(ctx, raw, diags).withDefaults().withResults(unknownResults)
			if was, ok := before[label]; ok && !was.ID.IsNull() && item.TrackingNumber.Equal(was.TrackingNumber) {
				item.ID, item.CreatedAt = was.ID, was.CreatedAt
				if item.sameArguments(was) {
					item = item.withResults(was)
				}
			}
			planned[label] = item.toTerraform(ctx, diags)
		}
		trackings = tftypes.NewValue(typ.AttributeTypes["trackings"], planned)
	}
	return tftypes.NewValue(typ, map[string]tftypes.Value{"id": id, "trackings": trackings})
}

// unknownResults has every read-only value of an item unknown.
var unknownResults = trackingItemModel{
	ID: types.StringUnknown(), Status: types.StringUnknown(), Substatus: types.StringUnknown(),
	LastEvent: types.StringUnknown(), LastUpdateTime: types.StringUnknown(), CreatedAt: types.StringUnknown(),
}

func (r *trackingsResource) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.ApplyResourceChangeResponse{NewState: req.PriorState, Private: req.PlannedPrivate}
	prior := decodeTrackings(ctx, req.PriorState, &diags)
	planned := decodeTrackings(ctx, req.PlannedState, &diags)
	client := r.client(&diags)
	if !diags.HasError() {
		var state *trackingsResourceModel
		switch {
		case prior == nil:
			var failed []string
			state, failed = createTrackings(ctx, client, *planned, &diags)
			resp.Private = neverCreatedPrivate(failed)
		case planned == nil:
			state = deleteTrackings(ctx, client, *prior, neverCreated(req.PlannedPrivate), &diags)
		default:
			state = updateTrackings(ctx, client, *prior, *planned, neverCreated(req.PlannedPrivate), &diags)
			resp.Private = nil
		}
		resp.NewState = encodeTrackings(ctx, state, &diags)
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

// createTrackings creates plan's items. If some fail but others exist, the
// failed ones are warnings, not errors: an error would taint, and so
// re-create, the trackings that were created. They stay in state as
// planned, with null ids, and are returned as failed.
func createTrackings(ctx context.Context, client *trackingmore.Client, plan trackingsResourceModel, diags *diag.Diagnostics) (*trackingsResourceModel, []string) {
	id, err := newBulkID()
	if err != nil {
		diags.AddError("Unable to create trackings", err.Error())
		return nil, nil
	}
	state := trackingsResourceModel{ID: types.StringValue(id), Trackings: map[string]trackingItemModel{}}
	var failures diag.Diagnostics
	applyChanges(ctx, client, &state, plan, &failures)
	if len(state.Trackings) == 0 {
		diags.Append(failures...)
		return nil, nil
	}
	for _, d := range failures {
		diags.AddWarning(d.Summary(), d.Detail()+" The next terraform apply adds it again.")
	}
	var failed []string
	for _, label := range sortedKeys(plan.Trackings) {
		if _, ok := state.Trackings[label]; !ok {
			state.Trackings[label] = plan.Trackings[label].withResults(trackingItemModel{})
			failed = append(failed, label)
		}
	}
	return &state, failed
}

// readTrackings refreshes state with the cheapest lookup. Items the API no
// longer has are dropped with a warning; nil means none is left.
func readTrackings(ctx context.Context, client *trackingmore.Client, state trackingsResourceModel, neverCreated []string, diags *diag.Diagnostics) *trackingsResourceModel {
	dropNeverCreated(&state, neverCreated)
	refs := make([]trackingmore.TrackingRef, 0, len(state.Trackings))
	createdAt := map[trackingmore.TrackingRef]time.Time{}
	for _, item := range state.Trackings {
		refs = append(refs, item.ref())
		if t, err := time.Parse(time.RFC3339, item.CreatedAt.ValueString()); err == nil {
			createdAt[item.ref()] = t
		}
	}
	found, err := client.FindTrackings(ctx, refs, createdAt)
	if err != nil {
		addAPIError(diags, "Unable to read trackings", fmt.Sprintf("%d trackings", len(refs)), err)
		return &state
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
func updateTrackings(ctx context.Context, client *trackingmore.Client, state, plan trackingsResourceModel, neverCreated []string, diags *diag.Diagnostics) *trackingsResourceModel {
	dropNeverCreated(&state, neverCreated) // when planned without a refresh
	applyChanges(ctx, client, &state, plan, diags)
	return &state
}

// deleteTrackings deletes every item; what could not be deleted stays in
// state, so a retry deletes only that.
func deleteTrackings(ctx context.Context, client *trackingmore.Client, state trackingsResourceModel, neverCreated []string, diags *diag.Diagnostics) *trackingsResourceModel {
	dropNeverCreated(&state, neverCreated)
	applyChanges(ctx, client, &state, trackingsResourceModel{}, diags)
	if diags.HasError() {
		return &state
	}
	return nil
}

// The private state lists the labels a first create kept in state (as
// planned) without creating their trackings.
type trackingsPrivate struct {
	NeverCreated []string `json:"never_created"`
}

func neverCreatedPrivate(labels []string) []byte {
	if len(labels) == 0 {
		return nil
	}
	b, _ := json.Marshal(trackingsPrivate{NeverCreated: labels}) // cannot fail for strings
	return b
}

func neverCreated(private []byte) []string {
	var p trackingsPrivate
	if json.Unmarshal(private, &p) != nil {
		return nil
	}
	return p.NeverCreated
}

// dropNeverCreated removes from state the items a first create failed to
// create, so they are planned again instead of being looked up (and a
// tracking that already existed under that number silently adopted) or
// deleted.
func dropNeverCreated(state *trackingsResourceModel, labels []string) {
	for _, label := range labels {
		if item, ok := state.Trackings[label]; ok && item.ID.IsNull() {
			delete(state.Trackings, label)
		}
	}
}

// ImportResourceState takes a comma-separated list of
// carrier_code/tracking_number pairs, each optionally prefixed with "label="
// (the label defaults to the tracking number):
// "ups/1Z999AA10123456784,order-1002=usps/9400111899223197428490".
// Terraform then reads the items.
func (r *trackingsResource) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.ImportResourceStateResponse{}
	items, err := parseBulkImportID(req.ID)
	if err != nil {
		diags.AddError("Invalid import ID", err.Error())
	} else if id, err := newBulkID(); err != nil {
		diags.AddError("Unable to import trackings", err.Error())
	} else {
		state := encodeTrackings(ctx, &trackingsResourceModel{ID: types.StringValue(id), Trackings: items}, &diags)
		resp.ImportedResources = []*tfprotov6.ImportedResource{{TypeName: bulkTypeName, State: state}}
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

func (r *trackingsResource) MoveResourceState(_ context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	var diags diag.Diagnostics
	diags.AddError("Unable to move resource state",
		fmt.Sprintf("%s cannot be moved from %s. Import the trackings instead (terraform import with a list of carrier_code/tracking_number).",
			bulkTypeName, req.SourceTypeName))
	return &tfprotov6.MoveResourceStateResponse{Diagnostics: protoDiagnostics(diags)}, nil
}

// GenerateResourceConfig writes the configuration of an imported state:
// its arguments, without the read-only values.
func (r *trackingsResource) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.GenerateResourceConfigResponse{}
	if state := decodeTrackings(ctx, req.State, &diags); state != nil {
		config := trackingsResourceModel{ID: types.StringNull(), Trackings: make(map[string]trackingItemModel, len(state.Trackings))}
		for label, item := range state.Trackings {
			config.Trackings[label] = item.withResults(trackingItemModel{})
		}
		resp.Config = encodeTrackings(ctx, &config, &diags)
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

// client is the client the provider configured.
func (r *trackingsResource) client(diags *diag.Diagnostics) *trackingmore.Client {
	client := r.provider.configured.Load()
	if client == nil {
		diags.AddError("Provider not configured",
			"The trackingmore provider was not configured before "+bulkTypeName+" needed it. Please report this issue to the provider developers.")
	}
	return client
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
func applyChanges(ctx context.Context, client *trackingmore.Client, state *trackingsResourceModel, plan trackingsResourceModel, diags *diag.Diagnostics) {
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
	deleteItems(ctx, client, state, deletes, byRef, diags)

	var creates []string
	for _, label := range sortedKeys(plan.Trackings) {
		if _, ok := state.Trackings[label]; !ok {
			creates = append(creates, label)
		}
	}
	createItems(ctx, client, state, plan, creates, planByRef, diags)

	var edits []trackingmore.BatchUpdateItem
	for _, label := range sortedKeys(plan.Trackings) {
		next, prior := plan.Trackings[label], state.Trackings[label]
		if prior.TrackingNumber.IsNull() {
			continue // its create failed
		}
		if !next.CarrierCode.Equal(prior.CarrierCode) {
			if err := client.ChangeCarrier(ctx, prior.CarrierCode.ValueString(), prior.TrackingNumber.ValueString(), next.CarrierCode.ValueString()); err != nil {
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
	updateItems(ctx, client, state, plan, edits, planByRef, diags)
}

func deleteItems(ctx context.Context, client *trackingmore.Client, state *trackingsResourceModel, refs []trackingmore.TrackingRef,
	byRef map[trackingmore.TrackingRef]string, diags *diag.Diagnostics) {
	if len(refs) == 0 {
		return
	}
	res, err := client.DeleteTrackings(ctx, refs)
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

func createItems(ctx context.Context, client *trackingmore.Client, state *trackingsResourceModel, plan trackingsResourceModel,
	labels []string, labelByRef map[trackingmore.TrackingRef]string, diags *diag.Diagnostics) {
	if len(labels) == 0 {
		return
	}
	reqs := make([]trackingmore.CreateTrackingRequest, len(labels))
	for i, label := range labels {
		reqs[i] = plan.Trackings[label].createRequest()
	}
	res, err := client.CreateTrackings(ctx, reqs)
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

func updateItems(ctx context.Context, client *trackingmore.Client, state *trackingsResourceModel, plan trackingsResourceModel,
	edits []trackingmore.BatchUpdateItem, labelByRef map[trackingmore.TrackingRef]string, diags *diag.Diagnostics) {
	if len(edits) == 0 {
		return
	}
	res, err := client.UpdateTrackings(ctx, edits)
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
