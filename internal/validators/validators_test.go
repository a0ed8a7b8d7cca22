package validators

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// problemOf is the error detail v gives value at attribute, "" if none.
func problemOf(t *testing.T, v validator.String, attribute, value string) string {
	t.Helper()
	var resp validator.StringResponse
	v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root(attribute), ConfigValue: types.StringValue(value)}, &resp)
	if !resp.Diagnostics.HasError() {
		return ""
	}
	return resp.Diagnostics[0].Detail()
}

// TestMessagesQuoteTheValue: a rejected value is quoted, so that a trailing
// space, which the user cannot see otherwise, shows.
func TestMessagesQuoteTheValue(t *testing.T) {
	for _, c := range []struct {
		name      string
		v         validator.String
		attribute string
		value     string
		want      string
	}{
		{"trailing space", TrackingNumber(), "tracking_number", "1Z999AA10123456784 ", `Attribute tracking_number must be at least 5 characters of letters, digits, '-' or '_' (no spaces or slashes), got: "1Z999AA10123456784 "`},
		{"empty", TrackingNumber(), "tracking_number", "", `got: ""`},
		{"carrier with a space", CarrierCode(), "carrier_code", "ups ", `Attribute carrier_code must be a TrackingMore carrier code: lowercase letters, digits, '-' or '_' (see the trackingmore_carriers data source), got: "ups "`},
		{"lang", LangCode(), "lang", "EN", `got: "EN"`},
		{"country", CountryCode(), "destination_code", "us", `got: "us"`},
		{"air waybill", AirWaybill(), "awb", "16012", `got: "16012"`},
		{"postal code", PostalCode(), "tracking_postal_code", " 1234", `got: " 1234"`},
		{"account number", AccountNumber(), "tracking_account_number", "a b", `got: "a b"`},
		{"text", Text(), "title", "x ", `Attribute title must not start or end with whitespace, got: "x "`},
	} {
		if got := problemOf(t, c.v, c.attribute, c.value); !strings.Contains(got, c.want) {
			t.Errorf("%s: detail %q, want it to contain %q", c.name, got, c.want)
		}
	}
}

func TestMatchesAcceptsAndDescribes(t *testing.T) {
	for _, c := range []struct {
		v     validator.String
		value string
	}{{TrackingNumber(), "1Z999AA10123456784"}, {CarrierCode(), "postnl-parcels"}, {LangCode(), "en"}, {CountryCode(), "NL"}, {AirWaybill(), "160-12345675"}} {
		if got := problemOf(t, c.v, "a", c.value); got != "" {
			t.Errorf("%q rejected: %s", c.value, got)
		}
	}
	if got := CarrierCode().Description(context.Background()); got != CarrierCodeProblem {
		t.Errorf("Description = %q, want the problem text", got)
	}
	var resp validator.StringResponse
	TrackingNumber().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("n"), ConfigValue: types.StringUnknown()}, &resp)
	TrackingNumber().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("n"), ConfigValue: types.StringNull()}, &resp)
	if len(resp.Diagnostics) != 0 {
		t.Errorf("unknown or null values: want no diagnostics, got %v", resp.Diagnostics)
	}
}
