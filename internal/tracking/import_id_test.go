package tracking

import (
	"testing"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// FuzzParseImportID: no import ID panics the parser; what it accepts is two
// values matching the schema's patterns that join back to the same ID.
func FuzzParseImportID(f *testing.F) {
	for _, s := range []string{"ups/1Z999AA10123456784", "ups/../x", "ups//x", "/", "", "UPS/1Z999", "a/b/c", "ups/1Z999AA1\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		carrier, number, err := ParseImportID(id)
		if err != nil {
			if carrier != "" || number != "" {
				t.Fatalf("%q: error %v with values %q %q", id, err, carrier, number)
			}
			return
		}
		if !trackingmore.CarrierCodePattern.MatchString(carrier) || !trackingmore.TrackingNumberPattern.MatchString(number) {
			t.Fatalf("%q accepted as %q / %q, which the schema rejects", id, carrier, number)
		}
		if carrier+"/"+number != id {
			t.Fatalf("%q parsed as %q / %q: not a round trip", id, carrier, number)
		}
	})
}
