package bulk

import (
	"maps"
	"sort"
	"strings"
	"testing"

	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

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
				t.Fatalf("%q gave item %q = %q, which the schema rejects", id, label, item.ImportID())
			}
			labels = append(labels, label)
		}
		sort.Strings(labels)
		parts := make([]string, len(labels))
		for i, label := range labels {
			parts[i] = label + "=" + items[label].ImportID()
		}
		again, err := parseBulkImportID(strings.Join(parts, ","))
		if err != nil {
			// A label holding "=" or "," cannot be written back; the parser
			// only produces such labels from the tracking number itself.
			t.Fatalf("%q: canonical form %q does not parse: %v", id, strings.Join(parts, ","), err)
		}
		if !maps.EqualFunc(items, again, tracking.Model.SameArguments) {
			t.Fatalf("%q: canonical form parses to other items", id)
		}
	})
}
