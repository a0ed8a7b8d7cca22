package trackingmore

import (
	"context"
	"net/url"
	"time"
)

// UserInfo is GET /trackings/getuserinfo. TrackNumber is the remaining quota.
type UserInfo struct {
	Email       FlexString `json:"email"`
	RegTime     FlexInt    `json:"regtime"`
	Phone       FlexString `json:"phone"`
	Money       FlexString `json:"money"`
	TrackNumber FlexInt    `json:"track_number"`
}

// StatusCountOptions filters GET /trackings/getstatusnumber.
type StatusCountOptions struct {
	CreatedAtMin        time.Time
	CreatedAtMax        time.Time
	OrderCreatedTimeMin time.Time
	OrderCreatedTimeMax time.Time
}

// StatusCounts is GET /trackings/getstatusnumber. Total is ours: when the API
// omits it, the client fills in the sum.
type StatusCounts struct {
	Pending     FlexInt `json:"pending"`
	NotFound    FlexInt `json:"notfound"`
	Transit     FlexInt `json:"transit"`
	Pickup      FlexInt `json:"pickup"`
	Delivered   FlexInt `json:"delivered"`
	Undelivered FlexInt `json:"undelivered"`
	Exception   FlexInt `json:"exception"`
	Expired     FlexInt `json:"expired"`
	Total       FlexInt `json:"total"`
}

// GetUserInfo reads the account (v2 only: GET /trackings/getuserinfo);
// TrackNumber is the remaining quota.
func (c *Client) GetUserInfo(ctx context.Context) (*UserInfo, error) {
	if err := c.CheckSupported("GetUserInfo"); err != nil {
		return nil, err
	}
	info, _, err := call[UserInfo](ctx, c, get("trackings", "getuserinfo"))
	if err != nil {
		return nil, err
	}
	return &info, nil
}

// GetStatusCounts counts trackings by status (v2 only: GET /trackings/getstatusnumber).
// Total is the sum of the counts when the API leaves it out.
func (c *Client) GetStatusCounts(ctx context.Context, opts StatusCountOptions) (*StatusCounts, error) {
	if err := c.CheckSupported("GetStatusCounts"); err != nil {
		return nil, err
	}
	q := url.Values{}
	setTime(q, "created_at_min", opts.CreatedAtMin)
	setTime(q, "created_at_max", opts.CreatedAtMax)
	setTime(q, "order_created_time_min", opts.OrderCreatedTimeMin)
	setTime(q, "order_created_time_max", opts.OrderCreatedTimeMax)
	r := get("trackings", "getstatusnumber")
	r.query = q
	sc, _, err := call[StatusCounts](ctx, c, r)
	if err != nil {
		return nil, err
	}
	if sc.Total == 0 {
		sc.Total = sc.Pending + sc.NotFound + sc.Transit + sc.Pickup + sc.Delivered + sc.Undelivered + sc.Exception + sc.Expired
	}
	return &sc, nil
}
