// Package flex converts between the client's plain Go values and the
// plugin framework's values, one helper for every resource and data source
// (as terraform-provider-aws keeps internal/framework/flex).
package flex

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringOrNull is s, or null when s is empty: the schema never allows an
// empty string, so an empty API field reads as not set.
func StringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// TimeOrZero parses an RFC 3339 argument (validated at plan time); null is the zero time.
func TimeOrZero(v types.String) time.Time {
	if v.IsNull() || v.IsUnknown() {
		return time.Time{}
	}
	t, _ := time.Parse(time.RFC3339, v.ValueString())
	return t
}

// Strings returns the elements of a list argument.
func Strings(list []types.String) []string {
	if list == nil {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, v := range list {
		out = append(out, v.ValueString())
	}
	return out
}
