package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/carriercheck"
	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/modifiers"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingitem"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

var (
	_ resource.ResourceWithConfigure   = (*trackingResource)(nil)
	_ resource.ResourceWithImportState = (*trackingResource)(nil)
	_ resource.ResourceWithIdentity    = (*trackingResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*trackingResource)(nil)
)

type trackingResource struct {
	client *trackingmore.Client
}

// trackingResourceModel is trackingmore_tracking: the shared item plus what
// only the single resource has.
type trackingResourceModel struct {
	trackingitem.Model

	AutoUpdate               types.Bool   `tfsdk:"auto_update"`
	OrderCreateTime          types.String `tfsdk:"order_create_time"`
	TrackingShipDate         types.String `tfsdk:"tracking_ship_date"`
	TrackingPostalCode       types.String `tfsdk:"tracking_postal_code"`
	TrackingAccountNumber    types.String `tfsdk:"tracking_account_number"`
	SpecialNumberDestination types.String `tfsdk:"special_number_destination"`
	Lang                     types.String `tfsdk:"lang"`
	Comment                  types.String `tfsdk:"comment"`

	UpdatedAt          types.String `tfsdk:"updated_at"`
	OriginalCountry    types.String `tfsdk:"original_country"`
	DestinationCountry types.String `tfsdk:"destination_country"`
	ItemTimeLengthDays types.Int64  `tfsdk:"item_time_length_days"`
	StayTimeLengthDays types.Int64  `tfsdk:"stay_time_length_days"`
}

// NewTrackingResource is the constructor the provider registers.
func NewTrackingResource() resource.Resource {
	return &trackingResource{}
}

func (r *trackingResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tracking"
	// A carrier change moves the tracking to another key in place.
	resp.ResourceBehavior.MutableIdentity = true
}

func (r *trackingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := trackingitem.Attributes()
	withStringModifiers(attrs, "tracking_number", stringplanmodifier.RequiresReplace())
	withStringModifiers(attrs, "id", stringplanmodifier.UseStateForUnknown())
	withStringModifiers(attrs, "created_at", stringplanmodifier.UseStateForUnknown())

	attrs["auto_update"] = schema.BoolAttribute{
		MarkdownDescription: "Whether TrackingMore keeps refreshing the tracking. Setting it to `false` calls `POST /trackings/notupdate`. " +
			"The API cannot resume updates, so setting it back to `true` replaces the tracking (costing one unit of quota). Defaults to `true`.",
		Optional:      true,
		Computed:      true,
		Default:       booldefault.StaticBool(true),
		PlanModifiers: []planmodifier.Bool{modifiers.ReplaceIfUpdatesResumed()},
	}
	createOnly := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc + " Sent only on create: changing it replaces the tracking; adding or removing it does not (the API does not return it, so after an import the configured value is taken as is).",
			Optional:            true,
			Validators:          v,
			PlanModifiers:       []planmodifier.String{modifiers.ReplaceIfCreateOnlyValueChanged()},
		}
	}
	attrs["order_create_time"] = createOnly("When the order was placed, as an RFC 3339 timestamp (API field `order_create_time`).", validators.RFC3339())
	attrs["tracking_ship_date"] = createOnly("Ship date as `YYYYMMDD`, required by some carriers (API field `tracking_ship_date`).", validators.ShipDate())
	attrs["tracking_postal_code"] = createOnly("Destination postal code, required by some carriers (API field `tracking_postal_code`).", validators.PostalCode())
	attrs["tracking_account_number"] = createOnly("Account number, required by some carriers (API field `tracking_account_number`).", validators.AccountNumber())
	attrs["special_number_destination"] = createOnly("Destination country (2-letter code) for carriers whose numbers need it (API field `specialNumberDestination`).", validators.CountryCode())
	attrs["lang"] = createOnly("Language of the checkpoint texts, such as `en` or `cn` (API field `lang`).", validators.LangCode())
	attrs["comment"] = schema.StringAttribute{
		MarkdownDescription: "A note stored with the tracking (API field `comment`). The API sets it only on create, so changing it replaces the tracking.",
		Optional:            true,
		Validators:          []validator.String{validators.Text()},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}

	readOnly := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	attrs["updated_at"] = readOnly("When the tracking's stored fields last changed (ISO 8601 with offset).")
	attrs["original_country"] = readOnly("Origin country name, as the API reports it (`original_country`).")
	attrs["destination_country"] = readOnly("Destination country name, as the API reports it (`destination_country`).")
	attrs["item_time_length_days"] = schema.Int64Attribute{MarkdownDescription: "Days the parcel has been in transit (`itemTimeLength`).", Computed: true}
	attrs["stay_time_length_days"] = schema.Int64Attribute{MarkdownDescription: "Days since the last event (`stayTimeLength`).", Computed: true}

	resp.Schema = schema.Schema{
		MarkdownDescription: "One parcel tracking in TrackingMore. Create, read, update and delete map to `POST /trackings/post`, " +
			"`GET`, `PUT` and `DELETE /trackings/{carrier_code}/{tracking_number}`; a carrier change is made in place with `POST /trackings/update`. " +
			"Checkpoints are in the `trackingmore_tracking` data source. For hundreds of parcels, `trackingmore_trackings` uses the batch endpoints.",
		Attributes: attrs,
	}
}

// withStringModifiers adds plan modifiers to a string attribute of attrs.
func withStringModifiers(attrs map[string]schema.Attribute, name string, more ...planmodifier.String) {
	a, ok := attrs[name].(schema.StringAttribute)
	if !ok {
		panic(name + " is not a string attribute")
	}
	a.PlanModifiers = append(a.PlanModifiers, more...)
	attrs[name] = a
}

func (r *trackingResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *trackingResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan trackingResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}

	created, err := r.client.CreateTracking(ctx, plan.createRequest())
	if err != nil {
		detail := explain.CarrierError(ctx, r.client, plan.Subject(), path.Root("carrier_code"), plan.CarrierCode.ValueString(), err)
		if trackingmore.IsAlreadyExists(err) {
			detail += " It is not managed by this configuration; import it with:\n  terraform import trackingmore_tracking.NAME " + plan.Subject()
		}
		resp.Diagnostics.AddError("Unable to create tracking", detail)
		return
	}

	// What the API holds right after a create; update() then applies the rest.
	state := plan
	state.Archived, state.ManualStatus, state.AutoUpdate = types.BoolValue(false), types.StringNull(), types.BoolValue(true)
	state.ReadEcho(created)
	state.readExtras(created, true)
	// The tracking exists from here on: whatever fails next, state must hold it.
	defer func() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		setTrackingIdentity(ctx, resp.Identity, state.Model, &resp.Diagnostics)
	}()
	// Archived, a manual status and auto_update cannot be sent on create.
	r.update(ctx, &state, plan, &resp.Diagnostics)
}

func (r *trackingResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state trackingResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// Identity first: state written before identity existed (provider
	// versions before it, Terraform before 1.12) has none, and the framework
	// wants one after every Read, a removal included ("Missing Resource
	// Identity After Read").
	setTrackingIdentity(ctx, resp.Identity, state.Model, &resp.Diagnostics)
	t, err := r.client.GetTracking(ctx, state.CarrierCode.ValueString(), state.TrackingNumber.ValueString(), "")
	if trackingmore.IsNotFound(err) {
		resp.Diagnostics.AddWarning("Tracking no longer exists",
			fmt.Sprintf("TrackingMore has no tracking %s any more (deleted outside Terraform?). "+
				"It was removed from the state; the next apply creates it again.", state.Subject()))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		explain.AddAPIError(&resp.Diagnostics, "Unable to read tracking", state.Subject(), err)
		return
	}

	state.read(t)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *trackingResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state trackingResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Whatever step fails, state records the steps that succeeded.
	defer func() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		setTrackingIdentity(ctx, resp.Identity, state.Model, &resp.Diagnostics)
	}()

	if !plan.CarrierCode.Equal(state.CarrierCode) {
		err := r.client.ChangeCarrier(ctx, state.CarrierCode.ValueString(), state.TrackingNumber.ValueString(), plan.CarrierCode.ValueString())
		if err != nil {
			resp.Diagnostics.AddError("Unable to change carrier",
				explain.CarrierError(ctx, r.client, state.Subject(), path.Root("carrier_code"), plan.CarrierCode.ValueString(), err))
			return
		}
		state.CarrierCode = plan.CarrierCode
	}
	// Create-only values change here only when they were unknown after an import.
	state.OrderCreateTime, state.TrackingShipDate, state.TrackingPostalCode = plan.OrderCreateTime, plan.TrackingShipDate, plan.TrackingPostalCode
	state.TrackingAccountNumber, state.SpecialNumberDestination, state.Lang = plan.TrackingAccountNumber, plan.SpecialNumberDestination, plan.Lang
	r.update(ctx, &state, plan, &resp.Diagnostics)
}

// update moves state towards plan with the fewest calls: one PUT for every
// changed field, then notupdate if auto_update was switched off. state
// reflects each step that succeeded.
func (r *trackingResource) update(ctx context.Context, state *trackingResourceModel, plan trackingResourceModel, diags *diag.Diagnostics) {
	if put, changed := plan.UpdateRequest(state.Model); changed {
		echo, err := r.client.UpdateTracking(ctx, plan.CarrierCode.ValueString(), plan.TrackingNumber.ValueString(), put)
		if err != nil {
			explain.AddAPIError(diags, "Unable to update tracking", plan.Subject(), err)
			return
		}
		state.Model = plan.WithResults(state.Model)
		state.ReadEcho(echo)
		state.readExtras(echo, true)
		if !plan.ManualStatus.IsNull() {
			state.Status = plan.ManualStatus
		}
	}
	if state.AutoUpdate.ValueBool() && !plan.AutoUpdate.ValueBool() {
		if _, err := r.client.StopUpdating(ctx, []trackingmore.TrackingRef{plan.Ref()}); err != nil {
			explain.AddAPIError(diags, "Unable to stop updates of tracking", plan.Subject(), err)
			return
		}
	}
	state.AutoUpdate = plan.AutoUpdate
	state.resolveUnknowns()
}

// ModifyPlan checks a new or changed carrier code against the carrier
// catalogue (free, fetched once per process), so a typo fails the plan
// with a suggestion instead of the apply.
func (r *trackingResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var planned, prior types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("carrier_code"), &planned)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("carrier_code"), &prior)...)
	}
	if planned.IsUnknown() || planned.Equal(prior) {
		return
	}
	carriercheck.Validate(ctx, r.client, path.Root("carrier_code"), planned.ValueString(), &resp.Diagnostics)
}

func (r *trackingResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state trackingResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.client.DeleteTracking(ctx, state.CarrierCode.ValueString(), state.TrackingNumber.ValueString())
	if err != nil && !trackingmore.IsNotFound(err) {
		explain.AddAPIError(&resp.Diagnostics, "Unable to delete tracking", state.Subject(), err)
	}
}

func (r *trackingResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	carrier, number, err := importedKey(ctx, req, &resp.Diagnostics)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("carrier_code"), carrier)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("tracking_number"), number)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("auto_update"), true)...)
	setTrackingIdentity(ctx, resp.Identity, trackingitem.Model{CarrierCode: types.StringValue(carrier), TrackingNumber: types.StringValue(number)}, &resp.Diagnostics)
}

// read sets everything a full tracking object (GET or list) says.
func (m *trackingResourceModel) read(t *trackingmore.Tracking) {
	m.ReadArguments(t)
	m.ReadResults(t)
	m.readExtras(t, false)
	if t.TrackUpdate != nil {
		m.AutoUpdate = types.BoolValue(bool(*t.TrackUpdate))
	}
	// comment is create-only: an empty answer must not plan a replacement,
	// but a stored value fills it after an import and shows drift.
	if m.Comment.IsNull() || string(t.Comment) != "" {
		m.Comment = trackingitem.NullIfEmpty(string(t.Comment))
	}
}

// newTrackingResourceModel is a tracking as an import reads it: what the
// API says, with auto_update's default where the API does not say.
func newTrackingResourceModel(t *trackingmore.Tracking) trackingResourceModel {
	m := trackingResourceModel{AutoUpdate: types.BoolValue(true)}
	m.read(t)
	return m
}

// readExtras sets the single resource's own read-only values; partial is
// true for terse answers (create and PUT echoes), as in setResult.
func (m *trackingResourceModel) readExtras(t *trackingmore.Tracking, partial bool) {
	trackingitem.SetResult(&m.UpdatedAt, string(t.UpdatedAt), partial)
	trackingitem.SetResult(&m.OriginalCountry, string(t.OriginalCountry), partial)
	trackingitem.SetResult(&m.DestinationCountry, string(t.DestinationCountry), partial)
	for dst, v := range map[*types.Int64]trackingmore.FlexInt{
		&m.ItemTimeLengthDays: t.ItemTimeLength,
		&m.StayTimeLengthDays: t.StayTimeLength,
	} {
		if !partial || v != 0 || dst.IsUnknown() {
			*dst = types.Int64Value(int64(v))
		}
	}
}

// resolveUnknowns nulls any read-only value no answer supplied, since state
// after apply may hold no unknowns.
func (m *trackingResourceModel) resolveUnknowns() {
	for _, s := range []*types.String{&m.ID, &m.Status, &m.Substatus, &m.LastEvent, &m.LastUpdateTime, &m.CreatedAt,
		&m.UpdatedAt, &m.OriginalCountry, &m.DestinationCountry} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	for _, i := range []*types.Int64{&m.ItemTimeLengthDays, &m.StayTimeLengthDays} {
		if i.IsUnknown() {
			*i = types.Int64Value(0)
		}
	}
}

// orderCreateTimeAPI converts the RFC 3339 order_create_time to the API's
// "YYYY-MM-DD HH:MM:SS" in UTC.
func orderCreateTimeAPI(v types.String) string {
	if v.IsNull() {
		return ""
	}
	t, err := time.Parse(time.RFC3339, v.ValueString())
	if err != nil {
		return ""
	}
	return t.UTC().Format(time.DateTime)
}

// createRequest adds the single resource's create-only fields to the shared ones.
func (m trackingResourceModel) createRequest() trackingmore.CreateTrackingRequest {
	req := m.Model.CreateRequest()
	req.OrderCreateTime = orderCreateTimeAPI(m.OrderCreateTime)
	req.TrackingShipDate = m.TrackingShipDate.ValueString()
	req.TrackingPostalCode = m.TrackingPostalCode.ValueString()
	req.TrackingAccountNumber = m.TrackingAccountNumber.ValueString()
	req.SpecialNumberDestination = m.SpecialNumberDestination.ValueString()
	req.Lang = m.Lang.ValueString()
	req.Comment = m.Comment.ValueString()
	return req
}
