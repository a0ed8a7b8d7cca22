package mockapi

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// createV4 creates a tracking through v4 and returns its object.
func (m *mock) createV4(number, courier string, extra obj) obj {
	m.t.Helper()
	body := obj{"tracking_number": number, "courier_code": courier}
	for k, v := range extra {
		body[k] = v
	}
	var out obj
	m.v4("POST", "/trackings/create", body).want(m.t, 200, &out)
	return out
}

// listV4 reads trackings through GET /v4/trackings/get.
func (m *mock) listV4(query string) []obj {
	m.t.Helper()
	var out []obj
	m.v4("GET", "/trackings/get?"+query, nil).want(m.t, 200, &out)
	return out
}

// getV4 reads the one tracking of a number through v4.
func (m *mock) getV4(number string) obj {
	m.t.Helper()
	items := m.listV4("tracking_numbers=" + number)
	if len(items) != 1 {
		m.t.Fatalf("%d trackings of %s, want 1", len(items), number)
	}
	return items[0]
}

// expect compares fields of got with want (JSON values; nil is null).
func expect(t *testing.T, what string, got obj, want obj) {
	t.Helper()
	for k, w := range want {
		if g, has := got[k]; !has || fmt.Sprint(g) != fmt.Sprint(w) {
			t.Errorf("%s %s = %#v, want %#v", what, k, g, w)
		}
	}
}

// stallingNumber is a number whose simulated journey with carrier stalls
// and expires.
func stallingNumber(t *testing.T, carrier string) string {
	t.Helper()
	for i := range 1000 {
		n := fmt.Sprintf("STALL%05d", i)
		if buildTimeline(carrierByCode[carrier], n, false).expireAt > 0 {
			return n
		}
	}
	t.Fatal("no stalling number")
	return ""
}

func TestV4CreateAndGet(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	before := m.quota()
	got := m.createV4("RH051844173TR", "turkey-post", obj{
		"order_number": "SO-7", "order_date": "2024-02-28T10:00:00+00:00", "note": "fragile", "label": "gift",
		"customer_sms": "+4915112345", "customer_email": "a@example.com", "title": "Boots", "order_id": "#1001",
		"destination_country_iso2": "DE", "tracking_key": "k1", "recipient_postcode": "10115",
		// The official Go SDK sends "" for every field it does not set.
		"customer_name": "", "logistics_channel": "", "auto_correct": "",
	})
	expect(t, "create", got, obj{
		"tracking_number": "RH051844173TR", "courier_code": "turkey-post", "delivery_status": "pending",
		"order_number": "SO-7", "order_date": "2024-02-28T10:00:00+00:00", "note": "fragile", "label": "gift",
		"customer_sms": "+4915112345", "customer_email": "a@example.com", "title": "Boots", "order_id": "#1001",
		"destination_country": "DE", "origin_country": "TR", "tracking_key": "k1", "recipient_postcode": "10115",
		"customer_name": nil, "logistics_channel": nil, "archived": "false", "updating": true, "transit_time": 0,
		"created_at": "2024-03-01T08:00:00+00:00", "update_at": "2024-03-01T08:00:00+00:00", "substatus": nil,
	})
	if !idRe.MatchString(got["id"].(string)) {
		t.Errorf("id %v", got["id"])
	}
	if origin := got["origin_info"].(obj); origin["courier_code"] != "turkey-post" || len(origin["trackinfo"].([]any)) != 0 {
		t.Errorf("origin_info %v", origin)
	}
	if m.quota() != before-1 {
		t.Errorf("quota %d, want %d: a create costs one unit", m.quota(), before-1)
	}

	// Once the parcel moves, v4 shows its checkpoints and milestones.
	m.srv.Advance(10 * 24 * time.Hour)
	moved := m.getV4("RH051844173TR")
	if moved["id"] != got["id"] || moved["delivery_status"] == "pending" {
		t.Fatalf("after 10 days: %v", moved)
	}
	origin := moved["origin_info"].(obj)
	cps := origin["trackinfo"].([]any)
	if len(cps) == 0 {
		t.Fatal("no checkpoints after 10 days")
	}
	newest, oldest := cps[0].(obj), cps[len(cps)-1].(obj)
	if newest["checkpoint_date"] != moved["latest_checkpoint_time"] || newest["checkpoint_delivery_status"] != moved["delivery_status"] {
		t.Errorf("newest checkpoint %v, tracking %v", newest, moved)
	}
	if oldest["checkpoint_date"] != origin["milestone_date"].(obj)["pickup_date"] || oldest["country_iso2"] != "TR" || oldest["city"] != "Istanbul" {
		t.Errorf("oldest checkpoint %v, milestones %v", oldest, origin["milestone_date"])
	}
	if dest := moved["destination_info"].(obj); dest["courier_code"] != "deutsche-post" || len(dest["trackinfo"].([]any)) == 0 {
		t.Errorf("destination_info %v", dest)
	}
}

// TestV4ErrorCodes: every v4 error answers its meta code with the HTTP
// status of v4's table (checked by v4Key), and changes nothing.
func TestV4ErrorCodes(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	existing := m.createV4("EXISTING01", "dhl", nil)
	id := existing["id"].(string)
	m.createV4("EXISTING01", "ups", nil)
	unknownID := strings.Repeat("0", 32)
	for _, tc := range []struct {
		name         string
		method, path string
		body         any
		code         int
	}{
		{"bad json", "POST", "/trackings/create", `{"tracking_number":`, 400},
		{"array for object", "POST", "/trackings/create", `[1]`, 400},
		{"missing number", "POST", "/trackings/create", obj{"courier_code": "ups"}, 4111},
		{"invalid number", "POST", "/trackings/create", obj{"tracking_number": "AB 12345", "courier_code": "ups"}, 4110},
		{"number not text", "POST", "/trackings/create", obj{"tracking_number": obj{}, "courier_code": "ups"}, 4110},
		{"unknown courier", "POST", "/trackings/create", obj{"tracking_number": "AB12345", "courier_code": "nope"}, 4120},
		{"missing courier", "POST", "/trackings/create", obj{"tracking_number": "AB12345"}, 4120},
		{"duplicate", "POST", "/trackings/create", obj{"tracking_number": "EXISTING01", "courier_code": "dhl"}, 4101},
		{"bad country", "POST", "/trackings/create", obj{"tracking_number": "AB12345", "courier_code": "ups", "destination_country_iso2": "Germany"}, 4130},
		{"bad order date", "POST", "/trackings/create", obj{"tracking_number": "AB12345", "courier_code": "ups", "order_date": "yesterday"}, 4130},
		{"field not text", "POST", "/trackings/create", obj{"tracking_number": "AB12345", "courier_code": "ups", "note": obj{"a": 1}}, 4130},
		{"required fields missing", "POST", "/trackings/create", obj{"tracking_number": "AB12345", "courier_code": "hfd", "tracking_postal_code": "12345"}, 4122},
		{"list bad status", "GET", "/trackings/get?delivery_status=lost", nil, 4130},
		{"list bad date", "GET", "/trackings/get?created_date_min=1700000000", nil, 4130},
		{"list bad archived", "GET", "/trackings/get?archived_status=yes", nil, 4130},
		{"list bad page size", "GET", "/trackings/get?items_amount=0", nil, 4130},
		{"list bad page", "GET", "/trackings/get?pages_amount=x", nil, 4130},
		{"list unknown courier", "GET", "/trackings/get?courier_code=nope", nil, 4120},
		{"list 41 numbers", "GET", "/trackings/get?tracking_numbers=" + strings.Repeat("AB12345,", 40) + "AB12345", nil, 4103},
		{"batch not array", "POST", "/trackings/batch", obj{}, 400},
		{"batch empty", "POST", "/trackings/batch", []obj{}, 400},
		{"update malformed id", "PUT", "/trackings/update/xyz", obj{"title": "x"}, 4112},
		{"update unknown id", "PUT", "/trackings/update/" + unknownID, obj{"title": "x"}, 4102},
		{"update bad json", "PUT", "/trackings/update/" + id, `{`, 400},
		{"update unknown courier", "PUT", "/trackings/update/" + id, obj{"courier_code_new": "nope"}, 4120},
		{"update onto an existing tracking", "PUT", "/trackings/update/" + id, obj{"courier_code_new": "ups", "title": "x"}, 4101},
		{"update bad archived", "PUT", "/trackings/update/" + id, obj{"archived_status": "maybe", "title": "x"}, 4130},
		{"update bad country", "PUT", "/trackings/update/" + id, obj{"origin_country_iso2": "DEU"}, 4130},
		{"delete malformed id", "DELETE", "/trackings/delete/" + strings.ToUpper(id), nil, 4112},
		{"delete unknown id", "DELETE", "/trackings/delete/" + unknownID, nil, 4102},
		{"retrack not expired", "POST", "/trackings/retrack/" + id, nil, 4113},
		{"retrack unknown id", "POST", "/trackings/retrack/" + unknownID, nil, 4102},
		{"awb missing", "POST", "/awb", obj{}, 4160},
		{"awb invalid", "POST", "/awb", obj{"awb_number": "235-6903043"}, 4160},
		{"awb unknown airline", "POST", "/awb", obj{"awb_number": "000-69030430"}, 4161},
		{"detect without number", "POST", "/couriers/detect", obj{}, 4111},
		{"detect nothing", "POST", "/couriers/detect", obj{"tracking_number": "HELLO-WORLD"}, 4121},
		{"unknown path", "GET", "/nothing/here", nil, 404},
		{"v2 path on v4", "POST", "/trackings/post", obj{}, 404},
		{"wrong method", "GET", "/trackings/create", nil, 400},
		{"wrong method with id", "GET", "/trackings/update/" + id, nil, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m.v4(tc.method, tc.path, tc.body).want(t, tc.code, nil)
		})
	}
	if n := m.srv.TrackingCount(); n != 2 {
		t.Errorf("%d trackings after failed calls, want 2", n)
	}
	if got := m.listV4("tracking_numbers=EXISTING01&courier_code=dhl"); len(got) != 1 || got[0]["title"] != nil || got[0]["archived"] != "false" {
		t.Errorf("a failed update changed the tracking: %v", got)
	}
}

func TestV4Auth(t *testing.T) {
	m := newMock(t, Options{APIKeys: []string{"good"}, Limits: NoLimits})
	m.v4Key("", "GET", "/couriers/all", nil).want(t, 401, nil)
	m.v4Key("bad", "GET", "/couriers/all", nil).want(t, 401, nil)
	m.v4Key("good", "GET", "/couriers/all", nil).want(t, 200, nil)

	// Each version reads its own header only.
	req, _ := http.NewRequest("GET", m.url+"/v4/couriers/all", nil)
	req.Header.Set("Trackingmore-Api-Key", "good")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("v2's header on /v4: HTTP %d, want 401", resp.StatusCode)
	}
	m.callKey("good", "GET", "/carriers", nil).want(t, 200, nil)

	// Out of quota: 4190.
	m.srv.SetQuota(0)
	m.v4Key("good", "POST", "/trackings/create", obj{"tracking_number": "QUOTA00001", "courier_code": "ups"}).want(t, 4190, nil)
}

// TestV2ThenV4: a tracking created and changed through v2 reads the same
// through v4: one id, its fields under v4's names, one status.
func TestV2ThenV4(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	v2 := m.create("LZ448865302CN", "china-ems", obj{
		"title": "Boots", "order_id": "#1", "customer_name": "Ann", "customer_email": "a@x.io",
		"logistics_channel": "air", "destination_code": "US", "tracking_postal_code": "10001",
		"tracking_account_number": "acct", "specialNumberDestination": "US", "comment": "v2 only",
	})
	m.call("PUT", "/trackings/china-ems/LZ448865302CN", obj{"archived": "true"}).want(t, 200, nil)
	m.srv.Advance(5 * 24 * time.Hour)
	got := m.getV4("LZ448865302CN")
	old := m.get("china-ems", "LZ448865302CN")
	expect(t, "v4", got, obj{
		"id": v2["id"], "courier_code": "china-ems", "title": "Boots", "order_id": "#1", "customer_name": "Ann",
		"customer_email": "a@x.io", "logistics_channel": "air", "destination_country": "US",
		"tracking_postal_code": "10001", "tracking_courier_account": "acct", "tracking_destination_country": "US",
		"archived": "true", "created_at": old["created_at"], "update_at": old["updated_at"],
		"delivery_status": old["status"], "substatus": old["substatus"], "origin_country": "CN",
		"transit_time": old["itemTimeLength"], "note": nil, "order_number": nil,
	})
	if _, has := got["comment"]; has {
		t.Error("v4 shows v2's comment")
	}
	// The same checkpoints, in v4's shape.
	v2cps, v4cps := old["origin_info"].(obj)["trackinfo"].([]any), got["origin_info"].(obj)["trackinfo"].([]any)
	if len(v2cps) == 0 || len(v2cps) != len(v4cps) {
		t.Fatalf("%d v2 checkpoints, %d v4", len(v2cps), len(v4cps))
	}
	for i := range v2cps {
		a, b := v2cps[i].(obj), v4cps[i].(obj)
		if a["StatusDescription"] != b["tracking_detail"] || a["Details"] != b["location"] || a["checkpoint_status"] != b["checkpoint_delivery_status"] {
			t.Errorf("checkpoint %d: v2 %v, v4 %v", i, a, b)
		}
	}
	for _, q := range []string{"archived_status=true", "courier_code=china-ems", "delivery_status=" + old["status"].(string), "created_date_min=2024-03-01T08:00:00%2B00:00"} {
		if n := len(m.listV4(q)); n != 1 {
			t.Errorf("%s: %d trackings, want 1", q, n)
		}
	}
}

// TestV4ThenV2: a tracking created through v4 reads the same through v2,
// without v4's own fields, and the v4 ones survive a v2 update.
func TestV4ThenV2(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	v4 := m.createV4("1Z999AA10123456784", "ups", obj{
		"title": "Lamp", "order_id": "#2", "customer_name": "Bo", "customer_email": "b@x.io", "logistics_channel": "ground",
		"destination_country_iso2": "CA", "origin_country_iso2": "MX", "tracking_ship_date": "20240301",
		"note": "v4 only", "customer_sms": "+1555", "order_number": "SO-9", "language": "en",
	})
	m.srv.Advance(48 * time.Hour)
	got := m.get("ups", "1Z999AA10123456784")
	expect(t, "v2", got, obj{
		"id": v4["id"], "title": "Lamp", "order_id": "#2", "customer_name": "Bo", "customer_email": "b@x.io",
		"logistics_channel": "ground", "destination_code": "CA", "destination_country": "Canada",
		"original_country": "Mexico", "archived": false, "created_at": v4["created_at"], "updated_at": v4["update_at"],
	})
	for _, f := range []string{"note", "customer_sms", "order_number", "lang"} {
		if _, has := got[f]; has {
			t.Errorf("v2 shows v4's %s", f)
		}
	}
	if again := m.getV4("1Z999AA10123456784"); again["delivery_status"] != got["status"] {
		t.Errorf("v4 status %v, v2 %v", again["delivery_status"], got["status"])
	}
	m.call("PUT", "/trackings/ups/1Z999AA10123456784", obj{"title": "", "status": 4}).want(t, 200, nil)
	after := m.getV4("1Z999AA10123456784")
	expect(t, "v4 after a v2 PUT", after, obj{"title": nil, "delivery_status": "delivered", "note": "v4 only", "order_number": "SO-9"})
}

// TestV4UpdateSeenByV2: a v4 update, carrier change included, is what v2
// reads next; the echo names what changed.
func TestV4UpdateSeenByV2(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	v2 := m.create("UPDATE0001", "dhl", obj{"title": "old", "customer_name": "Ann"})
	id := v2["id"].(string)
	m.srv.Advance(time.Hour)
	var echo obj
	m.v4("PUT", "/trackings/update/"+id, obj{
		"title": "new", "customer_name": "", "note": "n", "courier_code_new": "fedex", "archived_status": "true",
		"destination_country_iso2": "FR",
	}).want(t, 200, &echo)
	expect(t, "echo", echo, obj{
		"id": id, "tracking_number": "UPDATE0001", "courier_code": "dhl", "courier_code_new": "fedex",
		"title": "new", "note": "n", "archived_status": "true", "destination_country_iso2": "FR",
	})
	if _, has := echo["customer_name"]; has {
		t.Error(`the echo names customer_name, sent as "" (not sent)`)
	}
	m.call("GET", "/trackings/dhl/UPDATE0001", nil).want(t, 4031, nil)
	got := m.get("fedex", "UPDATE0001")
	expect(t, "v2", got, obj{
		"id": id, "title": "new", "customer_name": "Ann", "archived": true, "destination_code": "FR",
		"updated_at": "2024-03-01T09:00:00+00:00",
	})
	if n := len(m.listV4("courier_code=fedex&updated_date_min=2024-03-01T09:00:00Z")); n != 1 {
		t.Errorf("%d trackings updated since 09:00, want 1", n)
	}

	// An update that changes nothing keeps update_at.
	m.srv.Advance(time.Hour)
	m.v4("PUT", "/trackings/update/"+id, obj{"title": "new", "courier_code_new": ""}).want(t, 200, nil)
	if got := m.get("fedex", "UPDATE0001"); got["updated_at"] != "2024-03-01T09:00:00+00:00" {
		t.Errorf("updated_at %v after an update that changed nothing", got["updated_at"])
	}
}

func TestV4Delete(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	v2 := m.create("DELETE0001", "dhl", nil)
	var gone obj
	m.v4("DELETE", "/trackings/delete/"+v2["id"].(string), nil).want(t, 200, &gone)
	expect(t, "delete", gone, obj{"id": v2["id"], "tracking_number": "DELETE0001", "courier_code": "dhl"})
	m.call("GET", "/trackings/dhl/DELETE0001", nil).want(t, 4031, nil)
	m.v4("DELETE", "/trackings/delete/"+v2["id"].(string), nil).want(t, 4102, nil)
	m.create("DELETE0001", "dhl", nil) // the number is free again, with a new id
	if got := m.getV4("DELETE0001"); got["id"] == v2["id"] {
		t.Error("a new tracking took the deleted one's id")
	}
}

func TestV4Batch(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits, Quota: ptr[int64](10)})
	dup := m.create("BATCH00001", "dhl", nil)
	var res struct {
		Success []obj `json:"success"`
		Error   []obj `json:"error"`
	}
	m.v4("POST", "/trackings/batch", []obj{
		{"tracking_number": "BATCH00002", "courier_code": "dhl", "note": "kept"},
		{"tracking_number": "BATCH00001", "courier_code": "dhl"},
		{"tracking_number": "x", "courier_code": "dhl"},
		{"tracking_number": "BATCH00003", "courier_code": "ups"},
	}).want(t, 200, &res)
	if len(res.Success) != 2 || len(res.Error) != 2 {
		t.Fatalf("batch %+v", res)
	}
	if s := res.Success[0]; s["tracking_number"] != "BATCH00002" || !idRe.MatchString(s["id"].(string)) {
		t.Errorf("success %v", s)
	}
	expect(t, "duplicate", res.Error[0], obj{"id": dup["id"], "tracking_number": "BATCH00001", "courier_code": "dhl", "errorCode": 4101})
	expect(t, "invalid", res.Error[1], obj{"id": "", "errorCode": 4110})
	if m.quota() != 7 || m.getV4("BATCH00002")["note"] != "kept" {
		t.Errorf("quota %d, want 7 (one unit per created tracking)", m.quota())
	}

	over := make([]obj, 41)
	for i := range over {
		over[i] = obj{"tracking_number": fmt.Sprintf("OVER%06d", i), "courier_code": "dhl"}
	}
	m.v4("POST", "/trackings/batch", over).want(t, 4103, nil)
	if n := m.srv.TrackingCount(); n != 3 {
		t.Errorf("%d trackings after a batch over 40, want 3", n)
	}
}

func TestV4ListPages(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	for i := range 5 {
		m.createV4(fmt.Sprintf("PAGE%06d", i), "dhl", nil)
	}
	page := m.listV4("items_amount=2&pages_amount=3")
	if len(page) != 1 || page[0]["tracking_number"] != "PAGE000004" {
		t.Errorf("page 3 of 2: %v", page)
	}
	if all := m.listV4(""); len(all) != 5 || all[0]["tracking_number"] != "PAGE000000" {
		t.Errorf("default page: %d items", len(all))
	}
	if some := m.listV4("tracking_numbers=PAGE000001,PAGE000003,NOTTHERE1"); len(some) != 2 {
		t.Errorf("by numbers: %d items, want 2", len(some))
	}
	// An offset sent unencoded arrives as a space: it still reads.
	for q, want := range map[string]int{
		"created_date_max=2024-03-01T07:59:59+00:00": 0,
		"created_date_min=2024-03-01":                5,
		"created_date_min=2024-03-02T00:00:00Z":      0,
		"updated_date_max=2024-03-01T08:00:00Z":      5,
	} {
		if n := len(m.listV4(q)); n != want {
			t.Errorf("%s: %d items, want %d", q, n, want)
		}
	}
}

func TestV4Retrack(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	number := stallingNumber(t, "dhl")
	id := m.createV4(number, "dhl", nil)["id"].(string)
	m.v4("POST", "/trackings/retrack/"+id, nil).want(t, 4113, nil)
	m.srv.Advance(expressExpiry + time.Hour)
	var got obj
	m.v4("POST", "/trackings/retrack/"+id, nil).want(t, 200, &got)
	if got["id"] != id || got["delivery_status"] != "expired" {
		t.Errorf("retrack answered %v", got)
	}
}

func TestV4CouriersAndDetect(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	before := m.quota()
	var all []obj
	m.v4("GET", "/couriers/all", nil).want(t, 200, &all)
	if len(all) != len(catalogue) || len(all) != 1085 {
		t.Fatalf("%d couriers", len(all))
	}
	expect(t, "first courier", all[0], obj{
		"courier_code": "ups", "courier_name": catalogue[0].Name, "courier_country_iso2": "US", "courier_type": "express",
		"courier_url": "https://www.ups.com", "courier_phone": "+1 800 742 5877", "default_language": "en",
	})
	for _, c := range all {
		if c["courier_code"] == "hfd" && fmt.Sprint(c["tracking_required_fields"]) != "[tracking_postal_code tracking_courier_account]" {
			t.Errorf("hfd requires %v", c["tracking_required_fields"])
		}
	}
	var found []obj
	m.v4("POST", "/couriers/detect", obj{"tracking_number": "LZ448865302CN"}).want(t, 200, &found)
	if len(found) != 2 || found[0]["courier_code"] != "china-ems" || found[1]["courier_code"] != "china-post" || found[0]["courier_logo"] == "" {
		t.Errorf("detect %v", found)
	}
	for range 6 {
		m.v4("POST", "/couriers/detect", obj{"tracking_number": "1Z999AA10123456784"}).want(t, 200, nil)
	}
	if m.quota() != before {
		t.Errorf("quota %d, want %d: detection is free in v4", m.quota(), before)
	}
	// A carrier's required fields, under v4's names, make a create valid.
	m.createV4("HFD0000001", "hfd", obj{"tracking_postal_code": "12345", "tracking_courier_account": "A1"})
}

func TestV4Awb(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	before := m.quota()
	var awb obj
	m.v4("POST", "/awb", obj{"awb_number": "235-69030430"}).want(t, 200, &awb)
	expect(t, "awb", awb, obj{"awb_number": "235-69030430", "origin": "IST", "airline_info": map[string]any{"name": "TK", "url": "", "track_url": "", "trackpage_url2": ""}})
	for _, f := range []string{"status_number", "weight", "piece", "awb_status", "last_event"} {
		if s, isText := awb[f].(string); !isText || s == "" {
			t.Errorf("%s = %#v, want text", f, awb[f])
		}
	}
	if len(awb["track_info"].([]any)) != 5 || len(awb["flight_info_new"].([]any)) != 1 || len(awb["flight_info"].(obj)) != 1 {
		t.Errorf("awb %v", awb)
	}
	if m.quota() != before-20 {
		t.Errorf("quota %d, want %d", m.quota(), before-20)
	}
}

// TestV4DefaultLimits: v4's documented budget, 10 requests/s per account
// with create at 3/s, in buckets of its own beside v2's.
func TestV4DefaultLimits(t *testing.T) {
	m := newMock(t, Options{}) // zero Limits: TrackingMore's defaults
	for range 10 {
		m.v4("GET", "/couriers/all", nil).want(t, 200, nil)
	}
	a := m.v4("GET", "/trackings/get", nil)
	a.want(t, 429, nil)
	if a.header.Get("Retry-After") != "" {
		t.Errorf("Retry-After %q", a.header.Get("Retry-After"))
	}
	m.call("GET", "/carriers", nil).want(t, 200, nil) // v2 has its own budget
	m.v4Key("other-key", "GET", "/couriers/all", nil).want(t, 200, nil)
	m.clock.Add(100 * time.Millisecond) // one token back
	m.v4("GET", "/couriers/all", nil).want(t, 200, nil)
	m.v4("GET", "/couriers/all", nil).want(t, 429, nil)

	m.clock.Add(time.Second)
	for i, want := range []int{200, 200, 200, 429} {
		body := obj{"tracking_number": fmt.Sprintf("LIMIT%05d", i), "courier_code": "dhl"}
		if code := m.v4("POST", "/trackings/create", body).Meta.Code; code != want {
			t.Errorf("create %d: %d, want %d", i, code, want)
		}
	}
	m.v4("GET", "/couriers/all", nil).want(t, 200, nil) // other endpoints still have budget
	m.clock.Add(334 * time.Millisecond)                 // one create token back
	m.v4("POST", "/trackings/create", obj{"tracking_number": "LIMIT00009", "courier_code": "dhl"}).want(t, 200, nil)
	if st := m.srv.Stats(); st.Throttled != 3 || st.ByEndpoint["POST /v4/trackings/create"] != 5 || st.ByEndpoint["GET /carriers"] != 1 {
		t.Errorf("stats %+v", st)
	}

	raised := newMock(t, Options{Limits: Limits{V4RateLimit: 20}})
	for range 20 {
		raised.v4("GET", "/couriers/all", nil).want(t, 200, nil)
	}
	raised.v4("GET", "/couriers/all", nil).want(t, 429, nil)
	var set struct {
		Limits limitSettings `json:"limits"`
	}
	raised.admin("POST", "faults", obj{"limits": obj{"v4_rate_limit": 0}}, &set)
	if *set.Limits.V4RateLimit != DefaultV4RateLimit || raised.srv.Limits().V4RateLimit != 0 {
		t.Errorf("v4_rate_limit 0 answered %v, want the default", *set.Limits.V4RateLimit)
	}
}

func TestV4Faults(t *testing.T) {
	m := newMock(t, Options{Faults: Faults{ErrorRate: 1}, Limits: NoLimits, HTTPStatusMode: false})
	for range 4 {
		if a := m.v4("POST", "/trackings/create", obj{"tracking_number": "FAULT00001", "courier_code": "ups"}); a.Meta.Code != 511 && a.Meta.Code != 512 {
			t.Errorf("meta %d", a.Meta.Code)
		}
	}
	m.srv.SetFaults(Faults{ThrottleRate: 1})
	m.v4("GET", "/couriers/all", nil).want(t, 429, nil)
	m.srv.SetFaults(Faults{ResetAfterWriteRate: 1})
	if resp, err := m.send(testKey, "POST", "/v4/trackings/create", obj{"tracking_number": "FAULT00001", "courier_code": "ups"}); err == nil {
		resp.Body.Close()
		t.Fatal("connection not dropped")
	}
	if m.srv.TrackingCount() != 1 {
		t.Error("the write was not performed")
	}
	if st := m.srv.Stats(); st.Faults != 5 || st.Throttled != 1 || st.ByKey[KeyLabel(testKey)].ByEndpoint["POST /v4/trackings/create"] != 5 {
		t.Errorf("stats %+v", st)
	}
}

// TestV4StateFile: v4's own fields survive a restart, and a state file
// written before v4 loads, its trackings addressable by id.
func TestV4StateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	m := newMock(t, Options{StateFile: path, Limits: NoLimits})
	v4 := m.createV4("1234567890", "dhl", obj{"note": "kept", "customer_sms": "+1555", "origin_country_iso2": "GB", "label": "L"})
	again := newMock(t, Options{StateFile: path, Now: m.clock.Now, Limits: NoLimits})
	expect(t, "after restart", again.getV4("1234567890"), obj{"id": v4["id"], "note": "kept", "customer_sms": "+1555", "origin_country": "GB", "label": "L"})

	old := filepath.Join(t.TempDir(), "v2-era.json")
	if err := os.WriteFile(old, []byte(`{"version":1,"offset_ns":0,"quota":100,"accounts":[{"key":"test-key",
		"regtime":"2024-03-01T08:00:00Z","quota":99,"offset_ns":0,"seq":1,"meters":{},"trackings":[{"id":"0123456789abcdef0123456789abcdef",
		"number":"RH051844173TR","carrier":"turkey-post","fields":{"title":"t","comment":"c"},
		"created_at":"2024-03-01T08:00:00Z","updated_at":"2024-03-01T08:00:00Z"}]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	loaded := newMock(t, Options{StateFile: old, Limits: NoLimits})
	loaded.v4("PUT", "/trackings/update/0123456789abcdef0123456789abcdef", obj{"note": "n"}).want(t, 200, nil)
	expect(t, "a v2-era tracking", loaded.getV4("RH051844173TR"), obj{"title": "t", "note": "n"})
}
