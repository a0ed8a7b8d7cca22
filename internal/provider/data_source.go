package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// The methods do not depend on M, so one instance stands for every data source.
var (
	_ datasource.DataSourceWithConfigure        = (*dataSource[struct{}])(nil)
	_ datasource.DataSourceWithConfigValidators = (*dataSource[struct{}])(nil)
)

// dataSource is a data source as this provider builds each one: a type name,
// a schema, and a read that fills its model (M, read from the configuration)
// through the client; the framework's methods are written once, here.
type dataSource[M any] struct {
	name       string // the type name after the provider's, such as "carriers"
	schema     func() schema.Schema
	validators []datasource.ConfigValidator
	// read fills m, which holds the configuration, with the answer; an error
	// in diags keeps the state from being written.
	read   func(ctx context.Context, client *trackingmore.Client, m *M, diags *diag.Diagnostics)
	client *trackingmore.Client
}

func (d *dataSource[M]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.name
}

func (d *dataSource[M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.schema()
}

// ConfigValidators is nil for the data sources that need none, which the
// framework treats as no validators.
func (d *dataSource[M]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.validators
}

func (d *dataSource[M]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *dataSource[M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	d.read(ctx, d.client, &m, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// stringArgument is a string argument of a data source: each is required or
// optional and checked by one validator.
func stringArgument(description string, required bool, v validator.String) schema.Attribute {
	return schema.StringAttribute{MarkdownDescription: description, Required: required, Optional: !required, Validators: []validator.String{v}}
}

// batchArgument is the list of 1 to maxPerCall objects that a batch endpoint
// takes as its request body.
func batchArgument(description string, attrs map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: description,
		Required:            true,
		Validators:          []validator.List{listvalidator.SizeBetween(1, maxPerCall)},
		NestedObject:        schema.NestedAttributeObject{Attributes: attrs},
	}
}

// computedList is a read-only list of objects, as a data source answers
// with the API's arrays.
func computedList(description string, attrs map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{MarkdownDescription: description, Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: attrs}}
}
