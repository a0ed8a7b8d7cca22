package bulk

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
)

func parseBulkImportID(id string) (map[string]tracking.Model, error) {
	items := map[string]tracking.Model{}
	for _, part := range strings.Split(id, ",") {
		part = strings.TrimSpace(part)
		label, pair, labelled := strings.Cut(part, "=")
		if !labelled {
			pair = part
		}
		carrier, number, err := tracking.ParseImportID(pair)
		if err != nil {
			return nil, fmt.Errorf("expected a comma-separated list of [label=]carrier_code/tracking_number, such as "+
				"ups/1Z999AA10123456784,order-1002=usps/9400111899223197428490: %w", err)
		}
		if !labelled {
			label = number
		}
		if _, dup := items[label]; dup || label == "" {
			return nil, fmt.Errorf("label %q is empty or used twice in the import ID", label)
		}
		items[label] = tracking.Model{
			TrackingNumber: types.StringValue(number),
			CarrierCode:    types.StringValue(carrier),
			Stored:         tracking.Stored{Archived: types.BoolValue(false)},
		}
	}
	return items, nil
}
