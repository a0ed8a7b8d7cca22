package provider

import "github.com/hashicorp/terraform-plugin-framework/datasource/schema"

// dataString, dataInt64 and dataBool are read-only attributes: every
// attribute of the data sources' results is one.
func dataString(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
}

func dataInt64(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: desc, Computed: true}
}

func dataBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
}
