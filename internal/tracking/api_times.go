package tracking

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The API writes and reads order_create_time as "YYYY-MM-DD HH:MM:SS" in
// UTC; Terraform configurations write RFC 3339.

// apiTimeRFC3339 reads a time the API writes as `YYYY-MM-DD HH:MM:SS` in UTC
// (as this provider sends order_create_time) and returns it as RFC 3339. Any
// other text is returned unchanged: the API's word is better than a guess.
func apiTimeRFC3339(s string) string {
	if t, err := time.Parse(time.DateTime, s); err == nil {
		return t.UTC().Format(time.RFC3339)
	}
	return s
}

// OrderCreateTimeAPI converts the RFC 3339 order_create_time to the API's
// "YYYY-MM-DD HH:MM:SS" in UTC.
func OrderCreateTimeAPI(v types.String) string {
	if v.IsNull() {
		return ""
	}
	t, err := time.Parse(time.RFC3339, v.ValueString())
	if err != nil {
		return ""
	}
	return t.UTC().Format(time.DateTime)
}
