package tracking

import (
	"reflect"
	"strconv"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// Model is one tracking as both resources manage it: trackingmore_tracking
// embeds it, and each item of trackingmore_trackings is one. Its
// conversions below are the only place that maps it to and from the
// client's types.
type Model struct {
	TrackingNumber types.String `tfsdk:"tracking_number"`
	CarrierCode    types.String `tfsdk:"carrier_code"`
	Stored
	ManualStatus types.String `tfsdk:"manual_status"`
	Results
}

// Manual statuses as Terraform spells them, and the PUT status each one sends.
var manualStatusCodes = map[string]trackingmore.ManualStatus{
	"delivered": trackingmore.ManualStatusDelivered,
	"exception": trackingmore.ManualStatusException,
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
		Note:             m.Note.ValueString(),
		OrderNumber:      m.OrderNumber.ValueString(),
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
	req.Note = text(m.Note, prior.Note)
	req.OrderNumber = text(m.OrderNumber, prior.OrderNumber)
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
		if !same(mine[i].value, theirs[i].value) {
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

// namedArgument is one argument of a Model.
type namedArgument struct {
	name      string
	value     attr.Value
	clearable bool // a Stored text or list, which removing it clears
}

// modelFields are Model's fields in order, and which group holds each.
var modelFields = sync.OnceValues(func() ([]reflect.StructField, [2]int) {
	t := reflect.TypeFor[Model]()
	stored, _ := t.FieldByName("Stored")
	results, _ := t.FieldByName("Results")
	return reflect.VisibleFields(t), [2]int{stored.Index[0], results.Index[0]}
})

// arguments are m's arguments, every field but its Results, with their
// attribute names, in the order of the struct.
func (m Model) arguments() []namedArgument {
	fields, groups := modelFields()
	v := reflect.ValueOf(m)
	var out []namedArgument
	for _, f := range fields {
		if f.Anonymous || f.Index[0] == groups[1] {
			continue
		}
		value, _ := v.FieldByIndex(f.Index).Interface().(attr.Value)
		out = append(out, namedArgument{name: f.Tag.Get("tfsdk"), value: value,
			clearable: f.Index[0] == groups[0] && f.Type != reflect.TypeFor[types.Bool]()})
	}
	return out
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

// WithResults returns m with the read-only values of results.
func (m Model) WithResults(results Model) Model {
	m.Results = results.Results
	return m
}

// WithUnknownResults returns m with every read-only value unknown, as a
// plan of a new item has them.
func (m Model) WithUnknownResults() Model {
	for _, v := range m.values() {
		*v = types.StringUnknown()
	}
	return m
}

// FillUnknownResults returns m with each read-only value it leaves unknown
// taken from results (what the API answered, or the prior values). What m
// knows stays: an echo that shows a newer status must not contradict the plan.
func (m Model) FillUnknownResults(results Model) Model {
	m.Results = m.Results.FillUnknown(results.Results)
	return m
}

// ReadArguments sets the arguments from what the API stores, so edits made
// outside Terraform show up as diffs; t is an answer of API version, and
// what that version cannot show keeps its value.
func (m *Model) ReadArguments(t *trackingmore.Tracking, version string) {
	before := *m
	m.TrackingNumber = types.StringValue(t.TrackingNumber)
	m.CarrierCode = types.StringValue(t.CarrierCode)
	m.Stored = storedOf(t)
	m.keepUnseen(version, before)
	// The API shows a manual status only through status; if it no longer
	// matches, someone restored the carrier's status outside Terraform.
	if !m.ManualStatus.IsNull() && m.ManualStatus.ValueString() != string(t.Status) {
		m.ManualStatus = types.StringNull()
	}
}

// ReadResults sets the read-only values from a full tracking object (GET or list).
func (m *Model) ReadResults(t *trackingmore.Tracking) { m.Results = resultsOf(t) }

// ReadEcho fills the read-only values from a create or PUT echo, which
// carries only some of them: a value the echo lacks leaves the prior one
// alone, unless the plan left it unknown.
func (m *Model) ReadEcho(t *trackingmore.Tracking) {
	echo := resultsOf(t)
	answered := echo.values()
	for i, v := range m.values() {
		if echoed(*answered[i]) || v.IsUnknown() {
			*v = *answered[i]
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

// Resource is a tracking as trackingmore_tracking shows it: the shared
// Model and the Extras only it shows.
type Resource struct {
	Model
	Extras
}

// Read sets everything a full tracking object (GET or list) of API version says.
func (r *Resource) Read(t *trackingmore.Tracking, version string) {
	r.ReadArguments(t, version)
	r.ReadResults(t)
	r.Extras = ExtrasOf(t)
}

// TakeResults sets r's read-only values to plan's, unknowns included.
func (r *Resource) TakeResults(plan Resource) {
	r.Results, r.Extras = plan.Results, plan.Extras
}

// FillUnknownFromEcho sets each unknown read-only value that echo, a
// create or PUT answer, carries.
func (r *Resource) FillUnknownFromEcho(echo *trackingmore.Tracking) {
	fillUnknown(&r.Results, resultsOf(echo), echoed)
	fillUnknown(&r.Extras, ExtrasOf(echo), echoed)
}

// FillUnknown sets each unknown read-only value from t, a full tracking
// object (GET or list); with t empty, what no answer supplied becomes
// null (zero, for the day counts).
func (r *Resource) FillUnknown(t *trackingmore.Tracking) {
	r.Results = r.Results.FillUnknown(resultsOf(t))
	r.Extras = r.Extras.FillUnknown(ExtrasOf(t))
}

// HasUnknown reports whether a read-only value of r is still unknown.
func (r Resource) HasUnknown() bool { return hasUnknown(r.Results) || hasUnknown(r.Extras) }

// PlannedResults is r, planned as an update of the tracking was
// describes: Model.PlannedResults, then the extras. A new carrier
// re-tracks the parcel: everything it reports may move, and a new
// destination moves all but the origin. Any PUT or carrier change moves
// updated_at.
func (r Resource) PlannedResults(was Resource) Resource {
	newCarrier := !r.CarrierCode.Equal(was.CarrierCode)
	newDestination := !r.DestinationCode.Equal(was.DestinationCode)
	r.Model = r.Model.PlannedResults(was.Model)
	if !newCarrier {
		r.OriginalCountry = was.OriginalCountry
	}
	if !newCarrier && !newDestination {
		r.DestinationCountry = was.DestinationCountry
		r.ItemTimeLengthDays, r.StayTimeLengthDays = was.ItemTimeLengthDays, was.StayTimeLengthDays
	}
	if _, put := r.UpdateRequest(was.Model); !put && !newCarrier {
		r.UpdatedAt = was.UpdatedAt
	}
	return r
}
