package trackingmore

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// maxPageLimit is the largest page GET /trackings/get serves.
const maxPageLimit = 2000

func setString(q url.Values, key, v string) {
	if v != "" {
		q.Set(key, v)
	}
}

func setInt(q url.Values, key string, v int) {
	if v != 0 {
		q.Set(key, strconv.Itoa(v))
	}
}

func setTime(q url.Values, key string, t time.Time) {
	if !t.IsZero() {
		q.Set(key, strconv.FormatInt(t.Unix(), 10))
	}
}

// ListTrackings reads one page of GET /trackings/get (documented limit on
// v2: 1/s).
func (c *Client) ListTrackings(ctx context.Context, opts ListOptions) (*TrackingPage, error) {
	switch {
	case len(opts.Numbers) > MaxBatchSize || len(opts.Orders) > MaxBatchSize:
		return nil, fmt.Errorf("trackingmore: at most %d numbers and %d orders per list query (ListAllTrackings splits longer lists)", MaxBatchSize, MaxBatchSize)
	case opts.Limit < 0 || opts.Limit > maxPageLimit || opts.Page < 0:
		return nil, fmt.Errorf("trackingmore: list limit must be within 1..%d and page positive", maxPageLimit)
	}
	if err := validateLang(opts.Lang); err != nil {
		return nil, err
	}
	if err := c.checkList(opts); err != nil {
		return nil, err
	}
	if c.v4() {
		return c.listV4(ctx, opts)
	}
	r := get("trackings", "get")
	r.query = opts.query()
	page, _, err := call[TrackingPage](ctx, c, r)
	if err != nil {
		return nil, err
	}
	return &page, nil
}

// ListAllTrackings reads every page (2000 a page, or maxItems when fewer, unless opts.Limit is set),
// one query per 40-item chunk of opts.Numbers and opts.Orders, and stops at
// maxItems items when maxItems > 0. It returns the items, the sum of the API's totals,
// and, on error, what it had read so far. v4 answers no total: a query's is
// then what it listed, short of the truth when maxItems cut it.
func (c *Client) ListAllTrackings(ctx context.Context, opts ListOptions, maxItems int) ([]Tracking, int, error) {
	if opts.Limit == 0 {
		opts.Limit = maxPageLimit
		if maxItems > 0 {
			opts.Limit = min(maxItems, maxPageLimit)
		}
	}
	var all []Tracking
	total := 0
	for _, numbers := range chunksOrNone(opts.Numbers) {
		for _, orders := range chunksOrNone(opts.Orders) {
			q := opts
			q.Numbers, q.Orders = numbers, orders
			n, err := c.listPages(ctx, q, maxItems, &all)
			total += n
			if err != nil {
				return all, total, err
			}
			if maxItems > 0 && len(all) >= maxItems {
				return all[:maxItems], total, nil
			}
		}
	}
	return all, total, nil
}

// listPages appends the pages of one query to all and returns its total:
// the API's, or (v4, which answers none) the trackings up to the last page read.
func (c *Client) listPages(ctx context.Context, opts ListOptions, maxItems int, all *[]Tracking) (int, error) {
	opts.Page = orDefault(opts.Page, 1)
	first := opts.Page
	total, seen := 0, 0
	for {
		page, err := c.ListTrackings(ctx, opts)
		if err != nil {
			return total, err
		}
		total = int(page.Total)
		seen += len(page.Items)
		*all = append(*all, page.Items...)
		if len(page.Items) < opts.Limit || (total > 0 && seen >= total) || (maxItems > 0 && len(*all) >= maxItems) {
			return max(total, (first-1)*opts.Limit+seen), nil
		}
		opts.Page++
	}
}

// chunksOrNone splits s into MaxBatchSize chunks; an empty s gives one nil
// chunk, so the caller runs one unfiltered query.
func chunksOrNone(s []string) [][]string {
	if len(s) == 0 {
		return [][]string{nil}
	}
	return slices.Collect(slices.Chunk(s, MaxBatchSize))
}
