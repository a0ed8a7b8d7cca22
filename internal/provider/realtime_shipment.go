package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

// realtimeShipmentModel names a shipment to POST /trackings/realtime: the
// arguments of the realtime data source, the ephemeral resource and the
// trackingmore_realtime_refresh action.
type realtimeShipmentModel struct {
	CarrierCode              types.String `tfsdk:"carrier_code"`
	TrackingNumber           types.String `tfsdk:"tracking_number"`
	TrackingShipDate         types.String `tfsdk:"tracking_ship_date"`
	TrackingPostalCode       types.String `tfsdk:"tracking_postal_code"`
	SpecialNumberDestination types.String `tfsdk:"special_number_destination"`
	Lang                     types.String `tfsdk:"lang"`
}

// realtimeShipmentArguments are realtimeShipmentModel's attributes, written
// once for the schemas of every package that declares them.
var realtimeShipmentArguments = []struct {
	name, description string
	required          bool
	validator         func() validator.String
}{
	{"carrier_code", "Carrier code, such as `ups` (API field `carrier_code`).", true, validators.CarrierCode},
	{"tracking_number", "Tracking number (API field `tracking_number`).", true, validators.TrackingNumber},
	{"tracking_ship_date", "Ship date as `YYYYMMDD`, required by some carriers (API field `tracking_ship_date`).", false, validators.ShipDate},
	{"tracking_postal_code", "Destination postal code, required by some carriers (API field `tracking_postal_code`).", false, validators.PostalCode},
	{"special_number_destination", "Destination country (2-letter code) for carriers whose numbers need it (API field `specialNumberDestination`).", false, validators.CountryCode},
	{"lang", "Language of the checkpoint texts, such as `en` or `cn` (API field `lang`).", false, validators.LangCode},
}

// request is the POST /trackings/realtime body for the shipment.
func (m realtimeShipmentModel) request() trackingmore.RealtimeRequest {
	return trackingmore.RealtimeRequest{
		TrackingNumber:           m.TrackingNumber.ValueString(),
		CarrierCode:              m.CarrierCode.ValueString(),
		TrackingShipDate:         m.TrackingShipDate.ValueString(),
		TrackingPostalCode:       m.TrackingPostalCode.ValueString(),
		SpecialNumberDestination: m.SpecialNumberDestination.ValueString(),
		Lang:                     m.Lang.ValueString(),
	}
}

// subject names the shipment in messages as carrier/number.
func (m realtimeShipmentModel) subject() string {
	return tracking.ImportID(m.CarrierCode.ValueString(), m.TrackingNumber.ValueString())
}

// realtimeShipmentAttributes is realtimeShipmentArguments in the schema
// package of the caller (data source, ephemeral resource or action), each
// made by attribute from its description, whether it is required, and its
// validator.
func realtimeShipmentAttributes[A any](attribute func(description string, required bool, v validator.String) A) map[string]A {
	attrs := make(map[string]A, len(realtimeShipmentArguments))
	for _, a := range realtimeShipmentArguments {
		attrs[a.name] = attribute(a.description, a.required, a.validator())
	}
	return attrs
}

// realtimeLimits is what every realtime construct's documentation warns of.
const realtimeLimits = "**Mind the limits**: the API allows 3 realtime requests per second " +
	"and the same shipment at most once every 2 hours, and each query costs one unit of quota."
