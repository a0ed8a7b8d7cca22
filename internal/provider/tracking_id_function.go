package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
)

var _ function.Function = trackingIDFunction{}

// trackingIDFunction is provider::trackingmore::tracking_id: the id a
// trackingmore_tracking is imported by, built from its two parts.
type trackingIDFunction struct{}

// NewTrackingIDFunction is the constructor the provider registers.
func NewTrackingIDFunction() function.Function {
	return trackingIDFunction{}
}

func (trackingIDFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "tracking_id"
}

func (trackingIDFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The import id of a tracking: carrier_code/tracking_number",
		MarkdownDescription: "Joins a carrier code and a tracking number into the id that `trackingmore_tracking` is imported by " +
			"(`terraform import`, `import` blocks), such as `ups/1Z999AA10123456784`. Both parts are checked as the resource checks them, " +
			"so a malformed value fails here, naming the argument.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "carrier_code", MarkdownDescription: "Carrier code, such as `ups`."},
			function.StringParameter{Name: "tracking_number", MarkdownDescription: "Tracking number, such as `1Z999AA10123456784`."},
		},
		Return: function.StringReturn{},
	}
}

func (trackingIDFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var carrier, number string
	if resp.Error = req.Arguments.Get(ctx, &carrier, &number); resp.Error != nil {
		return
	}
	problem, numberWrong := tracking.KeyNames{Carrier: "carrier_code", Number: "tracking_number"}.Problem(carrier, number)
	switch {
	case problem == "":
		resp.Error = resp.Result.Set(ctx, tracking.ImportID(carrier, number))
	case numberWrong:
		resp.Error = function.NewArgumentFuncError(1, problem)
	default:
		resp.Error = function.NewArgumentFuncError(0, problem)
	}

}
