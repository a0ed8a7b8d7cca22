// Package trackingitem is what trackingmore_tracking and each item of
// trackingmore_trackings have in common: the model of one tracking's
// updatable arguments and read-only values, its schema attributes, and the
// only conversions between it and the client's types.
package trackingitem

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

// Model is one tracking's updatable arguments and the read-only values both
// resources expose. The conversions below are the only place that maps them
// to and from the client's types.
type Model struct {
	TrackingNumber   types.String `tfsdk:"tracking_number"`
	CarrierCode      types.String `tfsdk:"carrier_code"`
	Title            types.String `tfsdk:"title"`
	LogisticsChannel types.String `tfsdk:"logistics_channel"`
	CustomerName     types.String `tfsdk:"customer_name"`
	CustomerEmails   types.List   `tfsdk:"customer_emails"`
	CustomerPhone    types.String `tfsdk:"customer_phone"`
	OrderID          types.String `tfsdk:"order_id"`
	DestinationCode  types.String `tfsdk:"destination_code"`
	Archived         types.Bool   `tfsdk:"archived"`
	ManualStatus     types.String `tfsdk:"manual_status"`

	ID             types.String `tfsdk:"id"`
	Status         types.String `tfsdk:"status"`
	Substatus      types.String `tfsdk:"substatus"`
	LastEvent      types.String `tfsdk:"last_event"`
	LastUpdateTime types.String `tfsdk:"last_update_time"`
	CreatedAt      types.String `tfsdk:"created_at"`
}

// Manual statuses as Terraform spells them, and the PUT status each one sends.
var manualStatusCodes = map[string]trackingmore.ManualStatus{
	"delivered": trackingmore.ManualStatusDelivered,
	"exception": trackingmore.ManualStatusException,
}

// Attributes is the schema of Model, without plan modifiers: the single
// resource adds its own (replacement makes sense for a resource, not for one
// element of the bulk resource's map). internal/bulk applies these
// attributes' validators and defaults itself, and refuses any kind it does
// not apply (bulk.checkItemAttributes).
func Attributes() map[string]schema.Attribute {
	optionalText := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc,
			Optional:            true,
			Validators:          []validator.String{validators.Text()},
		}
	}
	readOnly := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	return map[string]schema.Attribute{
		"tracking_number": schema.StringAttribute{
			MarkdownDescription: "The carrier's tracking number (API field `tracking_number`): at least 5 letters, digits, `-` or `_`. Changing it deletes the tracking and creates a new one.",
			Required:            true,
			Validators:          []validator.String{validators.TrackingNumber()},
		},
		"carrier_code": schema.StringAttribute{
			MarkdownDescription: "TrackingMore carrier code such as `ups`, `usps` or `china-post` (API field `carrier_code`; the `trackingmore_carriers` and `trackingmore_carrier_detection` data sources list them). Changing it re-assigns the tracking in place with `POST /trackings/update`, keeping its history and quota.",
			Required:            true,
			Validators:          []validator.String{validators.CarrierCode()},
		},
		"title":             optionalText("Product title (API field `title`)."),
		"logistics_channel": optionalText("Logistics channel (API field `logistics_channel`)."),
		"customer_name":     optionalText("Customer name (API field `customer_name`)."),
		"customer_emails": schema.ListAttribute{
			MarkdownDescription: "The customer's email addresses, one address each, such as `[\"jane@example.com\"]` (API field `customer_email`, " +
				"sent as a string for one address and as an array for several). At least one, each once; remove the argument to clear them.",
			ElementType: types.StringType,
			Optional:    true,
			Validators: []validator.List{
				listvalidator.SizeAtLeast(1),
				listvalidator.UniqueValues(),
				listvalidator.ValueStringsAre(validators.Email()),
			},
		},
		"customer_phone": optionalText("Customer phone number, ideally in international format such as `+14155550100` (API field `customer_phone`)."),
		"order_id":       optionalText("Your order id (API field `order_id`)."),
		"destination_code": schema.StringAttribute{
			MarkdownDescription: "Destination country as a 2-letter ISO 3166-1 code such as `US` (API field `destination_code`).",
			Optional:            true,
			Validators:          []validator.String{validators.CountryCode()},
		},
		"archived": schema.BoolAttribute{
			MarkdownDescription: "Whether the tracking is archived (API field `archived`, sent as `\"true\"`/`\"false\"`). Defaults to `false`.",
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(false),
		},
		"manual_status": schema.StringAttribute{
			MarkdownDescription: "Overrides the carrier's status by hand: `delivered` (PUT status 4) or `exception` (status 7). Removing the argument sends status 8, which returns the tracking to the carrier's own status.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.OneOf("delivered", "exception")},
		},
		"id":               readOnly("The API's 32-character id of the tracking."),
		"status":           readOnly("Current status: `pending`, `notfound`, `transit`, `pickup`, `delivered`, `undelivered`, `exception` or `expired`. Refreshed on every plan; changes never cause a diff."),
		"substatus":        readOnly("Current substatus code such as `transit001` or `delivered001`, when the API has one."),
		"last_event":       readOnly("The latest checkpoint as the API summarises it (`lastEvent`: description, details and date)."),
		"last_update_time": readOnly("When the carrier last reported an event (`lastUpdateTime`, carrier local time)."),
		"created_at":       readOnly("When the tracking was created (ISO 8601 with offset)."),
	}
}

// CreateRequest is the POST /trackings/post body for the shared arguments;
// the single resource adds its create-only fields.
func (m Model) CreateRequest() trackingmore.CreateTrackingRequest {
	return trackingmore.CreateTrackingRequest{
		TrackingNumber:   m.TrackingNumber.ValueString(),
		CarrierCode:      m.CarrierCode.ValueString(),
		DestinationCode:  m.DestinationCode.ValueString(),
		Title:            m.Title.ValueString(),
		LogisticsChannel: m.LogisticsChannel.ValueString(),
		CustomerName:     m.CustomerName.ValueString(),
		CustomerEmail:    EmailList(m.CustomerEmails),
		CustomerPhone:    m.CustomerPhone.ValueString(),
		OrderID:          m.OrderID.ValueString(),
	}
}

// Ref names the tracking on the API.
func (m Model) Ref() trackingmore.TrackingRef {
	return trackingmore.TrackingRef{TrackingNumber: m.TrackingNumber.ValueString(), CarrierCode: m.CarrierCode.ValueString()}
}

// ImportID is the tracking's key as import ids, identities and messages
// write it: carrier_code/tracking_number.
func (m Model) ImportID() string {
	return ImportID(m.CarrierCode.ValueString(), m.TrackingNumber.ValueString())
}

// UpdateRequest is the PUT that turns prior into m: only the fields that
// differ, a removed text field sent as "" to clear it, a removed manual
// status as 8. changed is false when no PUT is needed.
func (m Model) UpdateRequest(prior Model) (req trackingmore.UpdateTrackingRequest, changed bool) {
	text := func(plan, state types.String) *string {
		if plan.Equal(state) {
			return nil
		}
		changed = true
		v := plan.ValueString()
		return &v
	}
	req.Title = text(m.Title, prior.Title)
	req.LogisticsChannel = text(m.LogisticsChannel, prior.LogisticsChannel)
	req.CustomerName = text(m.CustomerName, prior.CustomerName)
	if !same(m.CustomerEmails, prior.CustomerEmails) {
		emails := EmailList(m.CustomerEmails)
		req.CustomerEmail = &emails
		changed = true
	}
	req.CustomerPhone = text(m.CustomerPhone, prior.CustomerPhone)
	req.OrderID = text(m.OrderID, prior.OrderID)
	req.DestinationCode = text(m.DestinationCode, prior.DestinationCode)
	if m.Archived.ValueBool() != prior.Archived.ValueBool() {
		archived := trackingmore.StringBool(m.Archived.ValueBool())
		req.Archived = &archived
		changed = true
	}
	if !m.ManualStatus.Equal(prior.ManualStatus) {
		status := trackingmore.ManualStatusCarrier
		if code, ok := manualStatusCodes[m.ManualStatus.ValueString()]; ok {
			status = code
		}
		req.Status = &status
		changed = true
	}
	return req, changed
}

// SameArguments reports whether m and other configure the same tracking the same way.
func (m Model) SameArguments(other Model) bool {
	mine, theirs := m.arguments(), other.arguments()
	for i := range mine {
		if !same(mine[i], theirs[i]) {
			return false
		}
	}
	return true
}

// same is Equal, but a zero value (a Model field never set, such as
// customer_emails of a Model built from an import ID) equals a typed null.
func same(a, b attr.Value) bool {
	return (a.IsNull() && b.IsNull()) || a.Equal(b)
}

func (m Model) arguments() []attr.Value {
	return []attr.Value{m.TrackingNumber, m.CarrierCode, m.Title, m.LogisticsChannel, m.CustomerName, m.CustomerEmails,
		m.CustomerPhone, m.OrderID, m.DestinationCode, m.Archived, m.ManualStatus}
}

// PlannedResults is m, planned as an update of the tracking was describes,
// with was's read-only values where the change cannot move them: the one
// plan rule of both resources (the framework and the bulk server leave
// them unknown). id and created_at never move. A new carrier or destination
// re-tracks the parcel, so its progress (status, substatus, last event and
// update time) may move; otherwise only a manual status moves it. Setting
// a manual status plans status as that status, whatever else changes;
// removing one leaves the carrier's status to the apply.
func (m Model) PlannedResults(was Model) Model {
	if m.SameArguments(was) {
		return m.WithResults(was)
	}
	m.ID, m.CreatedAt = was.ID, was.CreatedAt
	if m.CarrierCode.Equal(was.CarrierCode) && m.DestinationCode.Equal(was.DestinationCode) {
		m.LastEvent, m.LastUpdateTime = was.LastEvent, was.LastUpdateTime
		if m.ManualStatus.Equal(was.ManualStatus) {
			m.Status, m.Substatus = was.Status, was.Substatus
		}
	}
	if !m.ManualStatus.IsNull() && !m.ManualStatus.IsUnknown() {
		m.Status = m.ManualStatus
	}
	return m
}

// results are m's read-only values: the one list of them.
func (m *Model) results() []*types.String {
	return []*types.String{&m.ID, &m.Status, &m.Substatus, &m.LastEvent, &m.LastUpdateTime, &m.CreatedAt}
}

// WithResults returns m with the read-only values of results.
func (m Model) WithResults(results Model) Model {
	for i, v := range results.results() {
		*m.results()[i] = *v
	}
	return m
}

// WithUnknownResults returns m with every read-only value unknown, as a
// plan of a new item has them.
func (m Model) WithUnknownResults() Model {
	for _, v := range m.results() {
		*v = types.StringUnknown()
	}
	return m
}

// FillUnknownResults returns m with each read-only value it leaves unknown
// taken from results (what the API answered, or the prior values). What m
// knows stays: an echo that shows a newer status must not contradict the plan.
func (m Model) FillUnknownResults(results Model) Model {
	for i, v := range m.results() {
		if v.IsUnknown() {
			*v = *results.results()[i]
		}
	}
	return m
}

// ReadArguments sets the arguments from what the API stores, so edits made
// outside Terraform show up as diffs. Empty values become null because the
// schema never allows an empty string.
func (m *Model) ReadArguments(t *trackingmore.Tracking) {
	m.TrackingNumber = types.StringValue(t.TrackingNumber)
	m.CarrierCode = types.StringValue(t.CarrierCode)
	m.Title = flex.StringOrNull(string(t.Title))
	m.LogisticsChannel = flex.StringOrNull(string(t.LogisticsChannel))
	m.CustomerName = flex.StringOrNull(string(t.CustomerName))
	m.CustomerEmails = EmailsValue(t.CustomerEmail)
	m.CustomerPhone = flex.StringOrNull(string(t.CustomerPhone))
	m.OrderID = flex.StringOrNull(string(t.OrderID))
	m.DestinationCode = flex.StringOrNull(string(t.DestinationCode))
	m.Archived = types.BoolValue(bool(t.Archived))
	// The API shows a manual status only through status; if it no longer
	// matches, someone restored the carrier's status outside Terraform.
	if !m.ManualStatus.IsNull() && m.ManualStatus.ValueString() != string(t.Status) {
		m.ManualStatus = types.StringNull()
	}
}

// ResultFields pairs each read-only attribute with its value in t.
func (m *Model) ResultFields(t *trackingmore.Tracking) map[*types.String]string {
	return map[*types.String]string{
		&m.ID:             t.ID,
		&m.Status:         StatusName(string(t.Status)),
		&m.Substatus:      string(t.Substatus),
		&m.LastEvent:      string(t.LastEvent),
		&m.LastUpdateTime: string(t.LastUpdateTime),
		&m.CreatedAt:      string(t.CreatedAt),
	}
}

// ReadResults sets the read-only values from a full tracking object (GET or list).
func (m *Model) ReadResults(t *trackingmore.Tracking) {
	for dst, v := range m.ResultFields(t) {
		*dst = flex.StringOrNull(v)
	}
}

// ReadEcho fills the read-only values from a create or PUT echo, which
// carries only some of them: a value the echo lacks leaves the prior one
// alone, unless the plan left it unknown.
func (m *Model) ReadEcho(t *trackingmore.Tracking) {
	for dst, v := range m.ResultFields(t) {
		if v != "" || dst.IsUnknown() {
			*dst = flex.StringOrNull(v)
		}
	}
}

// StatusName undoes the PUT echo's habit of returning the manual status as the
// number sent: 4 and 7 name their status; 8 (back to the carrier's) says
// nothing about the status the carrier will report, so it reads as unknown.
func StatusName(s string) string {
	for name, code := range manualStatusCodes {
		if s == strconv.Itoa(int(code)) {
			return name
		}
	}
	if s == strconv.Itoa(int(trackingmore.ManualStatusCarrier)) {
		return ""
	}
	return s
}

// EmailList is the addresses of a customer_emails list, as the client sends them.
func EmailList(l types.List) trackingmore.EmailList {
	var out trackingmore.EmailList
	for _, e := range l.Elements() {
		if s, ok := e.(types.String); ok && !s.IsNull() && !s.IsUnknown() {
			out = append(out, s.ValueString())
		}
	}
	return out
}

// EmailsValue is the customer_emails value of the addresses the API
// stores: null for none, since the schema allows no empty list.
func EmailsValue(emails []string) types.List {
	if len(emails) == 0 {
		return types.ListNull(types.StringType)
	}
	elems := make([]attr.Value, len(emails))
	for i, e := range emails {
		elems[i] = types.StringValue(e)
	}
	return types.ListValueMust(types.StringType, elems)
}

// SchemaVersion is the state version of trackingmore_tracking and
// trackingmore_trackings: 1 since customer_email (a string) became
// customer_emails (a list).
const SchemaVersion = 1

// UpgradeStateV0 rewrites a version 0 state's JSON for version 1: in each
// tracking that items finds in the state (the state itself for
// trackingmore_tracking, each item for trackingmore_trackings), the
// customer_email string becomes the customer_emails list. The one state
// upgrade of both resources; the error says the state is not JSON.
func UpgradeStateV0(stateJSON []byte, items func(state map[string]any) []map[string]any) ([]byte, error) {
	var state map[string]any
	if err := json.Unmarshal(stateJSON, &state); err != nil {
		return nil, err
	}
	for _, item := range items(state) {
		upgradeItemV0(item)
	}
	return json.Marshal(state)
}

// upgradeItemV0 rewrites one tracking: customer_email's string (several
// addresses joined with commas, as version 0 read them) becomes
// customer_emails' list.
func upgradeItemV0(item map[string]any) {
	var emails []any
	if s, ok := item["customer_email"].(string); ok {
		for _, e := range strings.Split(s, ",") {
			if e = strings.TrimSpace(e); e != "" {
				emails = append(emails, e)
			}
		}
	}
	delete(item, "customer_email")
	item["customer_emails"] = nil
	if len(emails) > 0 {
		item["customer_emails"] = emails
	}
}
