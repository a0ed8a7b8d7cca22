package mockapi

import (
	"crypto/md5"
	"encoding/hex"
	"strings"
	"time"
)

// tracking is one stored shipment. Optional fields live in fields under
// their create-wire names; a key that is absent answers null.
type tracking struct {
	id        string
	number    string
	carrier   string
	fields    map[string]string
	archived  bool
	manual    string     // "delivered" or "exception" after PUT status 4 or 7
	frozenAt  *time.Time // simulated time of notupdate: progress stops there
	createdAt time.Time
	updatedAt time.Time
	deleted   bool // removed from the store; still in Server.order until compacted
}

// createFields are the optional create fields, stored as sent.
var createFields = []string{
	"destination_code", "title", "logistics_channel", "customer_name", "customer_email",
	"customer_phone", "order_id", "order_create_time", "tracking_ship_date", "tracking_postal_code",
	"tracking_account_number", "specialNumberDestination", "comment", "lang",
}

// putFields are the text fields PUT and updatemore may change.
var putFields = []string{
	"title", "logistics_channel", "customer_name", "customer_email", "customer_phone", "order_id", "destination_code",
}

func (t *tracking) get(field string) *string {
	if v, ok := t.fields[field]; ok {
		return &v
	}
	return nil
}

func key(carrier, number string) string { return carrier + "/" + number }

func (t *tracking) key() string { return key(t.carrier, t.number) }

// apiTime formats created_at/updated_at the way the API does.
func apiTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05+00:00") }

// localTime formats checkpoint dates (carrier local time, no zone).
func localTime(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05") }

// set stores text fields under their stored names ("" clears one) and
// reports whether anything changed.
func (t *tracking) set(values map[string]string) bool {
	changed := false
	for f, v := range values {
		old, had := t.fields[f]
		switch {
		case v == "":
			if had {
				delete(t.fields, f)
				changed = true
			}
		case !had || old != v:
			t.fields[f] = v
			changed = true
		}
	}
	return changed
}

// newTracking validates a number and carrier code into an unsaved record
// without optional fields.
func newTracking(number, code string) (*tracking, *reply) {
	switch {
	case number == "":
		return nil, ptr(fail(4013))
	case !numberRe.MatchString(number):
		return nil, ptr(fail(4014))
	case carrierByCode[code] == nil:
		return nil, ptr(fail(4015))
	}
	return &tracking{number: number, carrier: code, fields: map[string]string{}}, nil
}

// parseCreate validates a create (or realtime) object into an unsaved record.
// orderKey names the order-id field: "order_id", or "order" for realtime.
func parseCreate(o object, orderKey string) (*tracking, *reply) {
	number, err := o.text("tracking_number")
	if err != nil {
		return nil, ptr(fail(4012, err.Error()))
	}
	code, _ := o.text("carrier_code")
	t, bad := newTracking(number, code)
	if bad != nil {
		return nil, bad
	}
	for _, f := range createFields {
		src := f
		switch {
		case f == "order_id":
			src = orderKey
		case f == "specialNumberDestination" && !o.has(f):
			src = "tracking_destination_country"
		}
		v, err := o.str(src)
		if err != nil {
			return nil, ptr(fail(4012, err.Error()))
		}
		if v != nil {
			t.fields[f] = *v
		}
	}
	return t, nil
}

func ptr[T any](v T) *T { return &v }

// hexID derives a 32-hex-digit id, deterministic for a given seed.
func hexID(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

func (t *tracking) createEcho() createEcho {
	return createEcho{
		ID: t.id, TrackingNumber: t.number, CarrierCode: t.carrier, Status: "pending", CreatedAt: apiTime(t.createdAt),
		CustomerEmail: t.get("customer_email"), CustomerName: t.get("customer_name"),
		OrderID: t.get("order_id"), Title: t.get("title"),
		Destination: t.get("destination_code"), LogisticsChannel: t.get("logistics_channel"),
		CustomerPhone: t.get("customer_phone"), OrderCreateTime: t.get("order_create_time"),
		TrackingShipDate: t.get("tracking_ship_date"), TrackingPostalCode: t.get("tracking_postal_code"),
		TrackingAccountNumber:    t.get("tracking_account_number"),
		SpecialNumberDestination: t.get("specialNumberDestination"), Comment: t.get("comment"),
	}
}

// destination is the upper-cased destination country code, "" if unset.
func (t *tracking) destination() string {
	for _, f := range []string{"destination_code", "specialNumberDestination"} {
		if v := t.fields[f]; v != "" {
			return strings.ToUpper(v)
		}
	}
	return ""
}
