package trackingmore

import (
	"context"
	"math"
	"strconv"
	"strings"
)

// TransitRoute is one item of POST /trackings/costtime (2-letter country codes).
type TransitRoute struct {
	CarrierCode string `json:"carrier_code"`
	Original    string `json:"original"`
	Destination string `json:"destination"`
}

// TransitTime answers one TransitRoute; the ranges split the delivered
// parcels by days taken (0-7, 7-15, 16-30, 31-60, over 60). The contract does
// not fix their unit: counts and percentage strings ("12%") are both seen.
type TransitTime struct {
	CarrierCode FlexString `json:"carrier_code"`
	Original    FlexString `json:"original"`
	Destination FlexString `json:"destination"`
	Total       FlexInt    `json:"total"`
	Delivered   FlexInt    `json:"delivered"`
	Range1      FlexString `json:"range1"`
	Range3      FlexString `json:"range3"`
	Range4      FlexString `json:"range4"`
	Range5      FlexString `json:"range5"`
	Range6      FlexString `json:"range6"`
}

// TransitTimes reads carriers' delivery-time statistics (v2 only: POST /trackings/costtime).
func (c *Client) TransitTimes(ctx context.Context, routes []TransitRoute) ([]TransitTime, error) {
	if err := c.CheckSupported("TransitTimes"); err != nil {
		return nil, err
	}
	res, _, err := call[[]TransitTime](ctx, c, post(routes, "trackings", "costtime"))
	return res, err
}

// SharePercent reads one range of t (t.Range1 … t.Range6) as a percentage of
// its delivered parcels. The API's unit is not documented: a value written
// with "%" is a percentage; a bare number is a count of delivered parcels (as
// the contract and the mock answer), divided by Delivered and rounded to two
// decimals. ok is false for anything unreadable, or a count without deliveries.
func (t TransitTime) SharePercent(r FlexString) (percent float64, ok bool) {
	s := strings.TrimSpace(string(r))
	isPercent := strings.HasSuffix(s, "%")
	f, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
	switch {
	case err != nil:
		return 0, false
	case isPercent:
		return f, true
	case t.Delivered <= 0:
		return 0, false
	}
	return math.Round(f/float64(t.Delivered)*10000) / 100, true
}
