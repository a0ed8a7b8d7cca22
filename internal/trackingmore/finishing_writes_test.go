package trackingmore

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A create already sent when its context is cancelled (Ctrl-C) still returns
// what the API answered, so the caller can record the tracking; a read is
// abandoned at once; and nothing is retried after the cancel.
func TestCancelledWriteFinishes(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t, func(int, seen) reply {
		time.Sleep(300 * time.Millisecond)
		return ok(`{"id":"0123456789abcdef0123456789abcdef","tracking_number":"1Z999AA10123456784","carrier_code":"ups","status":"pending"}`)
	})
	c := f.client(t)

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	created, err := c.CreateTracking(ctx, CreateTrackingRequest{CarrierCode: "ups", TrackingNumber: "1Z999AA10123456784"})
	if err != nil || created.ID != "0123456789abcdef0123456789abcdef" {
		t.Fatalf("cancelled create: %+v, %v; want the API's answer", created, err)
	}

	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	if _, err := c.GetTracking(ctx, "ups", "1Z999AA10123456784", ""); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled read: err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 250*time.Millisecond {
		t.Errorf("cancelled read took %v: it waited for the answer", d)
	}
	if n := len(f.requests()); n != 2 {
		t.Errorf("the API saw %d requests, want 2 (no retry after a cancel)", n)
	}
}

// A write cancelled before it is sent is not sent.
func TestCancelledWriteNotSent(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t, serve(ok(`{}`)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f.client(t).CreateTracking(ctx, CreateTrackingRequest{CarrierCode: "ups", TrackingNumber: "1Z999AA10123456784"}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("the API saw %d requests, want none", n)
	}
}
