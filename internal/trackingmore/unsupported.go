package trackingmore

import (
	"errors"
	"fmt"
)

// UnsupportedError is an operation, or a request field, that the client's
// API version lacks. It is returned before any call, so nothing was sent;
// Client.CheckSupported gives it for an operation without calling it.
type UnsupportedError struct {
	APIVersion string
	What       string // the operation ("GetUserInfo") or field ("CreateTrackingRequest.Comment")
	Why        string
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("trackingmore: %s is not available with TrackingMore API %s: %s", e.What, e.APIVersion, e.Why)
}

// IsUnsupported: the client's API version lacks the operation or a field
// the request set (see UnsupportedError).
func IsUnsupported(err error) bool {
	var e *UnsupportedError
	return errors.As(err, &e)
}

// onlyIn names the operations one API version lacks: the version that has
// each, and its endpoint there.
var onlyIn = map[string]struct{ version, endpoint string }{
	"GetUserInfo":      {APIVersionV2, "GET /trackings/getuserinfo"},
	"GetStatusCounts":  {APIVersionV2, "GET /trackings/getstatusnumber"},
	"CheckRemoteAreas": {APIVersionV2, "POST /trackings/remote"},
	"TransitTimes":     {APIVersionV2, "POST /trackings/costtime"},
	"StopUpdating":     {APIVersionV2, "POST /trackings/notupdate"},
	"RealtimeTracking": {APIVersionV2, "POST /trackings/realtime"},
	"RetrackTracking":  {APIVersionV4, "POST /trackings/retrack/{id}"},
}

// CheckSupported returns nil when the client's API version has operation (a
// method name, such as "GetUserInfo"), else the UnsupportedError that method
// returns, without any call: the provider refuses such configurations at
// plan time with it.
func (c *Client) CheckSupported(operation string) error {
	o, limited := onlyIn[operation]
	if !limited || o.version == c.version {
		return nil
	}
	return &UnsupportedError{APIVersion: c.version, What: operation,
		Why: fmt.Sprintf("%s has no such endpoint (%s has %s)", c.version, o.version, o.endpoint)}
}

// field is a request field by name, and whether the request sets it.
type field struct {
	name string
	set  bool
}

// lacking refuses the first field that is set, as one the client's API
// version does not have: sending it anyway would drop the value unseen.
func (c *Client) lacking(request string, fields ...field) error {
	for _, f := range fields {
		if f.set {
			return &UnsupportedError{APIVersion: c.version, What: request + "." + f.name, Why: c.version + " has no such field"}
		}
	}
	return nil
}

// checkCreate refuses the fields req sets that the client's version lacks.
func (c *Client) checkCreate(req CreateTrackingRequest) error {
	if c.v4() {
		return c.lacking("CreateTrackingRequest", field{"CustomerPhone", req.CustomerPhone != ""},
			field{"OrderCreateTime", req.OrderCreateTime != ""}, field{"Comment", req.Comment != ""})
	}
	return c.lacking("CreateTrackingRequest", field{"Note", req.Note != ""}, field{"OrderNumber", req.OrderNumber != ""},
		field{"OrderDate", req.OrderDate != ""}, field{"CustomerSMS", req.CustomerSMS != ""})
}

// checkUpdate refuses the fields req sets that the client's version lacks,
// and on v4, which reads an empty value as not sent, a field req clears.
func (c *Client) checkUpdate(req UpdateTrackingRequest) error {
	if !c.v4() {
		return c.lacking("UpdateTrackingRequest", field{"Note", req.Note != nil}, field{"OrderNumber", req.OrderNumber != nil},
			field{"OrderDate", req.OrderDate != nil}, field{"CustomerSMS", req.CustomerSMS != nil})
	}
	if err := c.lacking("UpdateTrackingRequest", field{"CustomerPhone", req.CustomerPhone != nil}, field{"Status", req.Status != nil}); err != nil {
		return err
	}
	cleared := func(s *string) bool { return s != nil && *s == "" }
	for _, f := range []field{
		{"Title", cleared(req.Title)}, {"LogisticsChannel", cleared(req.LogisticsChannel)},
		{"CustomerName", cleared(req.CustomerName)}, {"CustomerEmail", req.CustomerEmail != nil && len(*req.CustomerEmail) == 0},
		{"OrderID", cleared(req.OrderID)}, {"DestinationCode", cleared(req.DestinationCode)}, {"Note", cleared(req.Note)},
		{"OrderNumber", cleared(req.OrderNumber)}, {"OrderDate", cleared(req.OrderDate)}, {"CustomerSMS", cleared(req.CustomerSMS)},
	} {
		if f.set {
			return &UnsupportedError{APIVersion: c.version, What: "clearing UpdateTrackingRequest." + f.name,
				Why: "v4 reads an empty value as not sent, so it cannot clear a field"}
		}
	}
	return nil
}

// checkList refuses the filters opts sets that the client's version lacks.
func (c *Client) checkList(opts ListOptions) error {
	if !c.v4() {
		return c.lacking("ListOptions", field{"CarrierCode", opts.CarrierCode != ""})
	}
	return c.lacking("ListOptions", field{"Orders", len(opts.Orders) > 0},
		field{"OrderCreatedTimeMin", !opts.OrderCreatedTimeMin.IsZero()}, field{"OrderCreatedTimeMax", !opts.OrderCreatedTimeMax.IsZero()})
}
