package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/computed"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

// NewCarrierDetectionDataSource is the constructor the provider registers.
func NewCarrierDetectionDataSource() datasource.DataSource {
	return &dataSource[carrierDetectionDataSourceModel]{name: "carrier_detection", schema: carrierDetectionDataSourceSchema, read: readCarrierDetectionDataSource}
}

type carrierDetectionDataSourceModel struct {
	TrackingNumber types.String           `tfsdk:"tracking_number"`
	Carriers       []detectedCarrierModel `tfsdk:"carriers"`
}

type detectedCarrierModel struct {
	Name types.String `tfsdk:"name"`
	Code types.String `tfsdk:"code"`
}

func carrierDetectionDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Suggests the carriers a tracking number may belong to, with `POST /carriers/detect` (v4: `POST /couriers/detect`). The API bills one " +
			"unit of quota per 5 calls on v2; on v4 detection is free. A number no carrier matches gives an empty `carriers` list and a warning, not an error.",
		Attributes: map[string]schema.Attribute{
			"tracking_number": stringArgument("The tracking number to detect (API field `tracking_number`).", true, validators.TrackingNumber()),
			"carriers": computedList("Candidate carriers, most likely first; empty when none matches (API answer code 4032).", map[string]schema.Attribute{
				"name": computed.String("Carrier name (API field `name`)."),
				"code": computed.String("Carrier code, as `carrier_code` arguments take it (API field `code`)."),
			}),
		},
	}
}

func readCarrierDetectionDataSource(ctx context.Context, client *trackingmore.Client, m *carrierDetectionDataSourceModel, diags *diag.Diagnostics) {
	number := m.TrackingNumber.ValueString()
	detected, err := client.DetectCarrier(ctx, number)
	switch {
	case trackingmore.IsUndetectable(err):
		diags.AddAttributeWarning(path.Root("tracking_number"), "No carrier detected",
			fmt.Sprintf("TrackingMore could not tell which carrier tracking number %q belongs to, so carriers is empty. "+
				"Check the number, or pick the carrier yourself from the trackingmore_carriers data source.", number))
		detected = nil
	case err != nil:
		explain.AddAPIError(diags, "Unable to detect carrier", "tracking number "+number, err)
		return
	}
	m.Carriers = make([]detectedCarrierModel, 0, len(detected))
	for _, c := range detected {
		m.Carriers = append(m.Carriers, detectedCarrierModel{Name: flex.StringOrNull(string(c.Name)), Code: flex.StringOrNull(string(c.Code))})
	}
}
