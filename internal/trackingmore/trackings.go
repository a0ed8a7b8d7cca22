package trackingmore

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"time"
)

// Formats a v2 SDK checks before sending; the provider validates plans with
// them. v4's SDKs want an air waybill's serial of 8 digits.
var (
	TrackingNumberPattern = regexp.MustCompile(`^[0-9A-Za-z_-]{5,}$`)
	CarrierCodePattern    = regexp.MustCompile(`^[0-9a-z_-]+$`)
	LangPattern           = regexp.MustCompile(`^[a-z]{2}$`)
	AirWaybillPattern     = regexp.MustCompile(`^[0-9]{3}[ -]?[0-9]{7,8}$`)
	AirWaybillPatternV4   = regexp.MustCompile(`^[0-9]{3}[ -]?[0-9]{8}$`)
)

// adoptSkew is how much older than the call a tracking found after a retried
// create may look and still count as created by that call (clock skew).
const adoptSkew = 10 * time.Minute

// validateRef checks what goes into a URL path before any request is made.
func validateRef(carrierCode, trackingNumber string) error {
	if !CarrierCodePattern.MatchString(carrierCode) {
		return fmt.Errorf("trackingmore: invalid carrier code %q (want %s)", carrierCode, CarrierCodePattern)
	}
	if !TrackingNumberPattern.MatchString(trackingNumber) {
		return fmt.Errorf("trackingmore: invalid tracking number %q (want %s)", trackingNumber, TrackingNumberPattern)
	}
	return nil
}

func validateLang(lang string) error {
	if lang != "" && !LangPattern.MatchString(lang) {
		return fmt.Errorf("trackingmore: invalid language %q (want two lowercase letters)", lang)
	}
	return nil
}

// CreateTracking adds one tracking: alone through POST /trackings/post
// (v4: /trackings/create), or merged with others waiting for the budget
// into POST /trackings/batch (see merge.go). An "already exists" answer to
// a call that was retried after an attempt that may have reached the
// server is that attempt's own write: the tracking is fetched and returned
// instead, provided it was not created before the call (see adoptable).
func (c *Client) CreateTracking(ctx context.Context, req CreateTrackingRequest) (*Tracking, error) {
	if err := c.checkCreate(req); err != nil {
		return nil, err
	}
	c.reads.forget(req.ref())
	defer c.reads.forget(req.ref())
	return c.merging.creates.do(ctx, req)
}

// createOne is CreateTracking alone.
func (c *Client) createOne(ctx context.Context, req CreateTrackingRequest) (*Tracking, error) {
	started := time.Now()
	t, err := c.postCreate(ctx, req)
	if err == nil {
		return t, nil
	}
	if !IsAlreadyExists(err) || !wasRetried(err) {
		return nil, err
	}
	existing, getErr := c.getOne(ctx, req.ref(), "")
	if getErr != nil {
		return nil, fmt.Errorf("%w (checking whether an earlier attempt created it failed: %v)", err, getErr)
	}
	if !c.adoptable(existing, started) {
		return nil, err
	}
	c.warn(ctx, "TrackingMore API: adopted the tracking created by a retried attempt", map[string]any{
		"carrier_code": req.CarrierCode, "tracking_number": req.TrackingNumber,
	})
	return existing, nil
}

// postCreate is POST /trackings/post (v4: /trackings/create).
func (c *Client) postCreate(ctx context.Context, req CreateTrackingRequest) (*Tracking, error) {
	if c.v4() {
		return c.createV4(ctx, req)
	}
	t, _, err := call[Tracking](ctx, c, post(req, "trackings", "post"))
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// serverClockSlack covers the whole seconds of the Date header and of created_at.
const serverClockSlack = 2 * time.Second

// adoptable reports whether t may be the work of a call that started at
// started, that is, it was not created before the call. Once the server's
// clock is known (from the Date header of its answers) "before" is measured
// on that clock, within serverClockSlack; until then within adoptSkew, a
// generous allowance for clock skew. An unparsable created_at gives the
// benefit of the doubt.
func (c *Client) adoptable(t *Tracking, started time.Time) bool {
	created, err := time.Parse(time.RFC3339, t.CreatedAt.String())
	if err != nil {
		return true
	}
	if c.serverClock.Load() {
		return !created.Before(started.Add(time.Duration(c.serverOffset.Load()) - serverClockSlack))
	}
	return !created.Before(started.Add(-adoptSkew))
}

// GetTracking reads one tracking: alone through GET
// /trackings/{carrier}/{number}[/{lang}] (v4: GET /trackings/get by its
// number), or merged with other reads waiting for the budget into GET
// /trackings/get (see merge.go and readCache, which may answer it without a
// call). A read in another language always goes alone.
func (c *Client) GetTracking(ctx context.Context, carrierCode, trackingNumber, lang string) (*Tracking, error) {
	if err := validateRef(carrierCode, trackingNumber); err != nil {
		return nil, err
	}
	if err := validateLang(lang); err != nil {
		return nil, err
	}
	ref := TrackingRef{TrackingNumber: trackingNumber, CarrierCode: carrierCode}
	if lang != "" {
		return c.getOne(ctx, ref, lang)
	}
	if t := c.reads.lookup(ref); t != nil {
		return t, nil
	}
	return c.merging.reads.do(ctx, ref)
}

// getOne is GetTracking alone, through GET /trackings/{carrier}/{number}[/{lang}].
func (c *Client) getOne(ctx context.Context, ref TrackingRef, lang string) (*Tracking, error) {
	if c.v4() {
		return c.getV4(ctx, ref, lang)
	}
	r := get("trackings", ref.CarrierCode, ref.TrackingNumber)
	if lang != "" {
		r.path = append(r.path, lang)
	}
	t, _, err := call[Tracking](ctx, c, r)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// UpdateTracking changes fields of one tracking and returns the API's echo:
// alone through PUT /trackings/{carrier}/{number}, or merged with others
// waiting for the budget into POST /trackings/updatemore. v4 has no batch
// update: there it is always PUT /trackings/update/{id} (see withID).
func (c *Client) UpdateTracking(ctx context.Context, carrierCode, trackingNumber string, req UpdateTrackingRequest) (*Tracking, error) {
	if err := validateRef(carrierCode, trackingNumber); err != nil {
		return nil, err
	}
	if err := c.checkUpdate(req); err != nil {
		return nil, err
	}
	ref := TrackingRef{TrackingNumber: trackingNumber, CarrierCode: carrierCode}
	c.reads.forget(ref)
	defer c.reads.forget(ref)
	return c.merging.updates.do(ctx, BatchUpdateItem{TrackingRef: ref, UpdateTrackingRequest: req})
}

// updateOne is UpdateTracking alone, through PUT /trackings/{carrier}/{number}.
func (c *Client) updateOne(ctx context.Context, item BatchUpdateItem) (*Tracking, error) {
	if c.v4() {
		return c.updateV4(ctx, item)
	}
	r := request{method: http.MethodPut, path: item.path(), body: item.UpdateTrackingRequest}
	t, _, err := call[Tracking](ctx, c, r)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// DeleteTracking removes one tracking: alone through DELETE
// /trackings/{carrier}/{number}, or merged with others waiting for the
// budget into POST /trackings/delete; v4, which has no batch delete, always
// alone through DELETE /trackings/delete/{id}. Not found after a retried
// attempt counts as success (that attempt deleted it); on a first attempt
// the not-found APIError is returned.
func (c *Client) DeleteTracking(ctx context.Context, carrierCode, trackingNumber string) error {
	if err := validateRef(carrierCode, trackingNumber); err != nil {
		return err
	}
	ref := TrackingRef{TrackingNumber: trackingNumber, CarrierCode: carrierCode}
	c.reads.forget(ref)
	defer c.reads.forget(ref)
	_, err := c.merging.deletes.do(ctx, ref)
	return err
}

// deleteOne is DeleteTracking alone, through DELETE /trackings/{carrier}/{number}.
func (c *Client) deleteOne(ctx context.Context, ref TrackingRef) error {
	if c.v4() {
		return c.deleteV4(ctx, ref)
	}
	return deleted(c.do(ctx, request{method: http.MethodDelete, path: ref.path()}, nil))
}

// deleted is a delete's outcome: not found after a retried attempt is
// success, that attempt's own doing.
func deleted(retried bool, err error) error {
	if retried && IsNotFound(err) {
		return nil
	}
	return err
}

// ChangeCarrier moves a tracking to another carrier (POST /trackings/update;
// v4: PUT /trackings/update/{id} with courier_code_new). Not found after a
// retried attempt counts as success when the tracking is now under the new
// carrier (that attempt moved it).
func (c *Client) ChangeCarrier(ctx context.Context, carrierCode, trackingNumber, newCarrierCode string) error {
	from, to := TrackingRef{TrackingNumber: trackingNumber, CarrierCode: carrierCode}, TrackingRef{TrackingNumber: trackingNumber, CarrierCode: newCarrierCode}
	c.reads.forget(from, to)
	defer c.reads.forget(from, to)
	retried, err := c.changeCarrier(ctx, from, newCarrierCode)
	if retried && IsNotFound(err) {
		if _, getErr := c.getOne(ctx, to, ""); getErr == nil {
			return nil
		}
	}
	return err
}

func (c *Client) changeCarrier(ctx context.Context, from TrackingRef, newCarrierCode string) (retried bool, err error) {
	if c.v4() {
		return c.changeCarrierV4(ctx, from, newCarrierCode)
	}
	body := struct {
		TrackingNumber    string `json:"tracking_number"`
		CarrierCode       string `json:"carrier_code"`
		UpdateCarrierCode string `json:"update_carrier_code"`
	}{from.TrackingNumber, from.CarrierCode, newCarrierCode}
	return c.do(ctx, post(body, "trackings", "update"), nil)
}

// RealtimeTracking asks the carrier now (v2 only: POST /trackings/realtime;
// documented limit 3/s, the same shipment once per 2 h).
func (c *Client) RealtimeTracking(ctx context.Context, req RealtimeRequest) (*Tracking, error) {
	if err := c.CheckSupported("RealtimeTracking"); err != nil {
		return nil, err
	}
	ref := TrackingRef{TrackingNumber: req.TrackingNumber, CarrierCode: req.CarrierCode} // realtime refreshes what the API stores
	c.reads.forget(ref)
	defer c.reads.forget(ref)
	data, _, err := call[struct {
		Items []Tracking `json:"items"`
	}](ctx, c, post(req, "trackings", "realtime"))
	if err != nil {
		return nil, err
	}
	if len(data.Items) == 0 {
		return nil, fmt.Errorf("TrackingMore API: POST /trackings/realtime answered without a tracking for %s/%s", req.CarrierCode, req.TrackingNumber)
	}
	return &data.Items[0], nil
}
