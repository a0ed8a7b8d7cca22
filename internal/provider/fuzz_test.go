package provider

import (
	"maps"
	"sort"
	"strings"
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
		carrier, number, err := parseImportID(id)
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

// FuzzParseBulkImportID: no import ID panics the parser; every item it
// returns matches the schema's patterns under a non-empty label, and the
// canonical form of the result parses back to the same items.
func FuzzParseBulkImportID(f *testing.F) {
	for _, s := range []string{
		"ups/1Z999AA10123456784,order-1002=usps/9400111899223197428490", "a=ups/12345,a=ups/67890",
		"=ups/12345", "ups/12345,,", " ups/12345 , x=dhl/1234567890 ", "x=y=ups/12345", "ups/12345,ups/12345",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		items, err := parseBulkImportID(id)
		if err != nil {
			return
		}
		if len(items) == 0 || len(items) > strings.Count(id, ",")+1 {
			t.Fatalf("%q gave %d items", id, len(items))
		}
		labels := make([]string, 0, len(items))
		for label, item := range items {
			if label == "" || !trackingmore.CarrierCodePattern.MatchString(item.CarrierCode.ValueString()) ||
				!trackingmore.TrackingNumberPattern.MatchString(item.TrackingNumber.ValueString()) {
				t.Fatalf("%q gave item %q = %q, which the schema rejects", id, label, item.subject())
			}
			labels = append(labels, label)
		}
		sort.Strings(labels)
		parts := make([]string, len(labels))
		for i, label := range labels {
			parts[i] = label + "=" + items[label].subject()
		}
		again, err := parseBulkImportID(strings.Join(parts, ","))
		if err != nil {
			// A label holding "=" or "," cannot be written back; the parser
			// only produces such labels from the tracking number itself.
			t.Fatalf("%q: canonical form %q does not parse: %v", id, strings.Join(parts, ","), err)
		}
		if !maps.Equal(items, again) {
			t.Fatalf("%q: canonical form parses to other items", id)
		}
	})
}
