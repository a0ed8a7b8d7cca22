package trackingmore

import (
	"context"
	"encoding/json"
	"slices"
	"time"
)

// Batch helpers take any number of items, send them in chunks of
// MaxBatchSize one after another (rate-friendly), and merge the answers in
// order. When a chunk fails as a whole, the result holds what the earlier
// chunks did, returned together with the error, so callers can persist it.
// v4 has no batch update or delete: there each item of a chunk is its own
// call (see eachAlone), and a failing chunk's result also holds what its
// other calls did.

// eachChunk calls fn on consecutive chunks of at most MaxBatchSize items,
// stopping at the first error.
func eachChunk[T any](items []T, fn func([]T) error) error {
	for chunk := range slices.Chunk(items, MaxBatchSize) {
		if err := fn(chunk); err != nil {
			return err
		}
	}
	return nil
}

// refsOf names the tracking of each item.
func refsOf[T any](items []T, ref func(T) TrackingRef) []TrackingRef {
	refs := make([]TrackingRef, len(items))
	for i, item := range items {
		refs[i] = ref(item)
	}
	return refs
}

type batchCreateData struct {
	Submitted FlexInt          `json:"submitted"`
	Added     FlexInt          `json:"added"`
	Trackings []Tracking       `json:"trackings"`
	Errors    []BatchItemError `json:"errors"`
}

// CreateTrackings adds trackings (POST /trackings/batch). In a chunk that was
// retried, per-item "already exists" errors may be the earlier attempt's own
// writes: those trackings are fetched and, when adoptable, moved to Trackings.
func (c *Client) CreateTrackings(ctx context.Context, items []CreateTrackingRequest) (*BatchCreateResult, error) {
	res := &BatchCreateResult{}
	for _, item := range items {
		if err := c.checkCreate(item); err != nil {
			return res, err
		}
	}
	refs := refsOf(items, CreateTrackingRequest.ref)
	c.reads.forget(refs...)
	defer c.reads.forget(refs...)
	err := eachChunk(items, func(chunk []CreateTrackingRequest) error {
		started := time.Now()
		d, retried, err := c.batchCreate(ctx, chunk)
		if err != nil {
			return err
		}
		if retried {
			c.adoptDuplicates(ctx, started, &d)
		}
		res.Submitted += int(d.Submitted)
		res.Added += int(d.Added)
		res.Trackings = append(res.Trackings, d.Trackings...)
		res.Errors = append(res.Errors, d.Errors...)
		return nil
	})
	return res, err
}

func (c *Client) batchCreate(ctx context.Context, chunk []CreateTrackingRequest) (batchCreateData, bool, error) {
	if c.v4() {
		return c.batchCreateV4(ctx, chunk)
	}
	return call[batchCreateData](ctx, c, post(chunk, "trackings", "batch"))
}

// adoptDuplicates moves the "already exists" errors of d whose trackings a
// retried attempt created into d.Trackings. One list call fetches them all;
// if it fails the errors stay, which is the safe answer.
func (c *Client) adoptDuplicates(ctx context.Context, started time.Time, d *batchCreateData) {
	var numbers []string
	for _, e := range d.Errors {
		if IsAlreadyExists(e.Err()) {
			numbers = append(numbers, e.TrackingNumber)
		}
	}
	if len(numbers) == 0 {
		return
	}
	page, err := c.ListTrackings(ctx, ListOptions{Numbers: numbers, Limit: maxPageLimit})
	if err != nil {
		c.warn(ctx, "TrackingMore API: could not check duplicates of a retried batch", map[string]any{"error": err.Error()})
		return
	}
	found := make(map[TrackingRef]*Tracking, len(page.Items))
	for i := range page.Items {
		t := &page.Items[i]
		found[TrackingRef{TrackingNumber: t.TrackingNumber, CarrierCode: t.CarrierCode}] = t
	}
	kept := d.Errors[:0]
	for _, e := range d.Errors {
		t := found[TrackingRef{TrackingNumber: e.TrackingNumber, CarrierCode: e.CarrierCode}]
		if !IsAlreadyExists(e.Err()) || t == nil || !c.adoptable(t, started) {
			kept = append(kept, e)
			continue
		}
		d.Trackings = append(d.Trackings, *t)
		d.Added++
	}
	d.Errors = kept
}

type batchUpdateData struct {
	Submitted FlexInt          `json:"submitted"`
	Updated   FlexInt          `json:"updated"`
	Trackings []Tracking       `json:"trackings"`
	Errors    []BatchItemError `json:"errors"`
}

// UpdateTrackings changes several trackings (POST /trackings/updatemore; v4:
// one PUT /trackings/update/{id} each).
func (c *Client) UpdateTrackings(ctx context.Context, items []BatchUpdateItem) (*BatchUpdateResult, error) {
	res := &BatchUpdateResult{}
	for _, item := range items {
		if err := c.checkUpdate(item.UpdateTrackingRequest); err != nil {
			return res, err
		}
	}
	refs := refsOf(items, BatchUpdateItem.ref)
	c.reads.forget(refs...)
	defer c.reads.forget(refs...)
	err := eachChunk(items, func(chunk []BatchUpdateItem) error {
		d, err := c.updateChunk(ctx, chunk)
		res.Submitted += int(d.Submitted)
		res.Updated += int(d.Updated)
		res.Trackings = append(res.Trackings, d.Trackings...)
		res.Errors = append(res.Errors, d.Errors...)
		return err
	})
	return res, err
}

func (c *Client) updateChunk(ctx context.Context, chunk []BatchUpdateItem) (batchUpdateData, error) {
	if c.v4() {
		done, failed, err := eachAlone(chunk, BatchUpdateItem.ref, func(item BatchUpdateItem) (Tracking, error) {
			t, err := c.updateOne(ctx, item)
			if err != nil {
				return Tracking{}, err
			}
			return *t, nil
		})
		return batchUpdateData{Submitted: FlexInt(len(chunk)), Updated: FlexInt(len(done)), Trackings: done, Errors: failed}, err
	}
	d, _, err := call[batchUpdateData](ctx, c, post(chunk, "trackings", "updatemore"))
	return d, err
}

// deleteOutcome is one item of a batch delete answer, either
// {"meta":{tracking_number, carrier_code, code, message}} or those fields flat.
type deleteOutcome BatchItemError

func (o *deleteOutcome) UnmarshalJSON(b []byte) error {
	var wrapped struct {
		Meta *BatchItemError `json:"meta"`
	}
	if err := json.Unmarshal(b, &wrapped); err == nil && wrapped.Meta != nil {
		*o = deleteOutcome(*wrapped.Meta)
		return nil
	}
	return json.Unmarshal(b, (*BatchItemError)(o))
}

type batchDeleteData struct {
	Submitted FlexInt          `json:"submitted"`
	Trackings []deleteOutcome  `json:"trackings"`
	Errors    []BatchItemError `json:"errors"`
}

// DeleteTrackings removes several trackings (POST /trackings/delete; v4: one
// DELETE /trackings/delete/{id} each). As with DeleteTracking, an item not
// found in a retried call counts as deleted.
func (c *Client) DeleteTrackings(ctx context.Context, refs []TrackingRef) (*BatchDeleteResult, error) {
	c.reads.forget(refs...)
	defer c.reads.forget(refs...)
	res := &BatchDeleteResult{}
	err := eachChunk(refs, func(chunk []TrackingRef) error {
		d, err := c.deleteChunk(ctx, chunk)
		res.Submitted += d.Submitted
		res.Deleted = append(res.Deleted, d.Deleted...)
		res.Errors = append(res.Errors, d.Errors...)
		return err
	})
	return res, err
}

func (c *Client) deleteChunk(ctx context.Context, chunk []TrackingRef) (BatchDeleteResult, error) {
	if c.v4() {
		done, failed, err := eachAlone(chunk, TrackingRef.ref, func(ref TrackingRef) (TrackingRef, error) { return ref, c.deleteOne(ctx, ref) })
		return BatchDeleteResult{Submitted: len(chunk), Deleted: done, Errors: failed}, err
	}
	d, retried, err := call[batchDeleteData](ctx, c, post(chunk, "trackings", "delete"))
	if err != nil {
		return BatchDeleteResult{}, err
	}
	res := BatchDeleteResult{Submitted: int(d.Submitted)}
	for _, o := range d.Trackings {
		switch code := int(o.Code); {
		case code == 0 || code == 200 || code == 201,
			retried && (code == 4017 || code == 4031):
			res.Deleted = append(res.Deleted, TrackingRef{TrackingNumber: o.TrackingNumber, CarrierCode: o.CarrierCode})
		default:
			res.Errors = append(res.Errors, BatchItemError(o))
		}
	}
	res.Errors = append(res.Errors, d.Errors...)
	return res, nil
}

type stopUpdatingData struct {
	Submitted FlexInt          `json:"submitted"`
	NotUpdate FlexInt          `json:"notupdate"`
	Errors    []BatchItemError `json:"errors"`
}

// StopUpdating stops the refresh of several trackings, irreversibly
// (v2 only: POST /trackings/notupdate).
func (c *Client) StopUpdating(ctx context.Context, refs []TrackingRef) (*StopUpdatingResult, error) {
	res := &StopUpdatingResult{}
	if err := c.CheckSupported("StopUpdating"); err != nil {
		return res, err
	}
	c.reads.forget(refs...)
	defer c.reads.forget(refs...)
	err := eachChunk(refs, func(chunk []TrackingRef) error {
		d, _, err := call[stopUpdatingData](ctx, c, post(chunk, "trackings", "notupdate"))
		if err != nil {
			return err
		}
		res.Submitted += int(d.Submitted)
		res.Stopped += int(d.NotUpdate)
		res.Errors = append(res.Errors, d.Errors...)
		return nil
	})
	return res, err
}
