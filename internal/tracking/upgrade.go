package tracking

import (
	"encoding/json"
	"strings"
)

// SchemaVersion is the state version of trackingmore_tracking and
// trackingmore_trackings: 1 since customer_email (a string) became
// customer_emails (a list).
const SchemaVersion = 1

// UpgradeStateV0 rewrites a version 0 state's JSON for version 1: in each
// tracking that items finds in the state (the state itself for
// trackingmore_tracking, each item for trackingmore_trackings), the
// customer_email string becomes the customer_emails list. The one state
// upgrade of both resources; the error says the state is not JSON.
func UpgradeStateV0(stateJSON []byte, items func(state map[string]any) []map[string]any) ([]byte, error) {
	var state map[string]any
	if err := json.Unmarshal(stateJSON, &state); err != nil {
		return nil, err
	}
	for _, item := range items(state) {
		upgradeItemV0(item)
	}
	return json.Marshal(state)
}

// upgradeItemV0 rewrites one tracking: customer_email's string (several
// addresses joined with commas, as version 0 read them) becomes
// customer_emails' list.
func upgradeItemV0(item map[string]any) {
	var emails []any
	if s, ok := item["customer_email"].(string); ok {
		for _, e := range strings.Split(s, ",") {
			if e = strings.TrimSpace(e); e != "" {
				emails = append(emails, e)
			}
		}
	}
	delete(item, "customer_email")
	item["customer_emails"] = nil
	if len(emails) > 0 {
		item["customer_emails"] = emails
	}
}
