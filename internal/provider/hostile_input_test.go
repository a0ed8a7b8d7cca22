package provider

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// TestAccHostileInput plans configurations carrying hostile or invalid
// values in the provider block, both resources and data sources. Every row
// must fail at plan time with an error naming the attribute, and the mock
// must see no API call at all: nothing invalid ever reaches the wire.
// (That the client escapes every path segment even if validation were
// bypassed is TestPathEscaping in internal/trackingmore.)
func TestAccHostileInput(t *testing.T) {
	long := strings.Repeat("x", 513)
	// provider sets one provider argument (an HCL expression) in a
	// configuration that needs the provider configured.
	userInfo := "data \"trackingmore_user_info\" \"test\" {}\n"
	provider := func(name, value string) map[string]string { return map[string]string{name: value} }
	bulk := func(line string) string {
		return "resource \"trackingmore_trackings\" \"test\" {\n  trackings = {\n    a = {\n      carrier_code = \"ups\"\n" +
			"      tracking_number = \"1Z999AA10123456784\"\n      " + line + "\n    }\n  }\n}\n"
	}
	bulkItemAttr := func(attr string) *regexp.Regexp { return acctest.ErrorNaming(`trackings["a"].` + attr) }

	rows := []struct {
		name     string
		config   string            // without the provider block
		settings map[string]string // provider arguments changed from providerBlock's
		expect   *regexp.Regexp
	}{
		// Provider block.
		{"provider empty api_key", userInfo, provider("api_key", `""`), acctest.ErrorNaming("api_key")},
		{"provider blank api_key", userInfo, provider("api_key", `"   "`), acctest.ErrorNaming("api_key")},
		{"provider ftp base_url", userInfo, provider("base_url", `"ftp://api.trackingmore.com/v2"`), acctest.ErrorNaming("base_url")},
		{"provider relative base_url", userInfo, provider("base_url", `"/v2"`), acctest.ErrorNaming("base_url")},
		{"provider javascript base_url", userInfo, provider("base_url", `"javascript:alert(1)"`), acctest.ErrorNaming("base_url")},
		{"provider negative max_retries", userInfo, provider("max_retries", `-1`), acctest.ErrorNaming("max_retries")},
		{"provider huge max_retries", userInfo, provider("max_retries", `1000000`), acctest.ErrorNaming("max_retries")},
		{"provider zero requests_per_second", userInfo, provider("requests_per_second", `0`), acctest.ErrorNaming("requests_per_second")},
		{"provider negative requests_per_second", userInfo, provider("requests_per_second", `-5`), acctest.ErrorNaming("requests_per_second")},
		{"provider zero request_timeout", userInfo, provider("request_timeout", `"0s"`), acctest.ErrorNaming("request_timeout")},
		{"provider word request_timeout", userInfo, provider("request_timeout", `"soon"`), acctest.ErrorNaming("request_timeout")},
		{"provider negative request_timeout", userInfo, provider("request_timeout", `"-5s"`), acctest.ErrorNaming("request_timeout")},
		// trackingmore_tracking.
		{"single empty number", trackingResourceWith(`tracking_number = ""`), nil, acctest.ErrorNaming("tracking_number")},
		{"single dot-dot number", trackingResourceWith(`tracking_number = "../x"`), nil, acctest.ErrorNaming("tracking_number")},
		{"single slash number", trackingResourceWith(`tracking_number = "a/b"`), nil, acctest.ErrorNaming("tracking_number")},
		{"single padded number", trackingResourceWith(`tracking_number = " 1Z999AA10123456784 "`), nil, acctest.ErrorNaming("tracking_number")},
		{"single newline number", trackingResourceWith(`tracking_number = "1Z999AA1\n0123456784"`), nil, acctest.ErrorNaming("tracking_number")},
		{"single query number", trackingResourceWith(`tracking_number = "1Z999AA1?x=1"`), nil, acctest.ErrorNaming("tracking_number")},
		{"single encoded number", trackingResourceWith(`tracking_number = "1Z999%2F..%2F"`), nil, acctest.ErrorNaming("tracking_number")},
		{"single long number", trackingResourceWith(`tracking_number = "1Z` + strings.Repeat("9", 600) + ` x"`), nil, acctest.ErrorNaming("tracking_number")},
		{"single empty carrier", trackingResourceWith(`carrier_code = ""`), nil, acctest.ErrorNaming("carrier_code")},
		{"single traversal carrier", trackingResourceWith(`carrier_code = "../admin"`), nil, acctest.ErrorNaming("carrier_code")},
		{"single long title", trackingResourceWith(`title = "` + long + `"`), nil, acctest.ErrorNaming("title")},
		{"single control title", trackingResourceWith(`title = "bell\u0007ring"`), nil, acctest.ErrorNaming("title")},
		{"single NUL order_id", trackingResourceWith(`order_id = "SO\u0000-1"`), nil, acctest.ErrorNaming("order_id")},
		{"single blank customer_name", trackingResourceWith(`customer_name = "   "`), nil, acctest.ErrorNaming("customer_name")},
		{"single email with name", trackingResourceWith(`customer_emails = ["Jane <jane@example.com>"]`), nil, acctest.ErrorNaming("customer_emails[0]")},
		{"single two emails in one", trackingResourceWith(`customer_emails = ["a@example.com, b@example.com"]`), nil, acctest.ErrorNaming("customer_emails[0]")},
		{"single no email", trackingResourceWith(`customer_emails = []`), nil, acctest.ErrorNaming("customer_emails")},
		{"single email twice", trackingResourceWith(`customer_emails = ["a@example.com", "a@example.com"]`), nil, acctest.Wrapped("Duplicate List Value", "customer_emails")},
		{"single lowercase country", trackingResourceWith(`destination_code = "us"`), nil, acctest.ErrorNaming("destination_code")},
		{"single bad special_number_destination", trackingResourceWith(`special_number_destination = "United States"`), nil, acctest.ErrorNaming("special_number_destination")},
		{"single bad lang", trackingResourceWith(`lang = "EN"`), nil, acctest.ErrorNaming("lang")},
		{"single bad manual_status", trackingResourceWith(`manual_status = "pending"`), nil, acctest.ErrorNaming("manual_status")},
		{"single order_create_time without zone", trackingResourceWith(`order_create_time = "2026-01-31 15:04:05"`), nil, acctest.ErrorNaming("order_create_time")},
		{"single impossible ship date", trackingResourceWith(`tracking_ship_date = "20260230"`), nil, acctest.ErrorNaming("tracking_ship_date")},
		{"single dashed ship date", trackingResourceWith(`tracking_ship_date = "2026-01-31"`), nil, acctest.ErrorNaming("tracking_ship_date")},
		{"single postal code injection", trackingResourceWith(`tracking_postal_code = "1234'; DROP"`), nil, acctest.ErrorNaming("tracking_postal_code")},
		{"single account number spaces", trackingResourceWith(`tracking_account_number = "acct 1"`), nil, acctest.ErrorNaming("tracking_account_number")},
		{"single multi-line comment", trackingResourceWith(`comment = "line\nbreak"`), nil, acctest.ErrorNaming("comment")},
		{"single short number", trackingResourceWith(`tracking_number = "1Z9"`), nil, acctest.ErrorNaming("tracking_number")},
		{"single spaced number", trackingResourceWith(`tracking_number = "1Z999 AA101"`), nil, acctest.ErrorNaming("tracking_number")},
		{"single uppercase carrier", trackingResourceWith(`carrier_code = "UPS"`), nil, acctest.ErrorNaming("carrier_code")},
		{"single bare-word email", trackingResourceWith(`customer_emails = ["jane@example.com", "not-an-email"]`), nil, acctest.ErrorNaming("customer_emails[1]")},
		{"single 3-letter country", trackingResourceWith(`destination_code = "USA"`), nil, acctest.ErrorNaming("destination_code")},
		{"single empty title", trackingResourceWith(`title = ""`), nil, acctest.ErrorNaming("title")},
		{"single word lang", trackingResourceWith(`lang = "english"`), nil, acctest.ErrorNaming("lang")},
		{"single word order_create_time", trackingResourceWith(`order_create_time = "yesterday"`), nil, acctest.ErrorNaming("order_create_time")},
		// trackingmore_trackings.
		{"bulk empty map", "resource \"trackingmore_trackings\" \"test\" {\n  trackings = {}\n}\n", nil, acctest.ErrorNaming("trackings")},
		{"bulk slash number", strings.Replace(bulk(`title = "x"`), `"1Z999AA10123456784"`, `"a/b/c"`, 1), nil, bulkItemAttr("tracking_number")},
		{"bulk uppercase carrier", strings.Replace(bulk(`title = "x"`), `"ups"`, `"UPS"`, 1), nil, bulkItemAttr("carrier_code")},
		{"bulk control phone", bulk(`customer_phone = "+1\t415"`), nil, bulkItemAttr("customer_phone")},
		{"bulk long logistics_channel", bulk(`logistics_channel = "` + long + `"`), nil, bulkItemAttr("logistics_channel")},
		{"bulk bad email", bulk(`customer_emails = ["@example.com"]`), nil, bulkItemAttr("customer_emails[0]")},
		// Data sources.
		{"data tracking traversal", "data \"trackingmore_tracking\" \"test\" {\n  carrier_code = \"ups\"\n  tracking_number = \"../../x\"\n}\n", nil, acctest.ErrorNaming("tracking_number")},
		{"data tracking bad lang", "data \"trackingmore_tracking\" \"test\" {\n  carrier_code = \"ups\"\n  tracking_number = \"1Z999AA10123456784\"\n  lang = \"../en\"\n}\n", nil, acctest.ErrorNaming("lang")},
		{"data realtime slash carrier", "data \"trackingmore_realtime_tracking\" \"test\" {\n  carrier_code = \"ups/x\"\n  tracking_number = \"1Z999AA10123456784\"\n}\n", nil, acctest.ErrorNaming("carrier_code")},
		{"data detection short number", "data \"trackingmore_carrier_detection\" \"test\" {\n  tracking_number = \"1Z\"\n}\n", nil, acctest.ErrorNaming("tracking_number")},
	}
	if len(rows) < 30 {
		t.Fatalf("only %d rows", len(rows))
	}
	reliability(t, "hostile.invalid_inputs", len(rows))
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
			config := m.ConfigWith(row.settings, row.config)
			acctest.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      config,
					PlanOnly:    true,
					ExpectError: row.expect,
				}},
			})
			m.ExpectNoCalls(t)
		})
	}
}

// trackingResourceWith renders a valid trackingmore_tracking named "test"
// with one argument line ("name = value") added or replaced.
func trackingResourceWith(line string) string {
	args := map[string]string{"tracking_number": `"1Z999AA10123456784"`, "carrier_code": `"ups"`}
	name, value, _ := strings.Cut(line, " = ")
	args[name] = value
	return acctest.HCLBlock(`resource "trackingmore_tracking" "test"`, args)
}
