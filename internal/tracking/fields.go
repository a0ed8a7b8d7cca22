package tracking

import (
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// The values the API reports about a tracking, in groups that the models
// of this package and of its users embed, so that each value is mapped
// from the client's Tracking once: in storedOf, resultsOf, ExtrasOf or
// NewFields. Empty API values become null: no schema allows an empty string.

// Stored is what a user may set on a tracking that the API stores and
// reads back: arguments of both resources, results of the data sources.
type Stored struct {
	Title            types.String `tfsdk:"title"`
	LogisticsChannel types.String `tfsdk:"logistics_channel"`
	CustomerName     types.String `tfsdk:"customer_name"`
	CustomerEmails   types.List   `tfsdk:"customer_emails"`
	CustomerPhone    types.String `tfsdk:"customer_phone"`
	OrderID          types.String `tfsdk:"order_id"`
	DestinationCode  types.String `tfsdk:"destination_code"`
	Note             types.String `tfsdk:"note"`         // v4 only
	OrderNumber      types.String `tfsdk:"order_number"` // v4 only
	Archived         types.Bool   `tfsdk:"archived"`
}

func storedOf(t *trackingmore.Tracking) Stored {
	s := Stored{
		Title:            flex.StringOrNull(string(t.Title)),
		LogisticsChannel: flex.StringOrNull(string(t.LogisticsChannel)),
		CustomerName:     flex.StringOrNull(string(t.CustomerName)),
		CustomerEmails:   EmailsValue(t.CustomerEmail),
		CustomerPhone:    flex.StringOrNull(string(t.CustomerPhone)),
		OrderID:          flex.StringOrNull(string(t.OrderID)),
		DestinationCode:  flex.StringOrNull(string(t.DestinationCode)),
		Note:             flex.StringOrNull(string(t.Note)),
		OrderNumber:      flex.StringOrNull(string(t.OrderNumber)),
		Archived:         types.BoolValue(bool(t.Archived)),
	}
	if s.DestinationCode.IsNull() { // a create echo names it destination
		s.DestinationCode = flex.StringOrNull(string(t.Destination))
	}
	return s
}

// Results are the read-only values every model of a tracking shows, each
// resource item included. A change of arguments may move them; which ones
// is Model.PlannedResults' rule. All are strings (values unknown in a plan
// are set through values).
type Results struct {
	ID             types.String `tfsdk:"id"`
	Status         types.String `tfsdk:"status"`
	Substatus      types.String `tfsdk:"substatus"`
	LastEvent      types.String `tfsdk:"last_event"`
	LastUpdateTime types.String `tfsdk:"last_update_time"`
	CreatedAt      types.String `tfsdk:"created_at"`
}

func resultsOf(t *trackingmore.Tracking) Results {
	return Results{
		ID:             flex.StringOrNull(t.ID),
		Status:         flex.StringOrNull(StatusName(string(t.Status))),
		Substatus:      flex.StringOrNull(string(t.Substatus)),
		LastEvent:      flex.StringOrNull(string(t.LastEvent)),
		LastUpdateTime: flex.StringOrNull(string(t.LastUpdateTime)),
		CreatedAt:      flex.StringOrNull(string(t.CreatedAt)),
	}
}

// values are r's fields, for the rules that treat every result alike.
func (r *Results) values() []*types.String {
	return []*types.String{&r.ID, &r.Status, &r.Substatus, &r.LastEvent, &r.LastUpdateTime, &r.CreatedAt}
}

// FillUnknown returns r with each value it leaves unknown taken from answered.
func (r Results) FillUnknown(answered Results) Results {
	fillUnknown(&r, answered, always)
	return r
}

// Extras are further read-only values that trackingmore_tracking and the
// data sources show, but not the items of trackingmore_trackings (whose
// state stays small for thousands of them). Any change may move them.
type Extras struct {
	UpdatedAt          types.String `tfsdk:"updated_at"`
	OriginalCountry    types.String `tfsdk:"original_country"`
	DestinationCountry types.String `tfsdk:"destination_country"`
	ItemTimeLengthDays types.Int64  `tfsdk:"item_time_length_days"`
	StayTimeLengthDays types.Int64  `tfsdk:"stay_time_length_days"`
}

// ExtrasOf is the extras a full tracking object (GET or list) reports.
func ExtrasOf(t *trackingmore.Tracking) Extras {
	return Extras{
		UpdatedAt:          flex.StringOrNull(string(t.UpdatedAt)),
		OriginalCountry:    flex.StringOrNull(string(t.OriginalCountry)),
		DestinationCountry: flex.StringOrNull(string(t.DestinationCountry)),
		ItemTimeLengthDays: types.Int64Value(int64(t.ItemTimeLength)),
		StayTimeLengthDays: types.Int64Value(int64(t.StayTimeLength)),
	}
}

// FillUnknown returns e with each value it leaves unknown taken from answered.
func (e Extras) FillUnknown(answered Extras) Extras {
	fillUnknown(&e, answered, always)
	return e
}

// fillUnknown sets each unknown field of *dst, a struct of framework
// values, to the same field of src when take accepts that value.
func fillUnknown[T any](dst *T, src T, take func(attr.Value) bool) {
	d, s := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src)
	for i := range d.NumField() {
		if v, _ := d.Field(i).Interface().(attr.Value); v.IsUnknown() {
			if answer, _ := s.Field(i).Interface().(attr.Value); take(answer) {
				d.Field(i).Set(s.Field(i))
			}
		}
	}
}

// hasUnknown reports whether a field of s, a struct of framework values, is unknown.
func hasUnknown(s any) bool {
	v := reflect.ValueOf(s)
	for i := range v.NumField() {
		if f, _ := v.Field(i).Interface().(attr.Value); f.IsUnknown() {
			return true
		}
	}
	return false
}

func always(attr.Value) bool { return true }

// echoed reports whether an echo (a create or PUT answer) carries v: it
// carries some strings, never the day counts, and a string it lacks maps to null.
func echoed(v attr.Value) bool {
	_, isString := v.(types.String)
	return isString && !v.IsNull()
}

// Fields is every value of a tracking but its key and the carriers'
// reports: what each data source that shows trackings shows of one.
type Fields struct {
	Stored
	Results
	Extras
	StatusInfo      types.String `tfsdk:"status_info"`
	TrackUpdate     types.Bool   `tfsdk:"track_update"`
	OrderCreateTime types.String `tfsdk:"order_create_time"`
	Comment         types.String `tfsdk:"comment"`
	ServiceCode     types.String `tfsdk:"service_code"`
}

// NewFields is every value of t but its key and the carriers' reports.
func NewFields(t *trackingmore.Tracking) Fields {
	return Fields{
		Stored:          storedOf(t),
		Results:         resultsOf(t),
		Extras:          ExtrasOf(t),
		StatusInfo:      flex.StringOrNull(string(t.StatusInfo)),
		TrackUpdate:     TrackUpdateValue(t),
		OrderCreateTime: flex.StringOrNull(apiTimeRFC3339(string(t.OrderCreateTime))),
		Comment:         flex.StringOrNull(string(t.Comment)),
		ServiceCode:     flex.StringOrNull(string(t.ServiceCode)),
	}
}

// TrackUpdateValue is whether TrackingMore still refreshes t; null when
// the API does not say.
func TrackUpdateValue(t *trackingmore.Tracking) types.Bool {
	if t.TrackUpdate == nil {
		return types.BoolNull()
	}
	return types.BoolValue(bool(*t.TrackUpdate))
}

// Details is a whole tracking as a data source shows it at its top level:
// its fields plus what each carrier (origin and destination) reports,
// checkpoints included.
type Details struct {
	Fields
	OriginInfo      *CarrierInfo `tfsdk:"origin_info"`
	DestinationInfo *CarrierInfo `tfsdk:"destination_info"`
}

// NewDetails is the whole of t but its key.
func NewDetails(t *trackingmore.Tracking) Details {
	return Details{Fields: NewFields(t), OriginInfo: newCarrierInfo(t.OriginInfo), DestinationInfo: newCarrierInfo(t.DestinationInfo)}
}

// Summary is one item of a list of trackings: key and fields, no checkpoints.
type Summary struct {
	CarrierCode    types.String `tfsdk:"carrier_code"`
	TrackingNumber types.String `tfsdk:"tracking_number"`
	Fields
}

// NewSummary is t as an item of a list.
func NewSummary(t *trackingmore.Tracking) Summary {
	return Summary{CarrierCode: types.StringValue(t.CarrierCode), TrackingNumber: types.StringValue(t.TrackingNumber), Fields: NewFields(t)}
}

// CarrierInfo is origin_info / destination_info.
type CarrierInfo struct {
	ItemReceived       types.String `tfsdk:"item_received"`
	ItemDispatched     types.String `tfsdk:"item_dispatched"`
	DepartedAirport    types.String `tfsdk:"departed_airport"`
	ArrivedAbroad      types.String `tfsdk:"arrived_abroad"`
	CustomsClearance   types.String `tfsdk:"customs_clearance"`
	DestinationArrived types.String `tfsdk:"destination_arrived"`
	Weblink            types.String `tfsdk:"weblink"`
	Phone              types.String `tfsdk:"phone"`
	CarrierCode        types.String `tfsdk:"carrier_code"`
	ReferenceNumber    types.String `tfsdk:"reference_number"`
	Checkpoints        []Checkpoint `tfsdk:"checkpoints"`
}

// Checkpoint is one scan event (an element of trackinfo).
type Checkpoint struct {
	Date             types.String `tfsdk:"date"`
	Description      types.String `tfsdk:"description"`
	Details          types.String `tfsdk:"details"`
	CheckpointStatus types.String `tfsdk:"checkpoint_status"`
	Substatus        types.String `tfsdk:"substatus"`
}

func newCarrierInfo(ci *trackingmore.CarrierInfo) *CarrierInfo {
	if ci == nil {
		return nil
	}
	checkpoints := make([]Checkpoint, 0, len(ci.TrackInfo))
	for _, c := range ci.TrackInfo {
		checkpoints = append(checkpoints, Checkpoint{
			Date:             flex.StringOrNull(string(c.Date)),
			Description:      flex.StringOrNull(string(c.StatusDescription)),
			Details:          flex.StringOrNull(string(c.Details)),
			CheckpointStatus: flex.StringOrNull(string(c.CheckpointStatus)),
			Substatus:        flex.StringOrNull(string(c.Substatus)),
		})
	}
	return &CarrierInfo{
		ItemReceived:       flex.StringOrNull(string(ci.ItemReceived)),
		ItemDispatched:     flex.StringOrNull(string(ci.ItemDispatched)),
		DepartedAirport:    flex.StringOrNull(string(ci.DepartfromAirport)),
		ArrivedAbroad:      flex.StringOrNull(string(ci.ArrivalfromAbroad)),
		CustomsClearance:   flex.StringOrNull(string(ci.CustomsClearance)),
		DestinationArrived: flex.StringOrNull(string(ci.DestinationArrived)),
		Weblink:            flex.StringOrNull(string(ci.Weblink)),
		Phone:              flex.StringOrNull(string(ci.Phone)),
		CarrierCode:        flex.StringOrNull(string(ci.CarrierCode)),
		ReferenceNumber:    flex.StringOrNull(string(ci.ReferenceNumber)),
		Checkpoints:        checkpoints,
	}
}
