package mockapi

import (
	"hash/fnv"
	"strings"
	"time"
)

// detRand is a splitmix64 sequence: every simulated value derives from the
// identity of what it describes, so equal inputs give equal answers.
type detRand struct{ x uint64 }

func seeded(parts ...string) *detRand {
	h := fnv.New64a()
	for _, p := range parts {
		_, _ = h.Write([]byte(p)) // hash writes never fail
		_, _ = h.Write([]byte{0})
	}
	return &detRand{x: h.Sum64()}
}

func (d *detRand) next() uint64 {
	d.x += 0x9e3779b97f4a7c15
	z := d.x
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (d *detRand) intn(n int) int { return int(d.next() % uint64(n)) }

// event is one checkpoint of a simulated journey.
type event struct {
	at        time.Duration // age of the tracking when it happens
	status    string        // checkpoint_status
	substatus string
	desc      string
	dest      bool   // happens in the destination country
	milestone string // origin_info/destination_info field it dates, if any
	intl      bool   // only on international journeys
}

// journey is the scan sequence before the final event.
var journey = []event{
	{status: "transit", substatus: "transit001", desc: "Item accepted by the carrier", milestone: "ItemReceived"},
	{status: "transit", substatus: "transit002", desc: "Departed from sorting center", milestone: "ItemDispatched"},
	{status: "transit", substatus: "transit001", desc: "Departed from airport of origin", milestone: "DepartfromAirport", intl: true},
	{status: "transit", substatus: "transit004", desc: "Arrived in destination country", milestone: "ArrivalfromAbroad", dest: true, intl: true},
	{status: "transit", substatus: "transit005", desc: "Customs clearance completed", milestone: "CustomsClearance", dest: true, intl: true},
	{status: "transit", substatus: "transit003", desc: "Arrived at delivery facility", milestone: "DestinationArrived", dest: true},
	{status: "pickup", desc: "Out for delivery", dest: true},
}

var deliveredDesc = []string{
	"Package delivered successfully",
	"Package picked up by the addressee",
	"Package received and signed by the addressee",
	"Package left at the front door or with a neighbour",
}

var exceptionDesc = []string{
	"The package is unclaimed",
	"Exception: see carrier for details",
	"Package detained by customs",
	"Package lost or damaged in transit",
	"Order cancelled before the courier picked the package up",
	"Package refused by the addressee",
	"Package returned to sender",
	"Package is being returned to sender",
}

const (
	pendingFor    = 2 * time.Hour
	expressExpiry = 30 * 24 * time.Hour
	postalExpiry  = 60 * 24 * time.Hour
)

// timeline is the whole simulated life of a shipment.
type timeline struct {
	events   []event
	expireAt time.Duration // > 0: the journey stalls and expires at this age
}

// buildTimeline derives a journey from carrier+number: 75% are delivered,
// 10% end in an exception, 8% in a failed delivery, 7% stall and expire
// (30 days express, 60 days postal). Every journey ends within 10 days.
func buildTimeline(c *carrier, number string, international bool) timeline {
	r := seeded(c.Code, number)
	outcome := r.intn(100)
	var tl timeline
	at := pendingFor + time.Duration(r.intn(6*60))*time.Minute
	for _, e := range journey {
		if e.intl && !international {
			continue
		}
		e.at = at
		tl.events = append(tl.events, e)
		at += time.Duration(10*60+r.intn(20*60)) * time.Minute
	}
	switch {
	case outcome < 75:
		i := r.intn(len(deliveredDesc))
		tl.events = append(tl.events, event{at: at, status: "delivered", substatus: "delivered00" + string(rune('1'+i)), desc: deliveredDesc[i], dest: true})
	case outcome < 85:
		i := r.intn(len(exceptionDesc))
		sub := "exception0" + twoDigits(4+i)
		tl.events = append(tl.events, event{at: at, status: "exception", substatus: sub, desc: exceptionDesc[i], dest: true})
	case outcome < 93:
		tl.events = append(tl.events, event{at: at, status: "undelivered", desc: "Delivery attempt failed: addressee not available", dest: true})
	default:
		tl.events = tl.events[:len(tl.events)/2]
		tl.expireAt = expressExpiry
		if c.Type == "globalpost" {
			tl.expireAt = postalExpiry
		}
	}
	return tl
}

func twoDigits(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

// progress is the state of a timeline at one age.
type progress struct {
	status    string
	substatus string // "" answers null
	seen      []event
	finished  bool // the last event has happened: the journey is over
}

func (tl timeline) at(age time.Duration) progress {
	var p progress
	for _, e := range tl.events {
		if e.at <= age {
			p.seen = append(p.seen, e)
		}
	}
	switch {
	case age < pendingFor:
		p.status = "pending"
	case len(p.seen) == 0:
		p.status, p.substatus = "notfound", "notfound002"
	default:
		last := p.seen[len(p.seen)-1]
		p.status, p.substatus = last.status, last.substatus
		p.finished = len(p.seen) == len(tl.events) && tl.expireAt == 0
	}
	if tl.expireAt > 0 && age >= tl.expireAt {
		p.status, p.substatus = "expired", ""
	}
	return p
}

// state is a stored tracking's progress at simulated time now, with the
// journey's facts the view needs.
type state struct {
	progress
	at            time.Time // now, or the freeze time after notupdate
	origin, dest  string    // country codes; dest "" when not given
	international bool
}

func (t *tracking) state(now time.Time) state {
	st := state{at: now, dest: t.destination()}
	if t.frozenAt != nil && t.frozenAt.Before(now) {
		st.at = *t.frozenAt
	}
	c := carrierByCode[t.carrier]
	st.origin = originOf(c, t.number)
	if cc := strings.ToUpper(t.fields["origin_country_iso2"]); countries[cc].name != "" {
		st.origin = cc // named on a v4 create or update
	}
	st.international = st.dest != "" && st.dest != st.origin
	tl := timeline{} // pending, then notfound for good
	if t.queryable(c) {
		tl = buildTimeline(c, t.number, st.international)
	}
	st.progress = tl.at(st.at.Sub(t.createdAt))
	switch t.manual {
	case "delivered":
		st.status, st.substatus = "delivered", "delivered001"
	case "exception":
		st.status, st.substatus = "exception", "exception005"
	}
	return st
}

// queryable: a carrier whose catalogue entry names required fields finds
// nothing without them, so such a tracking never leaves notfound.
func (t *tracking) queryable(c *carrier) bool {
	for _, f := range c.required {
		if f == "tracking_destination_country" {
			f = "specialNumberDestination" // stored under its create-wire name
		}
		if t.fields[f] == "" {
			return false
		}
	}
	return true
}

// scan is one checkpoint of a journey: an event where and when it happened.
type scan struct {
	event
	when time.Time
	cc   string // country of the place
	side int    // 0: a city of the origin, 1: of the destination (see city)
}

func (s scan) place() string { return city(s.cc, s.side) }

// report is what the simulated carriers tell of a tracking at one moment,
// the facts every version of the wire renders in its own shape.
type report struct {
	state
	carrier     *carrier // the tracking's own carrier
	destCarrier *carrier // the destination post of an international journey; nil if none
	scans       []scan   // oldest first
	transitDays int      // from the first scan to the last (once finished) or now
	stayDays    int      // since the last scan
}

func (t *tracking) report(now time.Time) report {
	st := t.state(now)
	r := report{state: st, carrier: carrierByCode[t.carrier]}
	if d := carrierByCode[postOf[st.dest]]; st.international && d != nil {
		r.destCarrier = d
	}
	dest := st.dest
	if dest == "" {
		dest = st.origin
	}
	for _, e := range st.seen {
		s := scan{event: e, when: t.createdAt.Add(e.at), cc: st.origin}
		if e.dest {
			s.cc, s.side = dest, 1
		}
		r.scans = append(r.scans, s)
	}
	if n := len(r.scans); n > 0 {
		last, end := r.scans[n-1], st.at
		if st.finished {
			end = last.when
		}
		r.transitDays = int(end.Sub(r.scans[0].when) / (24 * time.Hour))
		r.stayDays = int(st.at.Sub(last.when) / (24 * time.Hour))
	}
	return r
}

// view renders a tracking as v2 shows it at simulated time now.
func view(t *tracking, now time.Time) trackingWire {
	r := t.report(now)
	c := r.carrier
	w := trackingWire{
		ID: t.id, TrackingNumber: t.number, CarrierCode: t.carrier,
		Status: r.status, Substatus: nonEmpty(r.substatus), TrackUpdate: t.frozenAt == nil,
		CreatedAt: apiTime(t.createdAt), UpdatedAt: apiTime(t.updatedAt),
		OrderCreateTime: t.get("order_create_time"), Title: t.get("title"), OrderID: t.get("order_id"),
		Comment: t.get("comment"), CustomerName: t.get("customer_name"), CustomerEmail: t.get("customer_email"),
		CustomerPhone: t.get("customer_phone"), LogisticsChannel: t.get("logistics_channel"),
		DestinationCode: t.get("destination_code"), Archived: t.archived,
		OriginalCountry: countries[r.origin].name, DestinationCountry: countries[r.dest].name,
		ItemTimeLength: r.transitDays, StayTimeLength: r.stayDays,
		OriginInfo: carrierInfo{Weblink: &c.Homepage, Phone: &c.Phone, CarrierCode: &c.Code},
	}
	if d := r.destCarrier; d != nil {
		w.DestinationInfo = carrierInfo{Weblink: &d.Homepage, Phone: &d.Phone, CarrierCode: &d.Code}
	}
	for _, s := range r.scans {
		cp := checkpoint{Date: localTime(s.when), StatusDescription: s.desc, Details: s.place(), CheckpointStatus: s.status, Substatus: s.substatus}
		// trackinfo is newest first
		w.OriginInfo.Trackinfo = append([]checkpoint{cp}, w.OriginInfo.Trackinfo...)
		setMilestone(&w.OriginInfo, s.milestone, cp.Date)
		if s.dest && r.destCarrier != nil {
			w.DestinationInfo.Trackinfo = append([]checkpoint{cp}, w.DestinationInfo.Trackinfo...)
			setMilestone(&w.DestinationInfo, s.milestone, cp.Date)
		}
		w.LastEvent = strPtr(cp.StatusDescription + "," + cp.Details + "," + cp.Date)
		w.LastUpdateTime = strPtr(cp.Date)
	}
	return w
}

func city(cc string, i int) string {
	if c, ok := countries[cc]; ok {
		return c.cities[i] + ", " + cc
	}
	return cc
}

func setMilestone(ci *carrierInfo, name, date string) {
	fields := map[string]**string{
		"ItemReceived": &ci.ItemReceived, "ItemDispatched": &ci.ItemDispatched,
		"DepartfromAirport": &ci.DepartfromAirport, "ArrivalfromAbroad": &ci.ArrivalfromAbroad,
		"CustomsClearance": &ci.CustomsClearance, "DestinationArrived": &ci.DestinationArrived,
	}
	if f, ok := fields[name]; ok {
		*f = strPtr(date)
	}
}
