package trackingmore

import "context"

// RemoteAreaQuery is one item of POST /trackings/remote.
type RemoteAreaQuery struct {
	Country  string `json:"country"`
	Postcode string `json:"postcode"`
	Company  string `json:"company,omitempty"`
}

// RemoteAreaResult answers one RemoteAreaQuery.
type RemoteAreaResult struct {
	Country  FlexString `json:"country"`
	Postcode FlexString `json:"postcode"`
	Company  FlexString `json:"company"`
	Remote   FlexBool   `json:"remote"`
}

// CheckRemoteAreas asks whether postcodes are remote areas (v2 only: POST
// /trackings/remote; billed one unit per 5 calls).
func (c *Client) CheckRemoteAreas(ctx context.Context, queries []RemoteAreaQuery) ([]RemoteAreaResult, error) {
	if err := c.CheckSupported("CheckRemoteAreas"); err != nil {
		return nil, err
	}
	res, _, err := call[[]RemoteAreaResult](ctx, c, post(queries, "trackings", "remote"))
	return res, err
}
