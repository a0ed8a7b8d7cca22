// Package computed builds read-only data source attributes: every attribute
// of a data source's results is one, so each needs only its description.
package computed

import "github.com/hashicorp/terraform-plugin-framework/datasource/schema"

// String is a read-only string attribute.
func String(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
}

// Int64 is a read-only integer attribute.
func Int64(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: desc, Computed: true}
}

// Bool is a read-only boolean attribute.
func Bool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
}
