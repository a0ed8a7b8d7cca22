package provider

import (
	"context"
	"fmt"

	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

var _ ephemeral.EphemeralResourceWithConfigure = (*realtimeTrackingEphemeralResource)(nil)

// realtimeTrackingEphemeralResource is the ephemeral trackingmore_realtime_tracking:
// the realtime data source's query and answer, for use within one run and
// never written to plan or state (Terraform 1.10+, OpenTofu 1.11+).
type realtimeTrackingEphemeralResource struct {
	client *trackingmore.Client
}

// NewRealtimeTrackingEphemeralResource is the constructor the provider registers.
func NewRealtimeTrackingEphemeralResource() ephemeral.EphemeralResource {
	return &realtimeTrackingEphemeralResource{}
}

func (e *realtimeTrackingEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_realtime_tracking"
}

func (e *realtimeTrackingEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Queries the carrier for one parcel right now with `POST /trackings/realtime`, as the " +
			"`trackingmore_realtime_tracking` data source does, but the answer (status, checkpoints, customer details) exists " +
			"only while Terraform runs: nothing of it is written to the plan or the state. Use it to pass current carrier data " +
			"to another provider's write-only or ephemeral arguments, or to outputs of ephemeral modules. Terraform opens it " +
			"during plan and again during apply. " + realtimeLimits +
			" Not available with `api_version = \"v4\"` (no v4 endpoint).",
		Attributes: ephemeralAttributes(realtimeTrackingAttributes()),
	}
}

func (e *realtimeTrackingEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (e *realtimeTrackingEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var config realtimeTrackingModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if result, ok := config.query(ctx, e.client, &resp.Diagnostics); ok {
		resp.Diagnostics.Append(resp.Result.Set(ctx, &result)...)
	}
}

// ephemeralAttributes is a data source schema as an ephemeral resource's:
// the two packages' attribute types differ only in package, and one
// definition keeps the realtime data source and ephemeral resource alike.
func ephemeralAttributes(attrs map[string]dsschema.Attribute) map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(attrs))
	for name, a := range attrs {
		out[name] = ephemeralAttribute(a)
	}
	return out
}

func ephemeralAttribute(a dsschema.Attribute) schema.Attribute {
	switch a := a.(type) {
	case dsschema.StringAttribute:
		return schema.StringAttribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, Validators: a.Validators}
	case dsschema.Int64Attribute:
		return schema.Int64Attribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, Validators: a.Validators}
	case dsschema.BoolAttribute:
		return schema.BoolAttribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, Validators: a.Validators}
	case dsschema.ListAttribute:
		return schema.ListAttribute{MarkdownDescription: a.MarkdownDescription, ElementType: a.ElementType, Required: a.Required,
			Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, Validators: a.Validators}
	case dsschema.SingleNestedAttribute:
		return schema.SingleNestedAttribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, Attributes: ephemeralAttributes(a.Attributes)}
	case dsschema.ListNestedAttribute:
		return schema.ListNestedAttribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive,
			NestedObject: schema.NestedAttributeObject{Attributes: ephemeralAttributes(a.NestedObject.Attributes)}}
	}
	// Only reached when a new attribute kind joins realtimeTrackingAttributes;
	// TestRealtimeTrackingEphemeralResource_schemaMatchesDataSource catches it.
	panic(fmt.Sprintf("ephemeralAttribute: no conversion for %T", a))
}
