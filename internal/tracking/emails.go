package tracking

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// EmailList is the addresses of a customer_emails list, as the client sends them.
func EmailList(l types.List) trackingmore.EmailList {
	var out trackingmore.EmailList
	for _, e := range l.Elements() {
		if s, ok := e.(types.String); ok && !s.IsNull() && !s.IsUnknown() {
			out = append(out, s.ValueString())
		}
	}
	return out
}

// EmailsValue is the customer_emails value of the addresses the API
// stores: null for none, since the schema allows no empty list.
func EmailsValue(emails []string) types.List {
	if len(emails) == 0 {
		return types.ListNull(types.StringType)
	}
	elems := make([]attr.Value, len(emails))
	for i, e := range emails {
		elems[i] = types.StringValue(e)
	}
	return types.ListValueMust(types.StringType, elems)
}
