package trackingitem

import (
	"fmt"
	"strings"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// ParseImportID splits "carrier_code/tracking_number", checking both formats
// so a typo fails here rather than as a confusing API error.
func ParseImportID(id string) (carrier, number string, err error) {
	carrier, number, ok := strings.Cut(id, "/")
	if !ok || !trackingmore.CarrierCodePattern.MatchString(carrier) || !trackingmore.TrackingNumberPattern.MatchString(number) {
		return "", "", fmt.Errorf("expected carrier_code/tracking_number, such as ups/1Z999AA10123456784, got %q", id)
	}
	return carrier, number, nil
}
