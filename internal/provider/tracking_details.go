package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingitem"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// The read-only view of one tracking, shared by the data sources that show
// trackings: trackingmore_tracking and trackingmore_realtime_tracking expose
// trackingDetailsModel at their top level, each item of trackingmore_trackings
// is a trackingSummaryModel. Each model has one schema function and one
// conversion from the client's Tracking, used by all of them.

// trackingFieldsModel is every field of a tracking but its key
// (carrier_code, tracking_number) and its checkpoints.
type trackingFieldsModel struct {
	ID                 types.String   `tfsdk:"id"`
	Status             types.String   `tfsdk:"status"`
	Substatus          types.String   `tfsdk:"substatus"`
	StatusInfo         types.String   `tfsdk:"status_info"`
	TrackUpdate        types.Bool     `tfsdk:"track_update"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	UpdatedAt          types.String   `tfsdk:"updated_at"`
	OrderCreateTime    types.String   `tfsdk:"order_create_time"`
	Title              types.String   `tfsdk:"title"`
	OrderID            types.String   `tfsdk:"order_id"`
	Comment            types.String   `tfsdk:"comment"`
	CustomerName       types.String   `tfsdk:"customer_name"`
	CustomerEmails     []types.String `tfsdk:"customer_emails"`
	CustomerPhone      types.String   `tfsdk:"customer_phone"`
	LogisticsChannel   types.String   `tfsdk:"logistics_channel"`
	DestinationCode    types.String   `tfsdk:"destination_code"`
	Archived           types.Bool     `tfsdk:"archived"`
	OriginalCountry    types.String   `tfsdk:"original_country"`
	DestinationCountry types.String   `tfsdk:"destination_country"`
	ItemTimeLengthDays types.Int64    `tfsdk:"item_time_length_days"`
	StayTimeLengthDays types.Int64    `tfsdk:"stay_time_length_days"`
	ServiceCode        types.String   `tfsdk:"service_code"`
	LastEvent          types.String   `tfsdk:"last_event"`
	LastUpdateTime     types.String   `tfsdk:"last_update_time"`
}

// trackingDetailsModel is a whole tracking: its fields plus what each
// carrier (origin and destination) reports, checkpoints included.
type trackingDetailsModel struct {
	trackingFieldsModel
	OriginInfo      *carrierInfoModel `tfsdk:"origin_info"`
	DestinationInfo *carrierInfoModel `tfsdk:"destination_info"`
}

// trackingSummaryModel is one item of a tracking list: key and fields, no checkpoints.
type trackingSummaryModel struct {
	CarrierCode    types.String `tfsdk:"carrier_code"`
	TrackingNumber types.String `tfsdk:"tracking_number"`
	trackingFieldsModel
}

// carrierInfoModel is origin_info / destination_info.
type carrierInfoModel struct {
	ItemReceived       types.String      `tfsdk:"item_received"`
	ItemDispatched     types.String      `tfsdk:"item_dispatched"`
	DepartedAirport    types.String      `tfsdk:"departed_airport"`
	ArrivedAbroad      types.String      `tfsdk:"arrived_abroad"`
	CustomsClearance   types.String      `tfsdk:"customs_clearance"`
	DestinationArrived types.String      `tfsdk:"destination_arrived"`
	Weblink            types.String      `tfsdk:"weblink"`
	Phone              types.String      `tfsdk:"phone"`
	CarrierCode        types.String      `tfsdk:"carrier_code"`
	ReferenceNumber    types.String      `tfsdk:"reference_number"`
	Checkpoints        []checkpointModel `tfsdk:"checkpoints"`
}

// checkpointModel is one scan event (an element of trackinfo).
type checkpointModel struct {
	Date             types.String `tfsdk:"date"`
	Description      types.String `tfsdk:"description"`
	Details          types.String `tfsdk:"details"`
	CheckpointStatus types.String `tfsdk:"checkpoint_status"`
	Substatus        types.String `tfsdk:"substatus"`
}

// trackingFieldsAttributes is the schema of trackingFieldsModel.
func trackingFieldsAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":                dataString("The tracking's 32-character id (API field `id`)."),
		"status":            dataString("Current status (API field `status`): `pending`, `notfound`, `transit`, `pickup`, `delivered`, `undelivered`, `exception` or `expired`."),
		"substatus":         dataString("Substatus code such as `transit001` or `delivered001` (API field `substatus`); null when the API has none."),
		"status_info":       dataString("Free-text status note (API field `status_info`)."),
		"track_update":      dataBool("Whether TrackingMore still refreshes the tracking (API field `track_update`); null when the API does not say."),
		"created_at":        dataString("When the tracking was created, ISO 8601 with offset (API field `created_at`)."),
		"updated_at":        dataString("When the tracking's stored fields last changed, ISO 8601 with offset (API field `updated_at`)."),
		"order_create_time": dataString("When the order was placed (API field `order_create_time`), as RFC 3339 when the API's `YYYY-MM-DD HH:MM:SS` (UTC) can be read, otherwise as the API gives it."),
		"title":             dataString("Product title (API field `title`)."),
		"order_id":          dataString("Order id (API field `order_id`)."),
		"comment":           dataString("Note stored with the tracking (API field `comment`)."),
		"customer_name":     dataString("Customer name (API field `customer_name`)."),
		"customer_emails": schema.ListAttribute{
			MarkdownDescription: "The customer's email addresses, one address each (API field `customer_email`, a string or an array); null when there are none.",
			ElementType:         types.StringType,
			Computed:            true,
		},
		"customer_phone":        dataString("Customer phone number (API field `customer_phone`)."),
		"logistics_channel":     dataString("Logistics channel (API field `logistics_channel`)."),
		"destination_code":      dataString("Destination country as a 2-letter code (API field `destination_code`, or `destination` in create echoes)."),
		"archived":              dataBool("Whether the tracking is archived (API field `archived`)."),
		"original_country":      dataString("Origin country name, such as `China` (API field `original_country`)."),
		"destination_country":   dataString("Destination country name (API field `destination_country`)."),
		"item_time_length_days": dataInt64("Days the parcel has been on its way (API field `itemTimeLength`)."),
		"stay_time_length_days": dataInt64("Days since the last event (API field `stayTimeLength`)."),
		"service_code":          dataString("Carrier service code (API field `service_code`)."),
		"last_event":            dataString("The latest checkpoint as the API summarises it: description, details and date (API field `lastEvent`)."),
		"last_update_time":      dataString("When the carrier last reported an event, carrier local time (API field `lastUpdateTime`)."),
	}
}

// trackingDetailsAttributes is the schema of trackingDetailsModel.
func trackingDetailsAttributes() map[string]schema.Attribute {
	attrs := trackingFieldsAttributes()
	attrs["origin_info"] = carrierInfoAttribute("origin", "origin_info")
	attrs["destination_info"] = carrierInfoAttribute("destination", "destination_info")
	return attrs
}

// trackingSummaryAttributes is the schema of trackingSummaryModel.
func trackingSummaryAttributes() map[string]schema.Attribute {
	attrs := trackingFieldsAttributes()
	attrs["carrier_code"] = dataString("Carrier code (API field `carrier_code`).")
	attrs["tracking_number"] = dataString("Tracking number (API field `tracking_number`).")
	return attrs
}

func carrierInfoAttribute(side, field string) schema.SingleNestedAttribute {
	milestone := func(name, apiField string) schema.StringAttribute {
		return dataString("When the parcel " + name + ", carrier local time (API field `" + field + "." + apiField + "`); null until it happens.")
	}
	return schema.SingleNestedAttribute{
		MarkdownDescription: "What the " + side + " carrier reports (API field `" + field + "`); null when the API sends none.",
		Computed:            true,
		Attributes: map[string]schema.Attribute{
			"item_received":       milestone("was received", "ItemReceived"),
			"item_dispatched":     milestone("was dispatched", "ItemDispatched"),
			"departed_airport":    milestone("departed from the airport", "DepartfromAirport"),
			"arrived_abroad":      milestone("arrived abroad", "ArrivalfromAbroad"),
			"customs_clearance":   milestone("cleared customs", "CustomsClearance"),
			"destination_arrived": milestone("arrived at its destination", "DestinationArrived"),
			"weblink":             dataString("The carrier's website (API field `" + field + ".weblink`)."),
			"phone":               dataString("The carrier's phone number (API field `" + field + ".phone`)."),
			"carrier_code":        dataString("The " + side + " carrier's code (API field `" + field + ".carrier_code`)."),
			"reference_number":    dataString("The carrier's own reference number (API field `" + field + ".ReferenceNumber`)."),
			"checkpoints": schema.ListNestedAttribute{
				MarkdownDescription: "Scan events, newest first (API field `" + field + ".trackinfo`); empty when there are none yet.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"date":              dataString("When it happened, carrier local time `YYYY-MM-DD HH:MM[:SS]` (API field `Date`)."),
					"description":       dataString("What happened (API field `StatusDescription`)."),
					"details":           dataString("Where it happened or further details (API field `Details`)."),
					"checkpoint_status": dataString("The status this event implies, such as `transit` (API field `checkpoint_status`)."),
					"substatus":         dataString("The substatus code this event implies (API field `substatus`)."),
				}},
			},
		},
	}
}

// newTrackingFields converts an API tracking's fields; empty values become null.
func newTrackingFields(t *trackingmore.Tracking) trackingFieldsModel {
	m := trackingFieldsModel{
		ID:                 flex.StringOrNull(t.ID),
		Status:             flex.StringOrNull(trackingitem.StatusName(string(t.Status))),
		Substatus:          flex.StringOrNull(string(t.Substatus)),
		StatusInfo:         flex.StringOrNull(string(t.StatusInfo)),
		TrackUpdate:        types.BoolNull(),
		CreatedAt:          flex.StringOrNull(string(t.CreatedAt)),
		UpdatedAt:          flex.StringOrNull(string(t.UpdatedAt)),
		OrderCreateTime:    flex.StringOrNull(apiTimeRFC3339(string(t.OrderCreateTime))),
		Title:              flex.StringOrNull(string(t.Title)),
		OrderID:            flex.StringOrNull(string(t.OrderID)),
		Comment:            flex.StringOrNull(string(t.Comment)),
		CustomerName:       flex.StringOrNull(string(t.CustomerName)),
		CustomerEmails:     emailValues(t.CustomerEmail),
		CustomerPhone:      flex.StringOrNull(string(t.CustomerPhone)),
		LogisticsChannel:   flex.StringOrNull(string(t.LogisticsChannel)),
		DestinationCode:    flex.StringOrNull(string(t.DestinationCode)),
		Archived:           types.BoolValue(bool(t.Archived)),
		OriginalCountry:    flex.StringOrNull(string(t.OriginalCountry)),
		DestinationCountry: flex.StringOrNull(string(t.DestinationCountry)),
		ItemTimeLengthDays: types.Int64Value(int64(t.ItemTimeLength)),
		StayTimeLengthDays: types.Int64Value(int64(t.StayTimeLength)),
		ServiceCode:        flex.StringOrNull(string(t.ServiceCode)),
		LastEvent:          flex.StringOrNull(string(t.LastEvent)),
		LastUpdateTime:     flex.StringOrNull(string(t.LastUpdateTime)),
	}
	if t.TrackUpdate != nil {
		m.TrackUpdate = types.BoolValue(bool(*t.TrackUpdate))
	}
	if m.DestinationCode.IsNull() {
		m.DestinationCode = flex.StringOrNull(string(t.Destination))
	}
	return m
}

// newTrackingDetails converts a whole API tracking.
func newTrackingDetails(t *trackingmore.Tracking) trackingDetailsModel {
	return trackingDetailsModel{
		trackingFieldsModel: newTrackingFields(t),
		OriginInfo:          newCarrierInfo(t.OriginInfo),
		DestinationInfo:     newCarrierInfo(t.DestinationInfo),
	}
}

// newTrackingSummary converts an API tracking to a list item.
func newTrackingSummary(t *trackingmore.Tracking) trackingSummaryModel {
	return trackingSummaryModel{
		CarrierCode:         types.StringValue(t.CarrierCode),
		TrackingNumber:      types.StringValue(t.TrackingNumber),
		trackingFieldsModel: newTrackingFields(t),
	}
}

func newCarrierInfo(ci *trackingmore.CarrierInfo) *carrierInfoModel {
	if ci == nil {
		return nil
	}
	checkpoints := make([]checkpointModel, 0, len(ci.TrackInfo))
	for _, c := range ci.TrackInfo {
		checkpoints = append(checkpoints, checkpointModel{
			Date:             flex.StringOrNull(string(c.Date)),
			Description:      flex.StringOrNull(string(c.StatusDescription)),
			Details:          flex.StringOrNull(string(c.Details)),
			CheckpointStatus: flex.StringOrNull(string(c.CheckpointStatus)),
			Substatus:        flex.StringOrNull(string(c.Substatus)),
		})
	}
	return &carrierInfoModel{
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

// emailValues is customer_emails of a data source: nil (null) for none.
func emailValues(emails []string) []types.String {
	var out []types.String
	for _, e := range emails {
		out = append(out, types.StringValue(e))
	}
	return out
}
