package mockapi

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

const (
	defaultLimit = 100
	maxLimit     = 2000
	maxListed    = 40 // numbers / orders per list call
)

var statuses = []string{"pending", "notfound", "transit", "pickup", "delivered", "undelivered", "exception", "expired"}

// params merges query parameters with a JSON object body (GET with a body,
// or POST); body values win. Arrays in the body become comma lists.
func params(c *call) (map[string]string, *reply) {
	p := map[string]string{}
	for k, v := range c.r.URL.Query() {
		p[k] = v[0]
	}
	o, err := parseObject(c.body)
	if err != nil {
		return nil, ptr(fail(4012))
	}
	for k := range o {
		v, err := o.str(k)
		if err != nil {
			return nil, ptr(fail(4012, err.Error()))
		}
		if v != nil {
			p[k] = *v
		}
	}
	return p, nil
}

// filter selects trackings by the list and status-count parameters.
type filter struct {
	bounds   map[string][2]int64 // field → [min, max] in Unix seconds
	status   string
	carrier  string
	numbers  map[string]bool
	orders   map[string]bool
	archived *bool
}

// filterParams names one version's filter parameters; "" for those it
// lacks.
type filterParams struct {
	bounds          [][2]string // parameter prefix (…_min, …_max) → the tracking time it bounds
	parse           func(string) (int64, bool)
	format          string // what parse reads, for messages
	status, carrier string
	numbers, orders string // comma lists of at most maxListed
	archived        string // "true" or "false"
	invalid         int    // the code of a value it cannot read
}

var v2Filter = filterParams{
	bounds: [][2]string{{"created_at", "created_at"}, {"update_time", "update_time"}, {"order_created_time", "order_created_time"}},
	parse:  unixSeconds, format: "Unix seconds",
	status: "status", numbers: "numbers", orders: "orders", archived: "archived", invalid: 4012,
}

func unixSeconds(v string) (int64, bool) {
	n, err := strconv.ParseInt(v, 10, 64)
	return n, err == nil
}

func parseFilter(p map[string]string, fp filterParams) (filter, *reply) {
	f := filter{bounds: map[string][2]int64{}, status: p[fp.status]}
	for _, r := range fp.bounds {
		b := [2]int64{minTime, maxTime}
		for i, suffix := range []string{"_min", "_max"} {
			if v, sent := p[r[0]+suffix]; sent && v != "" {
				n, ok := fp.parse(v)
				if !ok {
					return f, ptr(fail(fp.invalid, r[0]+suffix+" must be "+fp.format+"."))
				}
				b[i] = n
			}
		}
		if b != [2]int64{minTime, maxTime} {
			f.bounds[r[1]] = b
		}
	}
	if f.status != "" && !slices.Contains(statuses, f.status) {
		return f, ptr(fail(fp.invalid, fp.status+" must be one of "+strings.Join(statuses, ", ")+"."))
	}
	if fp.carrier != "" {
		if f.carrier = p[fp.carrier]; f.carrier != "" && carrierByCode[f.carrier] == nil {
			return f, ptr(fail(4015))
		}
	}
	for _, l := range []struct {
		name string
		set  *map[string]bool
	}{{fp.numbers, &f.numbers}, {fp.orders, &f.orders}} {
		if v := p[l.name]; l.name != "" && v != "" {
			parts := strings.Split(v, ",")
			if len(parts) > maxListed {
				return f, ptr(fail(4020, "Up to 40 "+l.name+" at a time."))
			}
			*l.set = map[string]bool{}
			for _, part := range parts {
				(*l.set)[strings.TrimSpace(part)] = true
			}
		}
	}
	switch v := p[fp.archived]; v {
	case "":
	case "true", "false":
		f.archived = ptr(v == "true")
	default:
		return f, ptr(fail(fp.invalid, fp.archived+` must be "true" or "false".`))
	}
	return f, nil
}

const (
	minTime = -1 << 62
	maxTime = 1 << 62
)

// selects applies the stored-field conditions; the status condition needs
// the simulated view and is checked by the caller.
func (f filter) selects(t *tracking) bool {
	for name, b := range f.bounds {
		v, ok := t.createdAt.Unix(), true
		switch name {
		case "update_time":
			v = t.updatedAt.Unix()
		case "order_created_time":
			v, ok = orderTime(t.fields["order_create_time"])
		}
		// A tracking without an order time is not excluded by its bounds:
		// a published client sends min=0&max=<now> on every call and
		// expects every tracking back.
		if ok && (v < b[0] || v > b[1]) {
			return false
		}
	}
	return (f.carrier == "" || f.carrier == t.carrier) &&
		(f.numbers == nil || f.numbers[t.number]) &&
		(f.orders == nil || f.orders[t.fields["order_id"]]) &&
		(f.archived == nil || *f.archived == t.archived)
}

// orderTime reads order_create_time as Unix seconds or a common date form.
func orderTime(v string) (int64, bool) {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return n, true
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02 15:04"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.Unix(), true
		}
	}
	return 0, false
}

// matching returns the trackings f selects, in creation order.
func (a *account) matching(f filter) []*tracking {
	now := a.simNow()
	out := []*tracking{}
	for _, t := range a.inOrder() {
		if f.selects(t) && (f.status == "" || t.state(now).status == f.status) {
			out = append(out, t)
		}
	}
	return out
}

func (a *account) listTrackings(c *call) reply {
	p, bad := params(c)
	if bad != nil {
		return *bad
	}
	f, bad := parseFilter(p, v2Filter)
	if bad != nil {
		return *bad
	}
	page, limit, bad := paging(p, "page", "limit", 4012)
	if bad != nil {
		return *bad
	}
	limit = min(limit, maxLimit)
	all := a.matching(f)
	now := a.simNow()
	items := []trackingWire{}
	for _, t := range pageOf(all, page, limit) {
		items = append(items, view(t, now))
	}
	return ok(struct {
		Page  int            `json:"page"`
		Limit int            `json:"limit"`
		Total string         `json:"total"`
		Count int            `json:"count"`
		Items []trackingWire `json:"items"`
	}{page, limit, strconv.Itoa(len(all)), len(items), items})
}

// paging reads the page number and size parameters (1 and defaultLimit
// when absent); invalid is the code of one that is not a positive integer.
func paging(p map[string]string, pageName, sizeName string, invalid int) (page, size int, bad *reply) {
	page, size = 1, defaultLimit
	for _, n := range []struct {
		name string
		v    *int
	}{{pageName, &page}, {sizeName, &size}} {
		if v := p[n.name]; v != "" {
			i, err := strconv.Atoi(v)
			if err != nil || i < 1 {
				return 0, 0, ptr(fail(invalid, n.name+" must be a positive integer."))
			}
			*n.v = i
		}
	}
	return page, size, nil
}

// pageOf is the page'th run of size trackings of all (from 1).
func pageOf(all []*tracking, page, size int) []*tracking {
	start := min(len(all), (page-1)*size)
	return all[start:min(len(all), start+size)]
}

func (a *account) statusNumber(c *call) reply {
	p, bad := params(c)
	if bad != nil {
		return *bad
	}
	f, bad := parseFilter(p, v2Filter)
	if bad != nil {
		return *bad
	}
	var n struct {
		Pending     int `json:"pending"`
		Notfound    int `json:"notfound"`
		Transit     int `json:"transit"`
		Pickup      int `json:"pickup"`
		Delivered   int `json:"delivered"`
		Undelivered int `json:"undelivered"`
		Exception   int `json:"exception"`
		Expired     int `json:"expired"`
		Total       int `json:"total"`
	}
	counters := map[string]*int{
		"pending": &n.Pending, "notfound": &n.Notfound, "transit": &n.Transit, "pickup": &n.Pickup,
		"delivered": &n.Delivered, "undelivered": &n.Undelivered, "exception": &n.Exception, "expired": &n.Expired,
	}
	now := a.simNow()
	for _, t := range a.matching(f) {
		*counters[t.state(now).status]++
		n.Total++
	}
	return ok(n)
}

func (a *account) userInfo(c *call) reply {
	if _, bad := params(c); bad != nil {
		return *bad
	}
	return ok(struct {
		Email       string `json:"email"`
		Regtime     string `json:"regtime"`
		Phone       string `json:"phone"`
		Money       string `json:"money"`
		TrackNumber int64  `json:"track_number"`
	}{"mock@example.com", strconv.FormatInt(a.regtime.Unix(), 10), "", "0.00", a.quota})
}
