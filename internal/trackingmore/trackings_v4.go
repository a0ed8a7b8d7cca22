package trackingmore

import (
	"context"
	"errors"
	"net/http"
	"sync"
)

// The v4 forms of the tracking calls. The operations that use them
// (trackings.go, batch.go, list.go) branch here where v4's wire differs.

// fromV4 converts a v4 tracking and keeps its id: every v4 tracking the
// client decodes passes here, so that later writes find the id known.
func (c *Client) fromV4(w *trackingV4) *Tracking {
	t := w.tracking()
	c.ids.learn(t.ref(), t.ID)
	return &t
}

// callTrackingV4 performs r, whose answer is a v4 tracking.
func (c *Client) callTrackingV4(ctx context.Context, r request) (*Tracking, error) {
	w, _, err := call[trackingV4](ctx, c, r)
	if err != nil {
		return nil, err
	}
	return c.fromV4(&w), nil
}

// createV4 is POST /trackings/create, which answers the whole tracking.
func (c *Client) createV4(ctx context.Context, req CreateTrackingRequest) (*Tracking, error) {
	return c.callTrackingV4(ctx, post(createBodyV4(req), "trackings", "create"))
}

// getV4 reads one tracking through the list, v4's only read: by its number,
// picking its carrier's tracking among those of the number.
func (c *Client) getV4(ctx context.Context, ref TrackingRef, lang string) (*Tracking, error) {
	page, err := c.ListTrackings(ctx, ListOptions{Numbers: []string{ref.TrackingNumber}, Lang: lang, Limit: maxPageLimit})
	if err != nil {
		return nil, err
	}
	if t := byRef(page.Items)[ref]; t != nil {
		return t, nil
	}
	return nil, c.notAdded(ref).apiError(http.MethodGet, "/trackings/get")
}

// listV4 reads one page of GET /trackings/get, which answers a bare array.
func (c *Client) listV4(ctx context.Context, opts ListOptions) (*TrackingPage, error) {
	r := get("trackings", "get")
	r.query = queryV4(opts)
	items, _, err := call[[]trackingV4](ctx, c, r)
	if err != nil {
		return nil, err
	}
	page := &TrackingPage{Page: FlexInt(orDefault(opts.Page, 1)), Limit: FlexInt(pageLimitV4(opts)),
		Count: FlexInt(len(items)), Items: make([]Tracking, len(items))}
	for i := range items {
		page.Items[i] = *c.fromV4(&items[i])
	}
	return page, nil
}

// updateV4 is PUT /trackings/update/{id}; it answers the fields it changed.
func (c *Client) updateV4(ctx context.Context, item BatchUpdateItem) (*Tracking, error) {
	return withID(ctx, c, item.TrackingRef, func(id string) (*Tracking, error) {
		return c.callTrackingV4(ctx, put(updateBodyV4(item.UpdateTrackingRequest), "trackings", "update", id))
	})
}

// deleteV4 is DELETE /trackings/delete/{id}.
func (c *Client) deleteV4(ctx context.Context, ref TrackingRef) error {
	_, err := withID(ctx, c, ref, func(id string) (struct{}, error) {
		err := deleted(c.do(ctx, request{method: http.MethodDelete, path: []string{"trackings", "delete", id}}, nil))
		if err == nil {
			c.ids.drop(ref, id)
		}
		return struct{}{}, err
	})
	return err
}

// changeCarrierV4 is an update with courier_code_new; the id stays the tracking's.
func (c *Client) changeCarrierV4(ctx context.Context, from TrackingRef, newCarrierCode string) (retried bool, err error) {
	return withID(ctx, c, from, func(id string) (bool, error) {
		retried, err := c.do(ctx, put(updateV4{CourierCodeNew: newCarrierCode}, "trackings", "update", id), nil)
		if err == nil {
			c.ids.learn(TrackingRef{TrackingNumber: from.TrackingNumber, CarrierCode: newCarrierCode}, id)
			c.ids.drop(from, id)
		}
		return retried, err
	})
}

// batchCreateV4 sends a chunk through POST /trackings/batch, whose answer
// names the created trackings only (id, number, carrier): they are read back
// in one list call, so that each gets the whole tracking a single create
// answers. Should that read fail, they stay as named, which is what the
// caller needs to keep them.
func (c *Client) batchCreateV4(ctx context.Context, chunk []CreateTrackingRequest) (batchCreateData, bool, error) {
	body := make([]createV4, len(chunk))
	for i, r := range chunk {
		body[i] = createBodyV4(r)
	}
	answer, retried, err := call[batchV4](ctx, c, post(body, "trackings", "batch"))
	if err != nil {
		return batchCreateData{}, retried, err
	}
	d := batchCreateData{Submitted: FlexInt(len(chunk)), Added: FlexInt(len(answer.Success))}
	for _, e := range answer.Error {
		c.ids.learn(e.ref(), e.ID) // a duplicate's error names the tracking that exists
		d.Errors = append(d.Errors, BatchItemError{TrackingNumber: e.TrackingNumber, CarrierCode: e.CourierCode,
			Code: e.ErrorCode, Message: c.redact(e.ErrorMessage), APIVersion: APIVersionV4})
	}
	d.Trackings = c.readBack(ctx, answer.Success)
	return d, retried, nil
}

func (c *Client) readBack(ctx context.Context, created []batchItemV4) []Tracking {
	if len(created) == 0 {
		return nil
	}
	refs := make([]TrackingRef, len(created))
	for i, b := range created {
		refs[i] = b.ref()
		c.ids.learn(refs[i], b.ID)
	}
	var found map[TrackingRef]*Tracking
	if page, err := c.ListTrackings(ctx, ListOptions{Numbers: distinctNumbers(refs), Limit: maxPageLimit}); err == nil {
		found = byRef(page.Items)
	} else {
		c.warn(ctx, "TrackingMore API: could not read back the trackings a batch created", map[string]any{"error": err.Error()})
	}
	out := make([]Tracking, len(created))
	for i, b := range created {
		if t := found[refs[i]]; t != nil {
			out[i] = *t
		} else {
			out[i] = Tracking{ID: b.ID, TrackingNumber: b.TrackingNumber, CarrierCode: b.CourierCode}
		}
	}
	return out
}

// eachAlone calls one for every item of a chunk at once, the pacer spacing
// the calls, as v4 has no batch form of updates and deletes. What the API
// refuses for the item itself (a 41xx code) becomes the item's error, as a
// batch answer would give it; any other error (the key, the rate limit, the
// connection) is returned, joined, beside the outcomes of the other items.
func eachAlone[T, Out any](chunk []T, ref func(T) TrackingRef, one func(T) (Out, error)) (done []Out, failed []BatchItemError, err error) {
	outs := make([]Out, len(chunk))
	errs := make([]error, len(chunk))
	var wg sync.WaitGroup
	for i, item := range chunk {
		wg.Go(func() { outs[i], errs[i] = one(item) })
	}
	wg.Wait()
	var others []error
	for i, item := range chunk {
		var apiErr *APIError
		switch {
		case errs[i] == nil:
			done = append(done, outs[i])
		case errors.As(errs[i], &apiErr) && apiErr.Code/100 == 41:
			r := ref(item)
			failed = append(failed, BatchItemError{TrackingNumber: r.TrackingNumber, CarrierCode: r.CarrierCode,
				Code: FlexInt(apiErr.Code), Message: apiErr.Message, APIVersion: APIVersionV4})
		default:
			others = append(others, errs[i])
		}
	}
	return done, failed, errors.Join(others...)
}

// RetrackTracking asks the carrier again about an expired tracking (v4
// only: POST /trackings/retrack/{id}; any other status answers 4113) and
// returns the tracking.
func (c *Client) RetrackTracking(ctx context.Context, ref TrackingRef) (*Tracking, error) {
	if err := c.CheckSupported("RetrackTracking"); err != nil {
		return nil, err
	}
	if err := validateRef(ref.CarrierCode, ref.TrackingNumber); err != nil {
		return nil, err
	}
	c.reads.forget(ref)
	defer c.reads.forget(ref)
	return withID(ctx, c, ref, func(id string) (*Tracking, error) {
		return c.callTrackingV4(ctx, post(nil, "trackings", "retrack", id))
	})
}

// listCarriersV4 is GET /couriers/all.
func (c *Client) listCarriersV4(ctx context.Context) ([]Carrier, error) {
	couriers, _, err := call[[]courierV4](ctx, c, get("couriers", "all"))
	if err != nil {
		return nil, err
	}
	out := make([]Carrier, len(couriers))
	for i, w := range couriers {
		out[i] = w.carrier()
	}
	return out, nil
}

// detectCarrierV4 is POST /couriers/detect, which answers whole couriers.
func (c *Client) detectCarrierV4(ctx context.Context, body any) ([]DetectedCarrier, error) {
	couriers, _, err := call[[]courierV4](ctx, c, post(body, "couriers", "detect"))
	if err != nil {
		return nil, err
	}
	out := make([]DetectedCarrier, len(couriers))
	for i, w := range couriers {
		out[i] = DetectedCarrier{Name: w.CourierName, Code: w.CourierCode}
	}
	return out, nil
}

// airCargoV4 tracks each waybill with its own POST /awb, which takes one.
func (c *Client) airCargoV4(ctx context.Context, numbers []string) ([]AirCargo, error) {
	out := make([]AirCargo, 0, len(numbers))
	for _, n := range numbers {
		body := struct {
			AwbNumber string `json:"awb_number"`
		}{n}
		w, _, err := call[awbV4](ctx, c, post(body, "awb"))
		if err != nil {
			return nil, err
		}
		out = append(out, w.airCargo())
	}
	return out, nil
}
