package mockapi

import "time"

// maxBatch is the item limit of every batch endpoint.
const maxBatch = 40

// batchItems parses a batch body: a non-empty JSON array of at most
// maxBatch objects; over the limit answers meta 202 and nothing is done.
func batchItems(body []byte) ([]object, *reply) {
	items, err := parseArray(body)
	switch {
	case err != nil:
		return nil, ptr(fail(4012, err.Error()))
	case len(items) == 0:
		return nil, ptr(fail(4012, "The array is empty."))
	case len(items) > maxBatch:
		return nil, ptr(fail(202))
	}
	return items, nil
}

// batchReply is meta 200 when every item succeeded, 201 when some failed.
func batchReply(data any, done, failed int) reply {
	r := reply{code: 200, data: data, changed: done > 0}
	if failed > 0 {
		r.code = 201
	}
	return r
}

func (a *account) batchCreate(c *call) reply {
	items, bad := batchItems(c.body)
	if bad != nil {
		return *bad
	}
	res := struct {
		Submitted int          `json:"submitted"`
		Added     int          `json:"added"`
		Trackings []createEcho `json:"trackings"`
		Errors    []itemError  `json:"errors"`
	}{Submitted: len(items), Trackings: []createEcho{}, Errors: []itemError{}}
	for _, o := range items {
		t, bad := parseCreate(o, "order_id")
		if bad == nil {
			bad = a.insert(t)
		}
		if bad != nil {
			res.Errors = append(res.Errors, itemErrorOf(o, *bad))
			continue
		}
		res.Added++
		res.Trackings = append(res.Trackings, t.createEcho())
	}
	return batchReply(res, res.Added, len(res.Errors))
}

func (a *account) updateMore(c *call) reply {
	items, bad := batchItems(c.body)
	if bad != nil {
		return *bad
	}
	res := struct {
		Submitted int         `json:"submitted"`
		Updated   int         `json:"updated"`
		Trackings []putEcho   `json:"trackings"`
		Errors    []itemError `json:"errors"`
	}{Submitted: len(items), Trackings: []putEcho{}, Errors: []itemError{}}
	for _, o := range items {
		t, bad := a.lookup(o)
		var echo putEcho
		if bad == nil {
			echo, bad = a.update(t, o)
		}
		if bad != nil {
			res.Errors = append(res.Errors, itemErrorOf(o, *bad))
			continue
		}
		res.Updated++
		res.Trackings = append(res.Trackings, echo)
	}
	return batchReply(res, res.Updated, len(res.Errors))
}

func (a *account) batchDelete(c *call) reply {
	items, bad := batchItems(c.body)
	if bad != nil {
		return *bad
	}
	type itemMeta struct {
		Meta itemError `json:"meta"`
	}
	res := struct {
		Submitted int        `json:"submitted"`
		Delete    int        `json:"delete"`
		Trackings []itemMeta `json:"trackings"`
	}{Submitted: len(items), Trackings: []itemMeta{}}
	for _, o := range items {
		outcome := ok(nil)
		if t, bad := a.lookup(o); bad != nil {
			outcome = *bad
		} else {
			a.remove(t)
			res.Delete++
		}
		res.Trackings = append(res.Trackings, itemMeta{itemErrorOf(o, outcome)})
	}
	return batchReply(res, res.Delete, len(items)-res.Delete)
}

// notUpdate stops the refresh of trackings for good: their simulated
// progress freezes at the current simulated time.
func (a *account) notUpdate(c *call) reply {
	items, bad := batchItems(c.body)
	if bad != nil {
		return *bad
	}
	res := struct {
		Submitted int         `json:"submitted"`
		NotUpdate int         `json:"notupdate"`
		Errors    []itemError `json:"errors"`
	}{Submitted: len(items), Errors: []itemError{}}
	now := a.simNow()
	for _, o := range items {
		t, bad := a.lookup(o)
		if bad != nil {
			res.Errors = append(res.Errors, itemErrorOf(o, *bad))
			continue
		}
		if t.frozenAt == nil {
			t.frozenAt = ptr(now.Truncate(time.Second))
		}
		res.NotUpdate++
	}
	return batchReply(res, res.NotUpdate, len(res.Errors))
}
