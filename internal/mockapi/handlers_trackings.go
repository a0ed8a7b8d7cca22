package mockapi

import (
	"encoding/json"
	"time"
)

func (a *account) createTracking(c *call) reply {
	o, err := parseObject(c.body)
	if err != nil {
		return fail(4012)
	}
	t, bad := parseCreate(o, "order_id")
	if bad == nil {
		bad = a.insert(t)
	}
	if bad != nil {
		return *bad
	}
	return reply{code: 200, data: t.createEcho(), changed: true}
}

func (a *account) getTracking(c *call) reply {
	t := a.trackings[key(c.carrier, c.number)]
	if t == nil {
		return fail(4031)
	}
	return ok(view(t, a.simNow()))
}

func (a *account) putTracking(c *call) reply {
	t := a.trackings[key(c.carrier, c.number)]
	if t == nil {
		return fail(4017)
	}
	o, err := parseObject(c.body)
	if err != nil {
		return fail(4012)
	}
	echo, bad := a.update(t, o)
	if bad != nil {
		return *bad
	}
	return reply{code: 200, data: echo, changed: true}
}

func (a *account) deleteTracking(c *call) reply {
	t := a.trackings[key(c.carrier, c.number)]
	if t == nil {
		return fail(4017)
	}
	a.remove(t)
	return reply{code: 200, changed: true}
}

// update applies PUT fields to t, all or nothing, and returns the PUT echo.
// A text field sent as "" is cleared; null was dropped as not sent.
func (a *account) update(t *tracking, o object) (putEcho, *reply) {
	texts := map[string]string{}
	for _, f := range putFields {
		if o.has(f) {
			v, err := o.text(f)
			if err != nil {
				return putEcho{}, ptr(fail(4012, err.Error()))
			}
			texts[f] = v
		}
	}
	archived := t.archived
	if raw, sent := o["archived"]; sent {
		v, _ := rawText(raw)
		if v == nil || (*v != "true" && *v != "false") {
			return putEcho{}, ptr(fail(4012, `archived must be "true" or "false".`))
		}
		archived = *v == "true"
	}
	manual := t.manual
	if raw, sent := o["status"]; sent {
		v, _ := rawText(raw)
		switch {
		case v == nil:
			return putEcho{}, ptr(fail(4033))
		case *v == "4":
			manual = "delivered"
		case *v == "7":
			manual = "exception"
		case *v == "8":
			manual = ""
		default:
			return putEcho{}, ptr(fail(4033))
		}
	}

	changed := t.set(texts) || archived != t.archived || manual != t.manual
	t.archived, t.manual = archived, manual
	if changed {
		a.touch(t)
	}
	now := a.simNow()

	echo := putEcho{
		ID: t.id, TrackingNumber: t.number, CarrierCode: t.carrier,
		CreatedAt: apiTime(t.createdAt), UpdatedAt: apiTime(t.updatedAt),
		CustomerEmail: t.get("customer_email"), CustomerName: t.get("customer_name"), OrderID: t.get("order_id"),
		Title: t.get("title"), DestinationCode: t.get("destination_code"), CustomerPhone: t.get("customer_phone"),
		LogisticsChannel: t.get("logistics_channel"),
		Archived:         o["archived"], Status: o["status"],
	}
	if echo.Archived == nil {
		echo.Archived, _ = json.Marshal(t.archived)
	}
	if echo.Status == nil {
		echo.Status, _ = json.Marshal(view(t, now).Status)
	}
	return echo, nil
}

// changeCarrier serves POST /trackings/update: re-files a tracking under
// another carrier.
func (a *account) changeCarrier(c *call) reply {
	o, err := parseObject(c.body)
	if err != nil {
		return fail(4012)
	}
	t, bad := a.lookup(o)
	if bad != nil {
		return *bad
	}
	to, _ := o.text("update_carrier_code")
	if carrierByCode[to] == nil {
		return fail(4015, "The value of update_carrier_code is invalid.")
	}
	if bad := a.refile(t, to); bad != nil {
		return *bad
	}
	return reply{code: 200, data: struct {
		Usertag string `json:"Usertag"`
	}{}, changed: true}
}

// lookup finds the stored tracking an item names by tracking_number and
// carrier_code: 4013 without a number, 4017 when it is not stored.
func (a *account) lookup(o object) (*tracking, *reply) {
	number, err := o.text("tracking_number")
	if err != nil || number == "" {
		return nil, ptr(fail(4013))
	}
	code, _ := o.text("carrier_code")
	t := a.trackings[key(code, number)]
	if t == nil {
		return nil, ptr(fail(4017))
	}
	return t, nil
}

// realtimeHit is a remembered realtime answer (unless Limits.Off).
type realtimeHit struct {
	at   time.Time
	data any
}

// realtimeTracking serves POST /trackings/realtime: the carrier's current
// view of a shipment, stored or not; nothing is stored.
func (a *account) realtimeTracking(c *call) reply {
	o, err := parseObject(c.body)
	if err != nil {
		return fail(4012)
	}
	t, bad := parseCreate(o, "order")
	if bad != nil {
		return *bad
	}
	now := a.simNow()
	k := t.key()
	if hit, seen := a.realtime[k]; seen && !a.srv.limits.Off && now.Sub(hit.at) < realtimeTTL {
		return ok(hit.data)
	}
	if !a.charge(1) {
		return fail(4021)
	}
	if stored := a.trackings[k]; stored != nil {
		t = stored
	} else {
		// The carrier has known the shipment for one to ten days.
		r := seeded("realtime", k)
		t.id = hexID("realtime/" + k)
		t.createdAt = now.Truncate(24 * time.Hour).Add(-time.Duration(24+r.intn(9*24)) * time.Hour)
		t.updatedAt = t.createdAt
	}
	data := struct {
		Items []trackingWire `json:"items"`
	}{[]trackingWire{view(t, now)}}
	if !a.srv.limits.Off {
		a.realtime[k] = realtimeHit{at: now, data: data}
	}
	return ok(data)
}
