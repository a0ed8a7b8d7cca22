package provider

import (
	"context"
	"fmt"

	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

var (
	_ list.ListResourceWithConfigure        = (*trackingListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*trackingListResource)(nil)
)

// trackingListResource is the list resource trackingmore_tracking
// (Terraform 1.14+ `terraform query`): the account's trackings through
// GET /trackings/get, each with its identity and, on request, the whole
// resource, so that -generate-config-out writes an import block and a
// resource block for each.
type trackingListResource struct {
	client *trackingmore.Client
}

// NewTrackingListResource is the constructor the provider registers.
func NewTrackingListResource() list.ListResource {
	return &trackingListResource{}
}

func (r *trackingListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tracking"
}

func (r *trackingListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the account's trackings, to bring them under Terraform with " +
			"`terraform query -generate-config-out=trackings.tf`: one `import` block and one `trackingmore_tracking` block for each. " +
			"The filters are those of the `trackingmore_trackings` data source and combine (AND); without any, every tracking is listed. " +
			"It reads `GET /trackings/get` (v2 and v4 alike), 2,000 trackings a call, at v2's one list call per second or within v4's 10 requests a second, and costs no quota. " +
			"`order_ids`, `order_created_after` and `order_created_before` are TrackingMore API v2 only: with `api_version = \"v4\"` they fail the query.",
		Attributes: listConfigAttributes(trackingFilterAttributes()),
	}
}

func (r *trackingListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return []list.ConfigValidator{timeRanges}
}

func (r *trackingListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *trackingListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters trackingFiltersModel
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		items, total, err := r.client.ListAllTrackings(ctx, filters.listOptions(), int(req.Limit))
		if err != nil {
			var diags diag.Diagnostics
			explain.AddAPIError(&diags, "Unable to list trackings", "the tracking list", err)
			push(list.ListResult{Diagnostics: diags})
			return
		}
		for i := range items {
			result := trackingListResult(ctx, req, &items[i], r.client.APIVersion())
			if i == len(items)-1 && total > len(items) {
				// The last result carries it: a result without identity is refused.
				result.Diagnostics.AddWarning("Not every tracking was listed",
					fmt.Sprintf("%d trackings match, and the list stopped at %d: Terraform lists at most 100 per list block "+
						"unless its limit argument says more. Set limit = %d or more to list them all.", total, len(items), total))
			}
			if !push(result) {
				return
			}
		}
	}
}

// trackingListResult is one tracking found: its identity, a display name
// ("ups/1Z… (title)") and, when asked for, the whole resource.
func trackingListResult(ctx context.Context, req list.ListRequest, t *trackingmore.Tracking, version string) list.ListResult {
	result := req.NewListResult(ctx)
	m := newTrackingResourceModel(t, version)
	result.DisplayName = m.ImportID()
	if title := m.Title.ValueString(); title != "" {
		result.DisplayName += fmt.Sprintf(" (%s)", title)
	}
	setTrackingIdentity(ctx, result.Identity, m.Model, &result.Diagnostics)
	if req.IncludeResource {
		result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
	}
	return result
}

// listConfigAttributes is a data source's arguments as a list resource's
// configuration: the packages' attribute types differ only in package, and
// one definition keeps the list resource's filters and the trackingmore_trackings
// data source's alike.
func listConfigAttributes(attrs map[string]dsschema.Attribute) map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(attrs))
	for name, a := range attrs {
		switch a := a.(type) {
		case dsschema.StringAttribute:
			out[name] = schema.StringAttribute{MarkdownDescription: a.MarkdownDescription, Optional: a.Optional, Validators: a.Validators}
		case dsschema.BoolAttribute:
			out[name] = schema.BoolAttribute{MarkdownDescription: a.MarkdownDescription, Optional: a.Optional, Validators: a.Validators}
		case dsschema.ListAttribute:
			out[name] = schema.ListAttribute{MarkdownDescription: a.MarkdownDescription, Optional: a.Optional,
				ElementType: a.ElementType, Validators: a.Validators}
		default:
			// Only reached when a new kind of filter joins trackingFilterAttributes;
			// TestTrackingListResource_schemaMatchesFilters catches it.
			panic(fmt.Sprintf("listConfigAttributes: no conversion for %s (%T)", name, a))
		}
	}
	return out
}
