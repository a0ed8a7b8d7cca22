package trackingmore

import (
	"context"
	"fmt"
	"net/http"
	"slices"
)

// merging holds a client's queues of single calls (see merge.go). Carrier
// changes and realtime calls have no batch form and stay single, as do v4's
// updates and deletes.
type merging struct {
	creates *mergeQueue[CreateTrackingRequest, *Tracking]
	updates *mergeQueue[BatchUpdateItem, *Tracking]
	deletes *mergeQueue[TrackingRef, struct{}]
	reads   *mergeQueue[TrackingRef, *Tracking]
}

func newMerging(c *Client) merging {
	m := merging{
		creates: &mergeQueue[CreateTrackingRequest, *Tracking]{client: c, what: "POST /trackings/post",
			single: "/trackings/post", merged: "/trackings/batch", ref: CreateTrackingRequest.ref, send: c.sendCreates},
		updates: &mergeQueue[BatchUpdateItem, *Tracking]{client: c, what: "PUT /trackings/{carrier}/{number}",
			alone: c.v4(), ref: BatchUpdateItem.ref, send: c.sendUpdates},
		deletes: &mergeQueue[TrackingRef, struct{}]{client: c, what: "DELETE /trackings/{carrier}/{number}",
			alone: c.v4(), ref: TrackingRef.ref, send: c.sendDeletes},
		reads: &mergeQueue[TrackingRef, *Tracking]{client: c, what: "GET /trackings/{carrier}/{number}",
			merged: "/trackings/get", ref: TrackingRef.ref, send: c.sendReads},
	}
	if c.v4() { // a create alone has its own endpoint and limit; a read alone is a list call too
		m.creates.what, m.creates.single = "POST /trackings/create", "/trackings/create"
		m.reads.what, m.reads.single = "GET /trackings/get", "/trackings/get"
	}
	return m
}

// finishEach hands every call its outcome from a batch answer (or the
// batch's own error), as a single call would have had it: an item error, or
// the batch's API error, names the single call's method and path, so a
// message reads the same whether the call was merged or not.
func finishEach[In, Out any](calls []*mergeCall[In, Out], ref func(In) TrackingRef, single func(TrackingRef) (string, []string),
	done map[TrackingRef]Out, failed []BatchItemError, batchErr error, c *Client) {
	itemErrs := make(map[TrackingRef]BatchItemError, len(failed))
	for _, e := range failed {
		itemErrs[e.ref()] = e
	}
	for _, call := range calls {
		r := ref(call.in)
		method, segments := single(r)
		path, _ := request{path: segments}.escapedPath() // segments were validated before queueing
		var zero Out
		if out, ok := done[r]; ok && batchErr == nil {
			call.finish(out, nil)
			continue
		}
		switch e, failed := itemErrs[r]; {
		case batchErr != nil:
			call.finish(zero, asSingle(batchErr, method, path))
		case failed:
			e.Message = c.redact(e.Message)
			call.finish(zero, e.apiError(method, path))
		default:
			call.finish(zero, fmt.Errorf("TrackingMore API: %s %s: the merged batch call answered without this tracking", method, path))
		}
	}
}

// asSingle is err as the single call of method and path would have got it.
func asSingle(err error, method, path string) error {
	apiErr, ok := err.(*APIError)
	if !ok {
		return err
	}
	single := *apiErr
	single.Method, single.Path = method, path
	return &single
}

// byRef indexes trackings by carrier and number.
func byRef(trackings []Tracking) map[TrackingRef]*Tracking {
	m := make(map[TrackingRef]*Tracking, len(trackings))
	for i := range trackings {
		m[trackings[i].ref()] = &trackings[i]
	}
	return m
}

func inputs[In, Out any](calls []*mergeCall[In, Out]) []In {
	ins := make([]In, len(calls))
	for i, c := range calls {
		ins[i] = c.in
	}
	return ins
}

// The method and path of each kind of call alone. v4's updates and deletes
// never merge.
func updatedAlone(r TrackingRef) (string, []string) { return http.MethodPut, r.path() }
func deletedAlone(r TrackingRef) (string, []string) { return http.MethodDelete, r.path() }

func (c *Client) createdAlone(TrackingRef) (string, []string) {
	if c.v4() {
		return http.MethodPost, []string{"trackings", "create"}
	}
	return http.MethodPost, []string{"trackings", "post"}
}

func (c *Client) readAlone(r TrackingRef) (string, []string) {
	if c.v4() {
		return http.MethodGet, []string{"trackings", "get"}
	}
	return http.MethodGet, r.path()
}

// sendCreates: one create alone, more through POST /trackings/batch, whose
// retried chunks adopt their own writes as a retried single create does.
func (c *Client) sendCreates(ctx context.Context, calls []*mergeCall[CreateTrackingRequest, *Tracking]) {
	if len(calls) == 1 {
		calls[0].finish(c.createOne(ctx, calls[0].in))
		return
	}
	res, err := c.CreateTrackings(ctx, inputs(calls))
	finishEach(calls, CreateTrackingRequest.ref, c.createdAlone, byRef(res.Trackings), res.Errors, err, c)
}

// sendUpdates: one update alone, more through POST /trackings/updatemore.
func (c *Client) sendUpdates(ctx context.Context, calls []*mergeCall[BatchUpdateItem, *Tracking]) {
	if len(calls) == 1 {
		calls[0].finish(c.updateOne(ctx, calls[0].in))
		return
	}
	res, err := c.UpdateTrackings(ctx, inputs(calls))
	finishEach(calls, BatchUpdateItem.ref, updatedAlone, byRef(res.Trackings), res.Errors, err, c)
}

// sendDeletes: one delete alone, more through POST /trackings/delete.
func (c *Client) sendDeletes(ctx context.Context, calls []*mergeCall[TrackingRef, struct{}]) {
	if len(calls) == 1 {
		calls[0].finish(struct{}{}, c.deleteOne(ctx, calls[0].in))
		return
	}
	res, err := c.DeleteTrackings(ctx, inputs(calls))
	done := map[TrackingRef]struct{}{}
	for _, r := range res.Deleted {
		done[r] = struct{}{}
	}
	finishEach(calls, TrackingRef.ref, deletedAlone, done, res.Errors, err, c)
}

// sendReads: one read alone; more through the list endpoint (whose own
// slot the queue holds then). Merged reads take from a listing of the
// account what it holds (see readCache) and read the rest by numbers, 40 a
// call.
func (c *Client) sendReads(ctx context.Context, calls []*mergeCall[TrackingRef, *Tracking]) {
	if len(calls) == 1 {
		calls[0].finish(c.getOne(ctx, calls[0].in, ""))
		return
	}
	if from, to, since, ok := c.reads.startListing(); ok {
		c.listAccount(ctx, from, to, since)
	}
	var byNumber []*mergeCall[TrackingRef, *Tracking]
	for _, call := range calls {
		if t := c.reads.lookup(call.in); t != nil {
			call.finish(t, nil)
		} else {
			byNumber = append(byNumber, call)
		}
	}
	if len(byNumber) == 0 {
		return
	}
	c.reads.paidRent()
	refs := inputs(byNumber)
	page, err := c.ListTrackings(ctx, ListOptions{Numbers: distinctNumbers(refs), Limit: maxPageLimit})
	var found map[TrackingRef]*Tracking
	var missing []BatchItemError
	if err == nil {
		found = byRef(page.Items)
		for _, r := range refs {
			if found[r] == nil {
				missing = append(missing, c.notAdded(r))
			}
		}
	}
	finishEach(byNumber, TrackingRef.ref, c.readAlone, found, missing, err, c)
}

// notAdded is what a single read answers for a tracking never added: v2's
// GET 4031; v4, whose read is its list, answers no error of its own for
// it, and says 4102 as its writes do.
func (c *Client) notAdded(r TrackingRef) BatchItemError {
	if c.v4() {
		return BatchItemError{TrackingNumber: r.TrackingNumber, CarrierCode: r.CarrierCode, Code: 4102,
			Message: "Tracking No. does not exist.", APIVersion: APIVersionV4}
	}
	return BatchItemError{TrackingNumber: r.TrackingNumber, CarrierCode: r.CarrierCode, Code: 4031, Message: "Tracking not added yet."}
}

// distinctNumbers lists the numbers of refs once each, for a list query.
func distinctNumbers(refs []TrackingRef) []string {
	numbers := make([]string, len(refs))
	for i, r := range refs {
		numbers[i] = r.TrackingNumber
	}
	return slices.Compact(slices.Sorted(slices.Values(numbers)))
}

// listAccount lists pages from..to of the whole account into the read
// cache, one call a page, stopping at the first error (a later merged read
// tries again).
func (c *Client) listAccount(ctx context.Context, from, to int, since uint64) {
	var items []Tracking
	total := 0
	var err error
	for p := from; p <= to && err == nil; p++ {
		var page *TrackingPage
		if page, err = c.ListTrackings(ctx, ListOptions{Page: p, Limit: maxPageLimit}); err == nil {
			items = append(items, page.Items...)
			total = int(page.Total)
			switch {
			case len(page.Items) < maxPageLimit:
				total = max(total, (p-1)*maxPageLimit+len(page.Items))
				to = p
			case total == 0: // v4 counts nothing: a full page may have another after it
				total = p*maxPageLimit + 1
			}
		}
	}
	c.reads.stored(items, since, to, total, err)
}
