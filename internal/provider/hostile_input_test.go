package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

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
	provider := func(line string) string {
		return "provider \"trackingmore\" {\n  api_key = \"" + testAPIKey + "\"\n  " + line + "\n}\n" +
			"data \"trackingmore_user_info\" \"test\" {}\n"
	}
	keyed := func(key string) string {
		return strings.Replace(provider(""), `"`+testAPIKey+`"`, key, 1)
	}
	single := func(line string) string {
		lines := map[string]string{"tracking_number": `"1Z999AA10123456784"`, "carrier_code": `"ups"`}
		name, value, _ := strings.Cut(line, " = ")
		lines[name] = value
		var b strings.Builder
		b.WriteString("resource \"trackingmore_tracking\" \"test\" {\n")
		for _, k := range sortedKeys(lines) {
			fmt.Fprintf(&b, "  %s = %s\n", k, lines[k])
		}
		return b.String() + "}\n"
	}
	bulk := func(line string) string {
		return "resource \"trackingmore_trackings\" \"test\" {\n  trackings = {\n    a = {\n      carrier_code = \"ups\"\n" +
			"      tracking_number = \"1Z999AA10123456784\"\n      " + line + "\n    }\n  }\n}\n"
	}
	bulkItemAttr := func(attr string) *regexp.Regexp { return errorNaming(`trackings["a"].` + attr) }

	rows := []struct {
		name   string
		config string // without provider block unless it starts with one
		expect *regexp.Regexp
	}{
		// Provider block.
		{"provider empty api_key", keyed(`""`), errorNaming("api_key")},
		{"provider blank api_key", keyed(`"   "`), errorNaming("api_key")},
		{"provider ftp base_url", provider(`base_url = "ftp://api.trackingmore.com/v2"`), errorNaming("base_url")},
		{"provider relative base_url", provider(`base_url = "/v2"`), errorNaming("base_url")},
		{"provider javascript base_url", provider(`base_url = "javascript:alert(1)"`), errorNaming("base_url")},
		{"provider negative max_retries", provider(`max_retries = -1`), errorNaming("max_retries")},
		{"provider huge max_retries", provider(`max_retries = 1000000`), errorNaming("max_retries")},
		{"provider zero requests_per_second", provider(`requests_per_second = 0`), errorNaming("requests_per_second")},
		{"provider negative requests_per_second", provider(`requests_per_second = -5`), errorNaming("requests_per_second")},
		{"provider zero request_timeout", provider(`request_timeout = "0s"`), errorNaming("request_timeout")},
		{"provider word request_timeout", provider(`request_timeout = "soon"`), errorNaming("request_timeout")},
		{"provider negative request_timeout", provider(`request_timeout = "-5s"`), errorNaming("request_timeout")},
		// trackingmore_tracking.
		{"single empty number", single(`tracking_number = ""`), errorNaming("tracking_number")},
		{"single dot-dot number", single(`tracking_number = "../x"`), errorNaming("tracking_number")},
		{"single slash number", single(`tracking_number = "a/b"`), errorNaming("tracking_number")},
		{"single padded number", single(`tracking_number = " 1Z999AA10123456784 "`), errorNaming("tracking_number")},
		{"single newline number", single(`tracking_number = "1Z999AA1\n0123456784"`), errorNaming("tracking_number")},
		{"single query number", single(`tracking_number = "1Z999AA1?x=1"`), errorNaming("tracking_number")},
		{"single encoded number", single(`tracking_number = "1Z999%2F..%2F"`), errorNaming("tracking_number")},
		{"single long number", single(`tracking_number = "1Z` + strings.Repeat("9", 600) + ` x"`), errorNaming("tracking_number")},
		{"single empty carrier", single(`carrier_code = ""`), errorNaming("carrier_code")},
		{"single traversal carrier", single(`carrier_code = "../admin"`), errorNaming("carrier_code")},
		{"single long title", single(`title = "` + long + `"`), errorNaming("title")},
		{"single control title", single(`title = "bell\u0007ring"`), errorNaming("title")},
		{"single NUL order_id", single(`order_id = "SO\u0000-1"`), errorNaming("order_id")},
		{"single blank customer_name", single(`customer_name = "   "`), errorNaming("customer_name")},
		{"single email with name", single(`customer_email = "Jane <jane@example.com>"`), errorNaming("customer_email")},
		{"single two emails", single(`customer_email = "a@example.com, b@example.com"`), errorNaming("customer_email")},
		{"single lowercase country", single(`destination_code = "us"`), errorNaming("destination_code")},
		{"single bad special_number_destination", single(`special_number_destination = "United States"`), errorNaming("special_number_destination")},
		{"single bad lang", single(`lang = "EN"`), errorNaming("lang")},
		{"single bad manual_status", single(`manual_status = "pending"`), errorNaming("manual_status")},
		{"single order_create_time without zone", single(`order_create_time = "2026-01-31 15:04:05"`), errorNaming("order_create_time")},
		{"single impossible ship date", single(`tracking_ship_date = "20260230"`), errorNaming("tracking_ship_date")},
		{"single dashed ship date", single(`tracking_ship_date = "2026-01-31"`), errorNaming("tracking_ship_date")},
		{"single postal code injection", single(`tracking_postal_code = "1234'; DROP"`), errorNaming("tracking_postal_code")},
		{"single account number spaces", single(`tracking_account_number = "acct 1"`), errorNaming("tracking_account_number")},
		{"single multi-line comment", single(`comment = "line\nbreak"`), errorNaming("comment")},
		// trackingmore_trackings.
		{"bulk empty map", "resource \"trackingmore_trackings\" \"test\" {\n  trackings = {}\n}\n", errorNaming("trackings")},
		{"bulk slash number", strings.Replace(bulk(`title = "x"`), `"1Z999AA10123456784"`, `"a/b/c"`, 1), bulkItemAttr("tracking_number")},
		{"bulk uppercase carrier", strings.Replace(bulk(`title = "x"`), `"ups"`, `"UPS"`, 1), bulkItemAttr("carrier_code")},
		{"bulk control phone", bulk(`customer_phone = "+1\t415"`), bulkItemAttr("customer_phone")},
		{"bulk long logistics_channel", bulk(`logistics_channel = "` + long + `"`), bulkItemAttr("logistics_channel")},
		{"bulk bad email", bulk(`customer_email = "@example.com"`), bulkItemAttr("customer_email")},
		// Data sources.
		{"data tracking traversal", "data \"trackingmore_tracking\" \"test\" {\n  carrier_code = \"ups\"\n  tracking_number = \"../../x\"\n}\n", errorNaming("tracking_number")},
		{"data tracking bad lang", "data \"trackingmore_tracking\" \"test\" {\n  carrier_code = \"ups\"\n  tracking_number = \"1Z999AA10123456784\"\n  lang = \"../en\"\n}\n", errorNaming("lang")},
		{"data realtime slash carrier", "data \"trackingmore_realtime_tracking\" \"test\" {\n  carrier_code = \"ups/x\"\n  tracking_number = \"1Z999AA10123456784\"\n}\n", errorNaming("carrier_code")},
		{"data detection short number", "data \"trackingmore_carrier_detection\" \"test\" {\n  tracking_number = \"1Z\"\n}\n", errorNaming("tracking_number")},
	}
	if len(rows) < 30 {
		t.Fatalf("only %d rows", len(rows))
	}
	reliability(t, "hostile.invalid_inputs", len(rows))
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			m := newTestMock(t, mockapi.Options{})
			config := row.config
			if !strings.HasPrefix(config, "provider ") {
				config = m.config(config)
			} else {
				config = strings.Replace(m.config(""), m.providerConfig(), config, 1)
				// The mock's URL, unless the row is about base_url.
				config = strings.Replace(config, `api_key = "`, `base_url = "`+m.URL+`"`+"\n  api_key = \"", 1)
				if strings.Contains(row.name, "base_url") {
					config = strings.Replace(config, `base_url = "`+m.URL+`"`+"\n  ", "", 1)
				}
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      config,
					PlanOnly:    true,
					ExpectError: row.expect,
				}},
			})
			m.expectNoCalls(t)
		})
	}
}
