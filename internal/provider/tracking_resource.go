package provider

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/trackform/terraform-provider-trackingmore/internal/carriercheck"
	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/modifiers"
	"github.com/trackform/terraform-provider-trackingmore/internal/providerconfig"
	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

var (
	_ resource.ResourceWithConfigure    = (*trackingResource)(nil)
	_ resource.ResourceWithImportState  = (*trackingResource)(nil)
	_ resource.ResourceWithIdentity     = (*trackingResource)(nil)
	_ resource.ResourceWithModifyPlan   = (*trackingResource)(nil)
	_ resource.ResourceWithUpgradeState = (*trackingResource)(nil)
)

type trackingResource struct {
	data *providerconfig.Data
}

// NewTrackingResource is the constructor the provider registers.
func NewTrackingResource() resource.Resource {
	return &trackingResource{}
}

// trackingResourceModel is trackingmore_tracking: the tracking as this
// resource shows it, plus the arguments only this resource takes.
type trackingResourceModel struct {
	tracking.Resource

	AutoUpdate               types.Bool   `tfsdk:"auto_update"`
	OrderCreateTime          types.String `tfsdk:"order_create_time"`
	TrackingShipDate         types.String `tfsdk:"tracking_ship_date"`
	TrackingPostalCode       types.String `tfsdk:"tracking_postal_code"`
	TrackingAccountNumber    types.String `tfsdk:"tracking_account_number"`
	SpecialNumberDestination types.String `tfsdk:"special_number_destination"`
	Lang                     types.String `tfsdk:"lang"`
	Comment                  types.String `tfsdk:"comment"`
}

// read sets everything a full tracking object (GET or list) of API
// version says.
func (m *trackingResourceModel) read(t *trackingmore.Tracking, version string) {
	m.Read(t, version)
	if v := tracking.TrackUpdateValue(t); !v.IsNull() {
		m.AutoUpdate = v
	}
	// comment is create-only: an empty answer must not plan a replacement,
	// but a stored value fills it after an import and shows drift.
	if m.Comment.IsNull() || string(t.Comment) != "" {
		m.Comment = flex.StringOrNull(string(t.Comment))
	}
}

// newTrackingResourceModel is a tracking as an import reads it: what the
// API says, with auto_update's default where the API does not say.
func newTrackingResourceModel(t *trackingmore.Tracking, version string) trackingResourceModel {
	m := trackingResourceModel{AutoUpdate: types.BoolValue(true)}
	m.read(t, version)
	return m
}

// createRequest adds the single resource's create-only fields to the shared ones.
func (m trackingResourceModel) createRequest() trackingmore.CreateTrackingRequest {
	req := m.CreateRequest()
	req.OrderCreateTime = tracking.OrderCreateTimeAPI(m.OrderCreateTime)
	req.TrackingShipDate = m.TrackingShipDate.ValueString()
	req.TrackingPostalCode = m.TrackingPostalCode.ValueString()
	req.TrackingAccountNumber = m.TrackingAccountNumber.ValueString()
	req.SpecialNumberDestination = m.SpecialNumberDestination.ValueString()
	req.Lang = m.Lang.ValueString()
	req.Comment = m.Comment.ValueString()
	return req
}

func (r *trackingResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tracking"
	// A carrier change moves the tracking to another key in place.
	resp.ResourceBehavior.MutableIdentity = true
}

func (r *trackingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := tracking.Attributes()
	withStringModifiers(attrs, "tracking_number", stringplanmodifier.RequiresReplace())

	attrs["auto_update"] = schema.BoolAttribute{
		MarkdownDescription: "Whether TrackingMore keeps refreshing the tracking. Setting it to `false` calls `POST /trackings/notupdate`. " +
			"The API cannot resume updates, so setting it back to `true` replaces the tracking (costing one unit of quota). Defaults to `true`. " +
			"Setting it to `false` needs TrackingMore API v2: v4 has no such endpoint, and with `api_version = \"v4\"` the plan fails naming it.",
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
	attrs["order_create_time"] = createOnly("When the order was placed, as an RFC 3339 timestamp (API field `order_create_time`). TrackingMore API v2 only: with `api_version = \"v4\"` the plan fails naming it.", validators.RFC3339())
	attrs["tracking_ship_date"] = createOnly("Ship date as `YYYYMMDD`, required by some carriers (API field `tracking_ship_date`).", validators.ShipDate())
	attrs["tracking_postal_code"] = createOnly("Destination postal code, required by some carriers (API field `tracking_postal_code`).", validators.PostalCode())
	attrs["tracking_account_number"] = createOnly("Account number, required by some carriers (API field `tracking_account_number`).", validators.AccountNumber())
	attrs["special_number_destination"] = createOnly("Destination country (2-letter code) for carriers whose numbers need it (API field `specialNumberDestination`).", validators.CountryCode())
	attrs["lang"] = createOnly("Language of the checkpoint texts, such as `en` or `cn` (API field `lang`).", validators.LangCode())
	attrs["comment"] = schema.StringAttribute{
		MarkdownDescription: "A note stored with the tracking (API field `comment`). The API sets it only on create, so changing it replaces the tracking. TrackingMore API v2 only: with `api_version = \"v4\"` the plan fails naming it. (v4's `note` is another field.)",
		Optional:            true,
		Validators:          []validator.String{validators.Text()},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}

	maps.Copy(attrs, tracking.ExtrasAttributes())

	resp.Schema = schema.Schema{
		Version: tracking.SchemaVersion,
		MarkdownDescription: "One parcel tracking in TrackingMore. With `api_version = \"v2\"` (the default), create, read, update and delete map to `POST /trackings/post`, " +
			"`GET`, `PUT` and `DELETE /trackings/{carrier_code}/{tracking_number}`; a carrier change is made in place with `POST /trackings/update`. " +
			"With `\"v4\"` they map to `POST /trackings/create` (which answers the whole tracking), `GET /trackings/get` by `tracking_numbers`, " +
			"`PUT /trackings/update/{id}` (a carrier change too, with `courier_code_new`) and `DELETE /trackings/delete/{id}`. " +
			"Checkpoints are in the `trackingmore_tracking` data source.\n\n" +
			"At TrackingMore's 1 request a second (v2), calls of several of these resources that wait for the provider's request budget " +
			"travel together: creates through `POST /trackings/batch`, updates through `POST /trackings/updatemore`, deletes through " +
			"`POST /trackings/delete`, and refreshes through `GET /trackings/get` (the first lists up to 2,000 trackings of the account at once, " +
			"so a plan of up to 2,000 of these resources costs one or two calls). Terraform's `-parallelism` (default 10) bounds how many travel " +
			"together: an apply that creates N of them costs about 2·N/10 calls at the default, 2·N/40 with `-parallelism=40` " +
			"(measured for 1,000: 202 calls and 3 min 52 s at the default, 63 calls and 1 min 19 s at 40; a plan of them, 1 or 2 calls). " +
			"Each resource still gets its own result and its own error. For thousands of parcels in one resource, `trackingmore_trackings` uses the batch endpoints directly.\n\n" +
			"With `api_version = \"v4\"` creates and refreshes travel together the same way: creates through `POST /trackings/batch`, each batch read back " +
			"with one `GET /trackings/get`, refreshes through `GET /trackings/get`. v4 has no batch update or delete, so updates and deletes are one call each, " +
			"within v4's 10 requests a second. What one version lacks fails the plan naming `api_version` (see the guide \"v2 or v4\").\n\n" +
			"Plans show what an update really moves: a title change plans the title and `updated_at` only, a `manual_status` plans `status` as that status, " +
			"and a new carrier or destination leaves the parcel's progress unknown. `carrier_code` is checked at plan time against TrackingMore's carrier list " +
			"(`GET /carriers`, v4 `GET /couriers/all`, which costs no quota, fetched once per run), with a suggestion for a mistyped code; if the list cannot be fetched the plan warns and goes on.",
		Attributes: attrs,
	}
}

func (r *trackingResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Version: trackingIdentitySchemaVersion,
		Attributes: map[string]identityschema.Attribute{
			"carrier_code": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "Carrier code, such as ups. It changes when the carrier is changed in place.",
			},
			"tracking_number": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "Tracking number.",
			},
		},
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

// UpgradeState moves state of version 0 (customer_email, a string) to
// version 1 (customer_emails, a list), on the state's JSON, so that no copy
// of the old schema is kept.
func (r *trackingResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	return map[int64]resource.StateUpgrader{0: {StateUpgrader: func(_ context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
		upgraded, err := tracking.UpgradeStateV0(req.RawState.JSON, func(state map[string]any) []map[string]any {
			return []map[string]any{state}
		})
		if err != nil {
			resp.Diagnostics.AddError("Unable to upgrade state", "The version 0 state of trackingmore_tracking is not JSON: "+err.Error())
			return
		}
		resp.DynamicValue = &tfprotov6.DynamicValue{JSON: upgraded}
	}}}
}

func (r *trackingResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

func (r *trackingResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan trackingResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}

	created, err := r.data.Client.CreateTracking(ctx, plan.createRequest())
	if err != nil {
		detail := explain.CarrierError(r.data.Carriers.ForError(ctx, err), plan.ImportID(), path.Root("carrier_code"), plan.CarrierCode.ValueString(), err)
		if trackingmore.IsAlreadyExists(err) {
			detail += " It is not managed by this configuration; import it with:\n  terraform import trackingmore_tracking.NAME " + plan.ImportID()
		}
		resp.Diagnostics.AddError("Unable to create tracking", detail)
		return
	}

	// What the API holds right after a create; update() then applies the rest.
	state := plan
	state.Archived, state.ManualStatus, state.AutoUpdate = types.BoolValue(false), types.StringNull(), types.BoolValue(true)
	// The tracking exists from here on: whatever fails next, state must hold it.
	var echo *trackingmore.Tracking
	// v4's create answers the whole tracking; v2's an echo of some fields.
	var whole *trackingmore.Tracking
	if r.data.Client.APIVersion() == trackingmore.APIVersionV4 {
		whole = created
	}
	defer func() {
		r.resolveResults(ctx, &state, whole, echo, created)
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		setTrackingIdentity(ctx, resp.Identity, state.Model, &resp.Diagnostics)
	}()
	// Archived, a manual status and auto_update cannot be sent on create.
	echo = r.update(ctx, &state, plan, &resp.Diagnostics)
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
	t, err := r.data.Client.GetTracking(ctx, state.CarrierCode.ValueString(), state.TrackingNumber.ValueString(), "")
	if trackingmore.IsNotFound(err) {
		resp.Diagnostics.AddWarning("Tracking no longer exists",
			fmt.Sprintf("TrackingMore has no tracking %s any more (deleted outside Terraform?). "+
				"It was removed from the state; the next apply creates it again.", state.ImportID()))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		explain.AddAPIError(&resp.Diagnostics, "Unable to read tracking", state.ImportID(), err)
		return
	}

	state.read(t, r.data.Client.APIVersion())
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *trackingResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state trackingResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.data.Client.KnowID(state.Ref(), state.ID.ValueString()) // v4 writes by id: no lookup
	// Whatever step fails, state records the steps that succeeded.
	var echo *trackingmore.Tracking
	defer func() {
		r.resolveResults(ctx, &state, nil, echo)
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		setTrackingIdentity(ctx, resp.Identity, state.Model, &resp.Diagnostics)
	}()

	if !plan.CarrierCode.Equal(state.CarrierCode) {
		err := r.data.Client.ChangeCarrier(ctx, state.CarrierCode.ValueString(), state.TrackingNumber.ValueString(), plan.CarrierCode.ValueString())
		if err != nil {
			resp.Diagnostics.AddError("Unable to change carrier",
				explain.CarrierError(r.data.Carriers.ForError(ctx, err), state.ImportID(), path.Root("carrier_code"), plan.CarrierCode.ValueString(), err))
			return
		}
		state.CarrierCode = plan.CarrierCode
	}
	// Create-only values change here only when they were unknown after an import.
	state.OrderCreateTime, state.TrackingShipDate, state.TrackingPostalCode = plan.OrderCreateTime, plan.TrackingShipDate, plan.TrackingPostalCode
	state.TrackingAccountNumber, state.SpecialNumberDestination, state.Lang = plan.TrackingAccountNumber, plan.SpecialNumberDestination, plan.Lang
	echo = r.update(ctx, &state, plan, &resp.Diagnostics)
}

// update moves state towards plan with the fewest calls: one PUT for every
// changed field, then notupdate if auto_update was switched off. state
// reflects each step that succeeded; once all have, it holds the plan's
// read-only values, those the plan left unknown still unknown (see
// resolveResults). It returns the PUT's echo, nil without a PUT.
func (r *trackingResource) update(ctx context.Context, state *trackingResourceModel, plan trackingResourceModel, diags *diag.Diagnostics) *trackingmore.Tracking {
	var echo *trackingmore.Tracking
	if put, changed := plan.UpdateRequest(state.Model); changed {
		var err error
		echo, err = r.data.Client.UpdateTracking(ctx, plan.CarrierCode.ValueString(), plan.TrackingNumber.ValueString(), put)
		if err != nil {
			explain.AddAPIError(diags, "Unable to update tracking", plan.ImportID(), err)
			return nil
		}
		state.Model = plan.WithResults(state.Model)
	}
	if state.AutoUpdate.ValueBool() && !plan.AutoUpdate.ValueBool() {
		if _, err := r.data.Client.StopUpdating(ctx, []trackingmore.TrackingRef{plan.Ref()}); err != nil {
			explain.AddAPIError(diags, "Unable to stop updates of tracking", plan.ImportID(), err)
			return echo
		}
	}
	state.AutoUpdate = plan.AutoUpdate
	state.TakeResults(plan.Resource)
	return echo
}

// resolveResults fills the read-only values an apply left unknown, since
// state after apply may hold none: from the answers the apply got (echoes,
// newest first, then whole, a whole tracking object, if the apply got one)
// when they carry them all, else from a GET, so that the next refresh finds
// nothing changed (an echo lacks the countries, the substatus, the day
// counts...). Known values stay as planned. Without a GET (it failed),
// what is still unknown becomes null; the next refresh fills it.
func (r *trackingResource) resolveResults(ctx context.Context, m *trackingResourceModel, whole *trackingmore.Tracking, echoes ...*trackingmore.Tracking) {
	filled := m.Resource
	for _, echo := range echoes {
		if echo != nil {
			filled.FillUnknownFromEcho(echo)
		}
	}
	if whole != nil {
		filled.FillUnknown(whole)
	}
	if filled.HasUnknown() {
		if t, err := r.data.Client.GetTracking(ctx, m.CarrierCode.ValueString(), m.TrackingNumber.ValueString(), ""); err == nil {
			filled = m.Resource
			filled.FillUnknown(t)
		}
	}
	filled.FillUnknown(&trackingmore.Tracking{})
	m.Resource = filled
}

// ModifyPlan keeps plans quiet and checks carrier codes, in one pass
// rather than one plan modifier per read-only attribute (the framework
// walks the schema for each of those; see tracking.Resource.PlannedResults). A plan that changes
// nothing returns at once.
func (r *trackingResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan, prior trackingResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if req.State.Raw.IsNull() {
		r.checkVersion(plan, nil, &resp.Diagnostics)
		if !resp.Diagnostics.HasError() && !plan.CarrierCode.IsUnknown() {
			carriercheck.Validate(ctx, r.carriers(), path.Root("carrier_code"), plan.CarrierCode.ValueString(), &resp.Diagnostics)
		}
		return
	}
	if req.Plan.Raw.Equal(req.State.Raw) {
		return
	}
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.checkVersion(plan, &prior, &resp.Diagnostics)
	if !plan.CarrierCode.IsUnknown() && !plan.CarrierCode.Equal(prior.CarrierCode) {
		carriercheck.Validate(ctx, r.carriers(), path.Root("carrier_code"), plan.CarrierCode.ValueString(), &resp.Diagnostics)
	}
	plan.Resource = plan.PlannedResults(prior.Resource)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// checkVersion adds an error for each argument the provider's API version
// cannot honour in the plan of a change from prior (nil: a create): the
// shared ones (tracking.Model.VersionProblems), then this resource's own,
// which v4 lacks: comment and order_create_time (sent on create only), and
// stopping updates (POST /trackings/notupdate).
func (r *trackingResource) checkVersion(plan trackingResourceModel, prior *trackingResourceModel, diags *diag.Diagnostics) {
	if r.data == nil {
		return // not configured yet: the apply's plan checks
	}
	version := r.data.Client.APIVersion()
	var was *tracking.Model
	if prior != nil {
		was = &prior.Model
	}
	problems := plan.VersionProblems(version, was)
	if version == trackingmore.APIVersionV4 {
		for name, v := range map[string]types.String{"comment": plan.Comment, "order_create_time": plan.OrderCreateTime} {
			if prior == nil && !v.IsNull() && !v.IsUnknown() {
				problems = append(problems, tracking.VersionProblem{Attribute: name,
					Detail: tracking.OtherVersion(name, version, trackingmore.APIVersionV2, "v4 has no "+name+" field")})
			}
		}
		stops := !plan.AutoUpdate.IsUnknown() && !plan.AutoUpdate.ValueBool()
		if stops && (prior == nil || prior.AutoUpdate.ValueBool()) {
			problems = append(problems, tracking.VersionProblem{Attribute: "auto_update", Detail: tracking.OtherVersion("auto_update = false", version,
				trackingmore.APIVersionV2, "v4 has no endpoint that stops a tracking's updates (v2: POST /trackings/notupdate)")})
		}
	}
	for _, p := range problems {
		diags.AddAttributeError(path.Root(p.Attribute), "Not available with TrackingMore API "+version, p.Detail)
	}
}

// carriers is the configuration's carrier catalogue; nil before the
// provider is configured (the check then waits for the apply's plan).
func (r *trackingResource) carriers() *carriercheck.Source {
	if r.data == nil {
		return nil
	}
	return r.data.Carriers
}

func (r *trackingResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state trackingResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.data.Client.KnowID(state.Ref(), state.ID.ValueString()) // v4 deletes by id: no lookup
	err := r.data.Client.DeleteTracking(ctx, state.CarrierCode.ValueString(), state.TrackingNumber.ValueString())
	if err != nil && !trackingmore.IsNotFound(err) {
		explain.AddAPIError(&resp.Diagnostics, "Unable to delete tracking", state.ImportID(), err)
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
	setTrackingIdentity(ctx, resp.Identity, tracking.Model{CarrierCode: types.StringValue(carrier), TrackingNumber: types.StringValue(number)}, &resp.Diagnostics)
}
