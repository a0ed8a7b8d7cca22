package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
)

var _ function.Function = parseTrackingIDFunction{}

// parseTrackingIDFunction is provider::trackingmore::parse_tracking_id, the
// inverse of tracking_id.
type parseTrackingIDFunction struct{}

// NewParseTrackingIDFunction is the constructor the provider registers.
func NewParseTrackingIDFunction() function.Function {
	return parseTrackingIDFunction{}
}

var trackingIDAttributeTypes = map[string]attr.Type{
	"carrier_code":    types.StringType,
	"tracking_number": types.StringType,
}

func (parseTrackingIDFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "parse_tracking_id"
}

func (parseTrackingIDFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Splits a tracking's import id into carrier_code and tracking_number",
		MarkdownDescription: "Splits an id such as `ups/1Z999AA10123456784` (the `trackingmore_tracking` import id, as " +
			"`provider::trackingmore::tracking_id` builds it) into an object with `carrier_code` and `tracking_number`. " +
			"An id the import would refuse fails here with the same message.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "id", MarkdownDescription: "An id of the form `carrier_code/tracking_number`."},
		},
		Return: function.ObjectReturn{AttributeTypes: trackingIDAttributeTypes},
	}
}

func (parseTrackingIDFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var id string
	if resp.Error = req.Arguments.Get(ctx, &id); resp.Error != nil {
		return
	}
	carrier, number, err := tracking.ParseImportID(id)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, err.Error())
		return
	}
	result, diags := types.ObjectValue(trackingIDAttributeTypes, map[string]attr.Value{
		"carrier_code":    types.StringValue(carrier),
		"tracking_number": types.StringValue(number),
	})
	resp.Error = function.FuncErrorFromDiags(ctx, diags)
	if resp.Error == nil {
		resp.Error = resp.Result.Set(ctx, result)
	}
}
