package trackingmore

import (
	"sync"
)

// readCache holds what listing the account returned, so that merged reads
// (see merge.go) are served without a call each. The first merged read of
// a client lists a whole page of 2,000 instead of its 40 numbers, so an
// account of up to 2,000 trackings is refreshed in one call whatever the
// number of reads. A bigger account is listed whole once the merged reads
// by numbers have cost as many calls as listing the rest would (a
// ski-rental rule: never more than twice the better choice, plus one call).
//
// A write to a tracking forgets what was read of it, and a listing that
// was on the wire while a write began does not keep that tracking: nothing
// read before a write is served after it. Absence from a listing proves
// nothing; a tracking it lacks is read by number.
type readCache struct {
	mu      sync.Mutex
	byRef   map[TrackingRef]*Tracking
	writes  uint64                 // counts the writes begun
	written map[TrackingRef]uint64 // writes at each tracking's latest write
	listing bool                   // a listing is on the wire
	// nextPage is the next page to list: 1 before the first listing, 0 once
	// the account is listed whole; pages is how many the account had.
	nextPage, pages int
	// byNumbers counts merged reads by numbers since the first listing:
	// the rent paid instead of listing the rest.
	byNumbers int
}

func newReadCache() *readCache {
	return &readCache{byRef: map[TrackingRef]*Tracking{}, written: map[TrackingRef]uint64{}, nextPage: 1}
}

// lookup returns a copy of what the cache holds of ref, or nil.
func (rc *readCache) lookup(ref TrackingRef) *Tracking {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	t, ok := rc.byRef[ref]
	if !ok {
		return nil
	}
	copied := *t
	return &copied
}

// forget drops what was read of refs. A write calls it before it starts,
// so that no read during the write is served the old state, and again
// once it has ended, so that no listing that overlapped it keeps it.
func (rc *readCache) forget(refs ...TrackingRef) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.writes++
	for _, ref := range refs {
		rc.written[ref] = rc.writes
		delete(rc.byRef, ref)
	}
}

// startListing reports whether a merged read should list pages now, and
// which: the first page on the first merged read; the rest once the rent
// paid equals their number. since marks the listing's start for stored.
func (rc *readCache) startListing() (from, to int, since uint64, ok bool) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	switch {
	case rc.listing || rc.nextPage == 0:
		return 0, 0, 0, false
	case rc.nextPage == 1:
		from, to = 1, 1
	case rc.byNumbers >= rc.pages-rc.nextPage+1:
		from, to = rc.nextPage, rc.pages
	default:
		return 0, 0, 0, false
	}
	rc.listing = true
	return from, to, rc.writes, true
}

// paidRent counts a merged read by numbers made once the account's first
// page was listed.
func (rc *readCache) paidRent() {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.nextPage != 1 {
		rc.byNumbers++
	}
}

// stored keeps the listed items not written since the listing began, and
// moves on to the page after last (total: the account's size then). An
// unfinished listing (err) is tried again by a later merged read.
func (rc *readCache) stored(items []Tracking, since uint64, last, total int, err error) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.listing = false
	for i := range items {
		t := &items[i]
		ref := TrackingRef{TrackingNumber: t.TrackingNumber, CarrierCode: t.CarrierCode}
		if rc.written[ref] <= since {
			rc.byRef[ref] = t
		}
	}
	if err != nil {
		return
	}
	rc.pages = max(1, (total+maxPageLimit-1)/maxPageLimit)
	rc.nextPage = last + 1
	if rc.nextPage > rc.pages {
		rc.nextPage = 0
	}
}
