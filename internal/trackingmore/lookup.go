package trackingmore

import (
	"context"
	"slices"
	"sync"
	"time"
)

// maxReadOneByOne is the largest lookup that reads each tracking alone: up to
// here, parallel GETs finish sooner than list calls paced at 1 per second.
const maxReadOneByOne = 3

// FindTrackings looks trackings up by carrier and number with the fewest
// calls the API allows, and returns those that exist. createdAt gives the
// known creation times: when every page of that created_at range costs fewer
// calls than listing by numbers (40 a call), the range is read page by page
// (2000 a page); trackings without a known time are always listed by number.
//
// A tracking found under the same number but another carrier (changed
// outside the caller) is returned for the requested ref, so the caller sees
// the carrier change as drift instead of a missing tracking.
func (c *Client) FindTrackings(ctx context.Context, refs []TrackingRef, createdAt map[TrackingRef]time.Time) (map[TrackingRef]*Tracking, error) {
	if len(refs) <= maxReadOneByOne {
		return c.getEach(ctx, refs)
	}
	var found []Tracking
	byNumber := refs
	if lo, hi, ranged := createdRange(refs, createdAt); ranged > 0 {
		items, complete, err := c.listCreatedRange(ctx, lo, hi, ceilDiv(ranged, MaxBatchSize))
		if err != nil {
			return nil, err
		}
		if complete {
			found = items
			byNumber = slices.DeleteFunc(slices.Clone(refs), func(r TrackingRef) bool { _, ok := createdAt[r]; return ok })
		}
	}
	if len(byNumber) > 0 {
		numbers := make([]string, len(byNumber))
		for i, r := range byNumber {
			numbers[i] = r.TrackingNumber
		}
		items, _, err := c.ListAllTrackings(ctx, ListOptions{Numbers: numbers, Limit: maxPageLimit}, 0)
		if err != nil {
			return nil, err
		}
		found = append(found, items...)
	}
	return matchRefs(refs, found), nil
}

// getEach GETs every ref in parallel; pacing still applies to each call.
func (c *Client) getEach(ctx context.Context, refs []TrackingRef) (map[TrackingRef]*Tracking, error) {
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		firstErr error
		found    = make(map[TrackingRef]*Tracking, len(refs))
	)
	for _, ref := range refs {
		wg.Go(func() {
			t, err := c.GetTracking(ctx, ref.CarrierCode, ref.TrackingNumber, "")
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				found[ref] = t
			case !IsNotFound(err) && firstErr == nil:
				firstErr = err
			}
		})
	}
	wg.Wait()
	return found, firstErr
}

// createdRange spans the known creation times of refs, widened by a second
// each side since the API filters on whole Unix seconds, and counts them.
func createdRange(refs []TrackingRef, createdAt map[TrackingRef]time.Time) (lo, hi time.Time, n int) {
	for _, r := range refs {
		t, ok := createdAt[r]
		if !ok {
			continue
		}
		if n == 0 || t.Before(lo) {
			lo = t
		}
		if n == 0 || t.After(hi) {
			hi = t
		}
		n++
	}
	return lo.Add(-time.Second), hi.Add(time.Second), n
}

// listCreatedRange reads every page of trackings created in [lo, hi], unless
// the first page's total shows it would take more than budget calls: then
// complete is false and the caller lists by number instead. v4 answers no
// total, so there the pages are read until they have cost more than budget.
func (c *Client) listCreatedRange(ctx context.Context, lo, hi time.Time, budget int) (items []Tracking, complete bool, err error) {
	opts := ListOptions{CreatedAtMin: lo, CreatedAtMax: hi, Limit: maxPageLimit, Page: 1}
	first, err := c.ListTrackings(ctx, opts)
	if err != nil {
		return nil, false, err
	}
	if ceilDiv(int(first.Total), maxPageLimit) > budget+1 { // +1: the first page is already paid for
		return nil, false, nil
	}
	items = first.Items
	if len(first.Items) < maxPageLimit {
		return items, true, nil
	}
	opts.Page = 2
	var rest []Tracking
	over := budget * maxPageLimit // what budget pages after the first hold at most
	if _, err := c.listPages(ctx, opts, over+1, &rest); err != nil {
		return nil, false, err
	}
	if len(rest) > over {
		return nil, false, nil
	}
	return append(items, rest...), true, nil
}

// matchRefs maps each ref to its tracking in found: the same carrier and
// number, or else the same number under a carrier nobody asked for.
func matchRefs(refs []TrackingRef, found []Tracking) map[TrackingRef]*Tracking {
	exact := make(map[TrackingRef]*Tracking, len(found))
	byNumber := make(map[string]*Tracking, len(found))
	for i := range found {
		t := &found[i]
		exact[TrackingRef{TrackingNumber: t.TrackingNumber, CarrierCode: t.CarrierCode}] = t
		byNumber[t.TrackingNumber] = t
	}
	requested := make(map[TrackingRef]bool, len(refs))
	for _, r := range refs {
		requested[r] = true
	}
	out := make(map[TrackingRef]*Tracking, len(refs))
	for _, r := range refs {
		if t, ok := exact[r]; ok {
			out[r] = t
		} else if t, ok := byNumber[r.TrackingNumber]; ok && !requested[TrackingRef{TrackingNumber: t.TrackingNumber, CarrierCode: t.CarrierCode}] {
			out[r] = t
		}
	}
	return out
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }
