// Package flex converts between the client's plain Go values and the
// plugin framework's values, one helper for every resource and data source
// (as terraform-provider-aws keeps internal/framework/flex).
package flex

import "github.com/hashicorp/terraform-plugin-framework/types"

// StringOrNull is s, or null when s is empty: the schema never allows an
// empty string, so an empty API field reads as not set.
func StringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
