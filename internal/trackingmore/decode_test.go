package trackingmore

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

func testClient(t testing.TB) *Client {
	t.Helper()
	c, err := New(Config{APIKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFixtures(t *testing.T) {
	c := testClient(t)
	decode := func(name string, out any) error {
		return c.decode("GET", "/x", 200, []byte(fixture(t, name)), false, out)
	}

	var created Tracking
	if err := decode("create.json", &created); err != nil {
		t.Fatal(err)
	}
	if created.ID != "376c250081c4553cb197894fa49d888a" || created.TrackingNumber != "8000311584581" ||
		created.CarrierCode != "turkey-post" || created.Status != "pending" || created.CustomerEmail != nil ||
		created.CreatedAt != "2017-07-05T10:00:50+00:00" {
		t.Errorf("create: %+v", created)
	}

	var dup Tracking
	err := decode("create_duplicate.json", &dup)
	if !IsAlreadyExists(err) || wasRetried(err) {
		t.Fatalf("duplicate: %v", err)
	}
	if got, want := err.Error(), "TrackingMore API: Tracking already exists (code 4016, GET /x)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}

	var batch batchCreateData
	if err := decode("batch_partial.json", &batch); err != nil {
		t.Fatal(err)
	}
	if batch.Submitted != 3 || batch.Added != 2 || len(batch.Trackings) != 1 || batch.Trackings[0].TrackingNumber != "RH051844173TR" ||
		len(batch.Errors) != 1 || batch.Errors[0].Code != 4016 || batch.Errors[0].TrackingNumber != "8000311584582221" {
		t.Errorf("batch: %+v", batch)
	}

	var page TrackingPage
	if err := decode("list_page.json", &page); err != nil {
		t.Fatal(err)
	}
	if page.Total != 3 || page.Count != 3 || page.Limit != 4 || len(page.Items) != 1 {
		t.Fatalf("page: %+v", page)
	}
	item := page.Items[0]
	if item.Status != "pickup" || item.TrackUpdate == nil || !*item.TrackUpdate || item.Archived || item.ItemTimeLength != 79 ||
		item.StayTimeLength != 26 || item.OrderID != "" || item.OriginInfo == nil || item.OriginInfo.Phone != "+86 4009 565656" ||
		len(item.OriginInfo.TrackInfo) != 1 || item.OriginInfo.TrackInfo[0].CheckpointStatus != "pickup" || item.DestinationInfo != nil {
		t.Errorf("list item: %+v", item)
	}

	if err := decode("change_carrier.json", nil); err != nil {
		t.Errorf("change carrier: %v", err)
	}

	var rt struct {
		Items []Tracking `json:"items"`
	}
	if err := decode("realtime_null_destination.json", &rt); err != nil {
		t.Fatal(err)
	}
	if len(rt.Items) != 1 || rt.Items[0].DestinationInfo == nil || rt.Items[0].DestinationInfo.TrackInfo != nil ||
		rt.Items[0].DestinationInfo.Weblink != "" || len(rt.Items[0].OriginInfo.TrackInfo) != 1 {
		t.Errorf("realtime: %+v", rt)
	}
}

func TestFlexString(t *testing.T) {
	for in, want := range map[string]string{
		`"a@b.c"`:              "a@b.c",
		`["a@b.c","d@e.f"]`:    "a@b.c,d@e.f",
		`["a@b.c", null, ""]`:  "a@b.c",
		`[]`:                   "",
		`null`:                 "",
		`8613800138000`:        "8613800138000",
		`4`:                    "4",
		`1.5`:                  "1.5",
		`true`:                 "true",
		`false`:                "false",
		`"pending"`:            "pending",
		`"\u00e9t\u00e9"`:      "été",
		`[["a"],["b","c"], 1]`: "a,b,c,1",
	} {
		var s FlexString
		if err := json.Unmarshal([]byte(in), &s); err != nil || s.String() != want {
			t.Errorf("FlexString(%s) = %q, %v; want %q", in, s, err, want)
		}
	}
	var s FlexString
	if err := json.Unmarshal([]byte(`{"a":1}`), &s); err == nil {
		t.Error("FlexString accepted an object")
	}
}

func TestFlexInt(t *testing.T) {
	for in, want := range map[string]int64{
		`3`: 3, `"3"`: 3, `" 42 "`: 42, `""`: 0, `null`: 0, `-7`: -7, `2.9`: 2, `"1e3"`: 1000,
		`"abc"`: 0, `true`: 1, `false`: 0, `1e300`: 1<<63 - 1, `"9223372036854775807"`: 1<<63 - 1,
	} {
		var n FlexInt
		if err := json.Unmarshal([]byte(in), &n); err != nil || int64(n) != want {
			t.Errorf("FlexInt(%s) = %d, %v; want %d", in, n, err, want)
		}
	}
	for _, in := range []string{`[]`, `{}`, `[1]`} {
		var n FlexInt
		if err := json.Unmarshal([]byte(in), &n); err == nil {
			t.Errorf("FlexInt accepted %s", in)
		}
	}
	if FlexInt(12).String() != "12" {
		t.Error("FlexInt.String")
	}
}

func TestFlexBool(t *testing.T) {
	for in, want := range map[string]bool{
		`true`: true, `false`: false, `"true"`: true, `"false"`: false, `"1"`: true, `"0"`: false,
		`1`: true, `0`: false, `null`: false, `""`: false, `"TRUE"`: true, `"yes"`: false, `2`: true,
	} {
		var b FlexBool
		if err := json.Unmarshal([]byte(in), &b); err != nil || bool(b) != want {
			t.Errorf("FlexBool(%s) = %v, %v; want %v", in, b, err, want)
		}
	}
	var b FlexBool
	if err := json.Unmarshal([]byte(`[true]`), &b); err == nil {
		t.Error("FlexBool accepted an array")
	}
	if FlexBool(true).String() != "true" {
		t.Error("FlexBool.String")
	}
}

func TestRequestEncoding(t *testing.T) {
	archived, status, empty := StringBool(true), ManualStatusException, ""
	b, err := json.Marshal(BatchUpdateItem{
		TrackingRef:           TrackingRef{TrackingNumber: "RH051844173TR", CarrierCode: "turkey-post"},
		UpdateTrackingRequest: UpdateTrackingRequest{Title: &empty, Archived: &archived, Status: &status},
	})
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, b, `{"tracking_number":"RH051844173TR","carrier_code":"turkey-post","title":"","archived":"true","status":7}`)
	f := StringBool(false)
	if b, _ := json.Marshal(f); string(b) != `"false"` {
		t.Errorf("StringBool(false) = %s", b)
	}
}

// TestTolerantTracking covers every [varies] form of the contract.
func TestTolerantTracking(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		check    func(Tracking) bool
	}{
		{"email string", `{"customer_email":"a@b.c"}`, func(t Tracking) bool { return slices.Equal(t.CustomerEmail, EmailList{"a@b.c"}) }},
		{"email array", `{"customer_email":["a@b.c","d@e.f"]}`, func(t Tracking) bool { return slices.Equal(t.CustomerEmail, EmailList{"a@b.c", "d@e.f"}) }},
		{"email joined string", `{"customer_email":"a@b.c, d@e.f"}`, func(t Tracking) bool { return slices.Equal(t.CustomerEmail, EmailList{"a@b.c", "d@e.f"}) }},
		{"email null", `{"customer_email":null}`, func(t Tracking) bool { return t.CustomerEmail == nil }},
		{"status number", `{"status":7}`, func(t Tracking) bool { return t.Status == "7" }},
		{"status string", `{"status":"delivered"}`, func(t Tracking) bool { return t.Status == "delivered" }},
		{"phone number", `{"customer_phone":8613800138000}`, func(t Tracking) bool { return t.CustomerPhone == "8613800138000" }},
		{"carrier phone number", `{"origin_info":{"phone":4009565656}}`, func(t Tracking) bool { return t.OriginInfo.Phone == "4009565656" }},
		{"archived string", `{"archived":"true"}`, func(t Tracking) bool { return bool(t.Archived) }},
		{"archived bool", `{"archived":true}`, func(t Tracking) bool { return bool(t.Archived) }},
		{"archived false string", `{"archived":"false"}`, func(t Tracking) bool { return !bool(t.Archived) }},
		{"trackinfo null", `{"origin_info":{"trackinfo":null}}`, func(t Tracking) bool { return t.OriginInfo != nil && t.OriginInfo.TrackInfo == nil }},
		{"carrier info []", `{"origin_info":[],"destination_info":""}`, func(t Tracking) bool { return t.OriginInfo != nil && t.OriginInfo.Weblink == "" }},
		{"destination echo", `{"destination":"US"}`, func(t Tracking) bool { return t.DestinationCode == "US" }},
		{"destination_code wins", `{"destination":"US","destination_code":"DE"}`, func(t Tracking) bool { return t.DestinationCode == "DE" }},
		{"lengths as strings", `{"itemTimeLength":"79","stayTimeLength":""}`, func(t Tracking) bool { return t.ItemTimeLength == 79 && t.StayTimeLength == 0 }},
		{"track_update string", `{"track_update":"1"}`, func(t Tracking) bool { return t.TrackUpdate != nil && bool(*t.TrackUpdate) }},
	} {
		var tr Tracking
		if err := json.Unmarshal([]byte(tc.in), &tr); err != nil || !tc.check(tr) {
			t.Errorf("%s: %+v, %v", tc.name, tr, err)
		}
	}
}

func TestDecodeEnvelope(t *testing.T) {
	c := testClient(t)
	for _, tc := range []struct {
		name   string
		status int
		body   string
		check  func(error, *Tracking) bool
	}{
		{"data [] on success where an object is expected", 200, `{"meta":{"code":200},"data":[]}`, func(err error, tr *Tracking) bool { return err == nil && tr.ID == "" }},
		{"data missing", 200, `{"meta":{"code":200}}`, func(err error, _ *Tracking) bool { return err == nil }},
		{"code as string", 200, `{"meta":{"code":"4031","message":"Tracking No Found"},"data":[]}`, func(err error, _ *Tracking) bool { return IsNotFound(err) }},
		{"error with object data", 200, `{"meta":{"code":4017,"message":"no"},"data":{"x":1}}`, func(err error, _ *Tracking) bool { return IsNotFound(err) }},
		{"202 over limit is an error", 200, `{"meta":{"code":202,"message":"over 40"},"data":[]}`, func(err error, _ *Tracking) bool { return hasCode(err, false, 202) }},
		{"201 is success", 200, `{"meta":{"code":201},"data":{"id":"x"}}`, func(err error, tr *Tracking) bool { return err == nil && tr.ID == "x" }},
		{"meta decoded whatever the HTTP status", 404, `{"meta":{"code":4031},"data":[]}`, func(err error, _ *Tracking) bool { return IsNotFound(err) }},
		{"HTML 404 is not not-found", 404, `<html>404</html>`, func(err error, _ *Tracking) bool {
			var e *APIError
			return !IsNotFound(err) && errors.As(err, &e) && e.HTTPStatus == 404 && e.Code == 0
		}},
		{"HTTP 401 without envelope", 401, ``, func(err error, _ *Tracking) bool { return IsUnauthorized(err) }},
		{"undecodable data", 200, `{"meta":{"code":200},"data":{"id":{"x":1}}}`, func(err error, _ *Tracking) bool { return err != nil && strings.Contains(err.Error(), "undecodable") }},
	} {
		var tr Tracking
		err := c.decode("GET", "/x", tc.status, []byte(tc.body), false, &tr)
		if !tc.check(err, &tr) {
			t.Errorf("%s: %v, %+v", tc.name, err, tr)
		}
	}
}

func TestTransitTimeSharePercent(t *testing.T) {
	for _, c := range []struct {
		raw       FlexString
		delivered FlexInt
		want      float64
		ok        bool
	}{
		{"25", 200, 12.5, true},
		{"1", 3, 33.33, true},
		{"45.5%", 0, 45.5, true},
		{" 7 % ", 10, 7, true},
		{"25", 0, 0, false},
		{"", 100, 0, false},
		{"n/a", 100, 0, false},
	} {
		got, ok := TransitTime{Delivered: c.delivered}.SharePercent(c.raw)
		if got != c.want || ok != c.ok {
			t.Errorf("SharePercent(%q) of %d delivered = %v, %v; want %v, %v", c.raw, c.delivered, got, ok, c.want, c.ok)
		}
	}
}

func TestEmailListMarshal(t *testing.T) {
	for _, c := range []struct {
		list EmailList
		want string
	}{{nil, `""`}, {EmailList{"a@b.c"}, `"a@b.c"`}, {EmailList{"a@b.c", "d@e.f"}, `["a@b.c","d@e.f"]`}} {
		got, err := json.Marshal(c.list)
		if err != nil || string(got) != c.want {
			t.Errorf("Marshal(%q) = %s, %v; want %s", c.list, got, err, c.want)
		}
	}
}
