package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/computed"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

// NewAirCargoDataSource is the constructor the provider registers.
func NewAirCargoDataSource() datasource.DataSource {
	return &dataSource[airCargoDataSourceModel]{name: "air_cargo", schema: airCargoDataSourceSchema, read: readAirCargoDataSource}
}

type airCargoDataSourceModel struct {
	AWBNumbers []types.String  `tfsdk:"awb_numbers"`
	Lang       types.String    `tfsdk:"lang"`
	Waybills   []airCargoModel `tfsdk:"waybills"`
}

type airCargoModel struct {
	AWBNumber   types.String         `tfsdk:"awb_number"`
	Weight      types.String         `tfsdk:"weight"`
	Pieces      types.Int64          `tfsdk:"pieces"`
	Origin      types.String         `tfsdk:"origin"`
	Destination types.String         `tfsdk:"destination"`
	Status      types.String         `tfsdk:"status"`
	Events      []airCargoEventModel `tfsdk:"events"`
}

func newAirCargo(c trackingmore.AirCargo) airCargoModel {
	events := make([]airCargoEventModel, 0, len(c.TrackInfo))
	for _, e := range c.TrackInfo {
		events = append(events, airCargoEventModel{
			PlanDate:     flex.StringOrNull(string(e.PlanDate)),
			ActualDate:   flex.StringOrNull(string(e.ActualDate)),
			Event:        flex.StringOrNull(string(e.Event)),
			Station:      flex.StringOrNull(string(e.Station)),
			FlightNumber: flex.StringOrNull(string(e.FlightNumber)),
		})
	}
	return airCargoModel{
		AWBNumber:   flex.StringOrNull(string(c.TrackNumber)),
		Weight:      flex.StringOrNull(string(c.Weight)),
		Pieces:      types.Int64Value(int64(c.Piece)),
		Origin:      flex.StringOrNull(string(c.Origin)),
		Destination: flex.StringOrNull(string(c.Destination)),
		Status:      flex.StringOrNull(string(c.StatusNumber)),
		Events:      events,
	}
}

type airCargoEventModel struct {
	PlanDate     types.String `tfsdk:"plan_date"`
	ActualDate   types.String `tfsdk:"actual_date"`
	Event        types.String `tfsdk:"event"`
	Station      types.String `tfsdk:"station"`
	FlightNumber types.String `tfsdk:"flight_number"`
}

func airCargoDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Tracks air cargo by air waybill number with `POST /trackings/aircargo` (v4: `POST /awb`). **Costly**: the API charges " +
			"20 units of quota per waybill on every read, and Terraform reads data sources on every plan and refresh. Up to 40 waybills in one call " +
			"(v4 takes one waybill a call, so 40 waybills cost 40 calls).",
		Attributes: map[string]schema.Attribute{
			"awb_numbers": schema.ListAttribute{
				MarkdownDescription: "Air waybill numbers, 1 to 40: a 3-digit airline prefix, then 7 or 8 digits (v4: 8), such as `160-12345675` (API field `track_number`; v4 `awb_number`).",
				ElementType:         types.StringType,
				Required:            true,
				Validators: []validator.List{
					listvalidator.SizeBetween(1, maxPerCall),
					listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(validators.AirWaybill()),
				},
			},
			"lang": stringArgument("Language of the event texts, such as `en` or `cn` (API field `lang`). TrackingMore API v2 only: with `api_version = \"v4\"` the data source fails naming `api_version`.", false, validators.LangCode()),
			"waybills": computedList("One result per waybill, in the API's order (the response array).", map[string]schema.Attribute{
				"awb_number":  computed.String("The air waybill number (API field `track_number`)."),
				"weight":      computed.String("Weight of the consignment as the API writes it (API field `weight`)."),
				"pieces":      computed.Int64("Number of pieces (API field `piece`)."),
				"origin":      computed.String("Origin airport code (API field `origin`)."),
				"destination": computed.String("Destination airport code (API field `destination`)."),
				"status":      computed.String("The consignment's status as the API reports it (API field `status_number`)."),
				"events": computedList("Flight events (API field `track_info`); empty when there are none.", map[string]schema.Attribute{
					"plan_date":     computed.String("Planned time of the event (API field `plan_date`)."),
					"actual_date":   computed.String("Actual time of the event (API field `actual_date`); null until it happens."),
					"event":         computed.String("What happens, such as departure or arrival (API field `event`)."),
					"station":       computed.String("Airport code where it happens (API field `station`)."),
					"flight_number": computed.String("Flight number (API field `flight_number`)."),
				}),
			}),
		},
	}
}

func readAirCargoDataSource(ctx context.Context, client *trackingmore.Client, m *airCargoDataSourceModel, diags *diag.Diagnostics) {
	cargo, err := client.AirCargo(ctx, trackingmore.AirCargoRequest{Numbers: flex.Strings(m.AWBNumbers), Lang: m.Lang.ValueString()})
	if err != nil {
		explain.AddAPIError(diags, "Unable to track air cargo", "the air waybills", err)
		return
	}
	m.Waybills = make([]airCargoModel, 0, len(cargo))
	for _, c := range cargo {
		m.Waybills = append(m.Waybills, newAirCargo(c))
	}
}
