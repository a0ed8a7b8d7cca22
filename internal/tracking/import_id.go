package tracking

import (
	"fmt"
	"strings"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

// A tracking's key is its carrier code and tracking number: the API names a
// tracking by them (it has no lookup by id), and so do the import id
// "carrier_code/tracking_number", the resource identity and the provider
// functions. Every one of them checks a key here, so all say alike what is wrong.

// KeyNames is how a caller names the two parts of a key in its messages.
type KeyNames struct {
	Carrier, Number string
}

// Problem says what is wrong with the key carrier/number, naming each part
// as n does; "" when both parts are well formed. Only the first problem is
// told, the carrier's before the number's, and numberWrong tells which.
func (n KeyNames) Problem(carrier, number string) (problem string, numberWrong bool) {
	switch {
	case !trackingmore.CarrierCodePattern.MatchString(carrier):
		return fmt.Sprintf("%s %s, got: %q", n.Carrier, validators.CarrierCodeProblem, carrier), false
	case !trackingmore.TrackingNumberPattern.MatchString(number):
		return fmt.Sprintf("%s %s, got: %q", n.Number, validators.TrackingNumberProblem, number), true
	}
	return "", false
}

// ImportID joins a key as ParseImportID splits it.
func ImportID(carrier, number string) string { return carrier + "/" + number }

// ParseImportID splits "carrier_code/tracking_number", checking both parts
// so a typo fails here rather than as a confusing API error.
func ParseImportID(id string) (carrier, number string, err error) {
	carrier, number, ok := strings.Cut(id, "/")
	problem := "it has no '/'"
	if ok {
		problem, _ = KeyNames{Carrier: "the carrier code", Number: "the tracking number"}.Problem(carrier, number)
	}
	if problem != "" {
		return "", "", fmt.Errorf("expected carrier_code/tracking_number, such as ups/1Z999AA10123456784, got %q: %s", id, problem)
	}
	return carrier, number, nil
}
