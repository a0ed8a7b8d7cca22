package provider

import (
	"context"
	"fmt"

	"github.com/trackform/terraform-provider-trackingmore/internal/framework/computed"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

var _ datasource.DataSourceWithConfigure = (*carrierDetectionDataSource)(nil)

type carrierDetectionDataSource struct {
	client *trackingmore.Client
}

// NewCarrierDetectionDataSource is the constructor the provider registers.
func NewCarrierDetectionDataSource() datasource.DataSource {
	return &carrierDetectionDataSource{}
}

type carrierDetectionDataSourceModel struct {
	TrackingNumber types.String           `tfsdk:"tracking_number"`
	Carriers       []detectedCarrierModel `tfsdk:"carriers"`
}

type detectedCarrierModel struct {
	Name types.String `tfsdk:"name"`
	Code types.String `tfsdk:"code"`
}

func (d *carrierDetectionDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_carrier_detection"
}

func (d *carrierDetectionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Suggests the carriers a tracking number may belong to, with `POST /carriers/detect`. The API bills one " +
			"unit of quota per 5 calls. A number no carrier matches gives an empty `carriers` list and a warning, not an error.",
		Attributes: map[string]schema.Attribute{
			"tracking_number": schema.StringAttribute{
				MarkdownDescription: "The tracking number to detect (API field `tracking_number`).",
				Required:            true,
				Validators:          []validator.String{validators.TrackingNumber()},
			},
			"carriers": schema.ListNestedAttribute{
				MarkdownDescription: "Candidate carriers, most likely first; empty when none matches (API answer code 4032).",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name": computed.String("Carrier name (API field `name`)."),
					"code": computed.String("Carrier code, as `carrier_code` arguments take it (API field `code`)."),
				}},
			},
		},
	}
}

func (d *carrierDetectionDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *carrierDetectionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state carrierDetectionDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	number := state.TrackingNumber.ValueString()
	detected, err := d.client.DetectCarrier(ctx, number)
	switch {
	case trackingmore.IsUndetectable(err):
		resp.Diagnostics.AddAttributeWarning(path.Root("tracking_number"), "No carrier detected",
			fmt.Sprintf("TrackingMore could not tell which carrier tracking number %q belongs to, so carriers is empty. "+
				"Check the number, or pick the carrier yourself from the trackingmore_carriers data source.", number))
		detected = nil
	case err != nil:
		explain.AddAPIError(&resp.Diagnostics, "Unable to detect carrier", "tracking number "+number, err)
		return
	}

	state.Carriers = make([]detectedCarrierModel, 0, len(detected))
	for _, c := range detected {
		state.Carriers = append(state.Carriers, detectedCarrierModel{Name: flex.StringOrNull(string(c.Name)), Code: flex.StringOrNull(string(c.Code))})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
