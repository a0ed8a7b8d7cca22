package mockapi

import (
	"net/http"
	"regexp"
	"strings"
	"time"
)

var v4Endpoints = []endpoint{
	{http.MethodPost, "/trackings/create", (*account).createV4, v4CreateRate},
	{http.MethodGet, "/trackings/get", (*account).listV4, 0},
	{http.MethodPost, "/trackings/batch", (*account).batchV4, 0},
	{http.MethodPut, "/trackings/update/{id}", (*account).updateV4, 0},
	{http.MethodDelete, "/trackings/delete/{id}", (*account).deleteV4, 0},
	{http.MethodPost, "/trackings/retrack/{id}", (*account).retrackV4, 0},
	{http.MethodPost, "/awb", (*account).awbV4, 0},
	{http.MethodGet, "/couriers/all", (*account).couriersV4, 0},
	{http.MethodPost, "/couriers/detect", (*account).detectV4, 0},
}

// v4Fields are v4's optional create and update fields by wire name, with
// the name the account's tracking stores each under: v2's name where v2
// has the field, so that each version reads what the other wrote; v4's
// own name for the fields only v4 has, which v2 does not show.
// customer_sms and customer_phone, note and comment, order_date and
// order_create_time stay apart [ours: nothing says they are one field].
var v4Fields = []struct{ wire, stored string }{
	{"order_id", "order_id"},
	{"title", "title"},
	{"customer_name", "customer_name"},
	{"customer_email", "customer_email"},
	{"logistics_channel", "logistics_channel"},
	{"destination_country_iso2", "destination_code"},
	{"tracking_destination_country", "specialNumberDestination"},
	{"tracking_courier_account", "tracking_account_number"},
	{"tracking_postal_code", "tracking_postal_code"},
	{"tracking_ship_date", "tracking_ship_date"},
	{"language", "lang"},
	{"order_number", "order_number"},
	{"order_date", "order_date"},
	{"origin_country_iso2", "origin_country_iso2"},
	{"customer_sms", "customer_sms"},
	{"recipient_postcode", "recipient_postcode"},
	{"tracking_origin_country", "tracking_origin_country"},
	{"tracking_key", "tracking_key"},
	{"note", "note"},
	{"label", "label"},
}

var (
	iso2Re  = regexp.MustCompile(`^[A-Za-z]{2}$`)
	idRe    = regexp.MustCompile(`^[0-9a-f]{32}$`)
	awbV4Re = regexp.MustCompile(`^[0-9]{3}[ -]?[0-9]{8}$`)
)

// maxItems caps items_amount, the page size of GET /v4/trackings/get
// [ours: v2's documented cap]; its default is v2's too, 100.
const maxItems = 2000

// v4Filter names v4's list parameters.
var v4Filter = filterParams{
	bounds: [][2]string{{"created_date", "created_at"}, {"updated_date", "update_time"}},
	parse:  isoUnix, format: "an ISO 8601 time such as 2024-03-01T08:00:00+00:00",
	status: "delivery_status", carrier: "courier_code", numbers: "tracking_numbers",
	archived: "archived_status", invalid: 4130,
}

// isoTime reads an ISO 8601 time: RFC 3339, or a date alone (midnight
// UTC). A space is read as "+": an offset sent unencoded in a query
// arrives as one.
func isoTime(v string) (time.Time, bool) {
	v = strings.ReplaceAll(v, " ", "+")
	for _, layout := range []string{time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func isoUnix(v string) (int64, bool) {
	t, ok := isoTime(v)
	return t.Unix(), ok
}

// v4Values reads the v4 fields o sends, by stored name. null and "" are
// "not sent" [ours]: the official Go SDK sends "" for every field it is
// not setting, so a v4 update never clears a field. A value that is not
// text, a country code that is not two letters or an order_date that is
// not ISO 8601 is 4130.
func v4Values(o object) (map[string]string, *reply) {
	values := map[string]string{}
	for _, f := range v4Fields {
		v, err := o.text(f.wire)
		switch {
		case err == nil && v == "":
			continue
		case err != nil,
			strings.HasSuffix(f.wire, "_iso2") && !iso2Re.MatchString(v),
			f.wire == "order_date" && !validISO(v):
			return nil, ptr(fail(4130, "The format of "+f.wire+" is invalid."))
		}
		values[f.stored] = v
	}
	return values, nil
}

func validISO(v string) bool {
	_, ok := isoTime(v)
	return ok
}

// parseCreateV4 validates a v4 create object into an unsaved record: a
// carrier whose catalogue entry names required fields needs them (4122),
// where v2 accepts the tracking and leaves it notfound.
func parseCreateV4(o object) (*tracking, *reply) {
	number, err := o.text("tracking_number")
	if err != nil {
		return nil, ptr(fail(4110))
	}
	code, _ := o.text("courier_code")
	t, bad := newTracking(number, code)
	if bad != nil {
		return nil, bad
	}
	values, bad := v4Values(o)
	if bad != nil {
		return nil, bad
	}
	t.set(values)
	if !t.queryable(carrierByCode[code]) {
		return nil, ptr(fail(4122))
	}
	return t, nil
}

// byID finds the tracking a v4 path names: 4112 for a malformed id, 4102
// for one the account does not hold [ours].
func (a *account) byID(c *call) (*tracking, *reply) {
	id := c.r.PathValue("id")
	if !idRe.MatchString(id) {
		return nil, ptr(fail(4112))
	}
	if t := a.ids[id]; t != nil {
		return t, nil
	}
	return nil, ptr(fail(4102))
}

// createV4 answers the whole tracking as it stands: delivery_status
// "pending", as through v2, since both read one simulation [ours].
func (a *account) createV4(c *call) reply {
	o, err := parseObject(c.body)
	if err != nil {
		return fail(400, err.Error())
	}
	t, bad := parseCreateV4(o)
	if bad == nil {
		bad = a.insert(t)
	}
	if bad != nil {
		return *bad
	}
	return reply{code: 200, data: viewV4(t, a.simNow()), changed: true}
}

func (a *account) listV4(c *call) reply {
	p, bad := params(c)
	if bad != nil {
		return *bad
	}
	f, bad := parseFilter(p, v4Filter)
	if bad != nil {
		return *bad
	}
	page, size, bad := paging(p, "pages_amount", "items_amount", 4130)
	if bad != nil {
		return *bad
	}
	now := a.simNow()
	items := []trackingV4{}
	for _, t := range pageOf(a.matching(f), page, min(size, maxItems)) {
		items = append(items, viewV4(t, now))
	}
	return ok(items)
}

// batchV4 creates what it can; meta is 200 even when items fail, each
// failure in error with its code [ours]. A duplicate's error carries the
// id of the tracking that exists.
func (a *account) batchV4(c *call) reply {
	items, bad := batchItems(c.body)
	if bad != nil {
		return *bad
	}
	res := struct {
		Success []idRefV4      `json:"success"`
		Error   []batchErrorV4 `json:"error"`
	}{[]idRefV4{}, []batchErrorV4{}}
	for _, o := range items {
		t, bad := parseCreateV4(o)
		if bad == nil {
			bad = a.insert(t)
		}
		if bad == nil {
			res.Success = append(res.Success, refV4(t))
			continue
		}
		e := batchErrorV4{}
		e.TrackingNumber, _ = o.text("tracking_number")
		e.CourierCode, _ = o.text("courier_code")
		e.ErrorCode, e.ErrorMessage = v4Meta(*bad)
		if dup := a.trackings[key(e.CourierCode, e.TrackingNumber)]; dup != nil && e.ErrorCode == 4101 {
			e.ID = dup.id
		}
		res.Error = append(res.Error, e)
	}
	return reply{code: 200, data: res, changed: len(res.Success) > 0}
}

// updateV4 changes any v4 field but number and courier, the carrier
// (courier_code_new) and archived_status, all or nothing. It answers id,
// tracking_number and courier_code (the carrier the call found it under)
// with every field it changed as sent.
func (a *account) updateV4(c *call) reply {
	t, bad := a.byID(c)
	if bad != nil {
		return *bad
	}
	o, err := parseObject(c.body)
	if err != nil {
		return fail(400, err.Error())
	}
	values, bad := v4Values(o)
	if bad != nil {
		return *bad
	}
	to, err := o.text("courier_code_new")
	if err != nil || (to != "" && carrierByCode[to] == nil) {
		return fail(4120, "The value of courier_code_new is invalid.")
	}
	archivedStatus, err := o.text("archived_status")
	if err != nil || (archivedStatus != "" && archivedStatus != "true" && archivedStatus != "false") {
		return fail(4130, `archived_status must be "true" or "false".`)
	}

	echo := map[string]string{"id": t.id, "tracking_number": t.number, "courier_code": t.carrier}
	if to != "" {
		if bad := a.refile(t, to); bad != nil {
			return *bad
		}
		echo["courier_code_new"] = to
	}
	changed := t.set(values)
	if archivedStatus != "" {
		echo["archived_status"] = archivedStatus
		if archived := archivedStatus == "true"; archived != t.archived {
			t.archived, changed = archived, true
		}
	}
	if changed {
		a.touch(t)
	}
	for _, f := range v4Fields {
		if v, sent := values[f.stored]; sent {
			echo[f.wire] = v
		}
	}
	return reply{code: 200, data: echo, changed: true}
}

func (a *account) deleteV4(c *call) reply {
	t, bad := a.byID(c)
	if bad != nil {
		return *bad
	}
	a.remove(t)
	return reply{code: 200, data: refV4(t), changed: true}
}

// retrackV4 accepts only an expired tracking (else 4113) and answers it.
// The simulated carrier has nothing new on a parcel whose journey
// stalled, so it stays expired, and retracking costs nothing [ours].
func (a *account) retrackV4(c *call) reply {
	t, bad := a.byID(c)
	if bad != nil {
		return *bad
	}
	now := a.simNow()
	if t.state(now).status != "expired" {
		return fail(4113)
	}
	return ok(viewV4(t, now))
}

// awbV4 tracks an air waybill of an airline the mock knows (else 4161),
// at 20 units of quota as v2's aircargo [ours].
func (a *account) awbV4(c *call) reply {
	o, err := parseObject(c.body)
	if err != nil {
		return fail(400, err.Error())
	}
	n, err := o.text("awb_number")
	if err != nil || !awbV4Re.MatchString(n) {
		return fail(4160)
	}
	airline, known := airlines[n[:3]]
	if !known {
		return fail(4161)
	}
	if !a.charge(20) {
		return fail(4190)
	}
	return ok(awbOf(cargo(n, a.simNow()), airline[0]))
}

func (a *account) couriersV4(*call) reply { return ok(catalogueV4) }

// detectV4 is free in v4.
func (a *account) detectV4(c *call) reply {
	o, err := parseObject(c.body)
	if err != nil {
		return fail(400, err.Error())
	}
	number, _ := o.text("tracking_number")
	if number == "" {
		return fail(4111)
	}
	refs := detect(number)
	if refs == nil {
		return fail(4121)
	}
	out := make([]courierV4, 0, len(refs))
	for _, r := range refs {
		out = append(out, courierV4Of(carrierByCode[r.Code]))
	}
	return ok(out)
}
