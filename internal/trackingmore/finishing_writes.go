package trackingmore

import (
	"context"
	"io"
	"net/http"
)

// finishingWrites lets a write that has been sent run to its answer even when
// its context is cancelled, as when Ctrl-C makes Terraform stop its
// providers: the answer says what the API now holds, and so reaches the
// state, where an abandoned create would leave a tracking on the account
// that the state does not know. Nothing new starts after a cancel: the
// pacer, the retries and their waits see the caller's context, a write not
// yet sent is not detached, and the deadline the attempt had still holds.
type finishingWrites struct{ next http.RoundTripper }

func (t finishingWrites) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if req.Method == http.MethodGet || ctx.Err() != nil {
		return t.next.RoundTrip(req)
	}
	detached, cancel := context.WithCancel(context.WithoutCancel(ctx))
	if deadline, ok := ctx.Deadline(); ok { // http.Client.Timeout, the per-attempt limit
		cancel()
		detached, cancel = context.WithDeadline(context.WithoutCancel(ctx), deadline)
	}
	resp, err := t.next.RoundTrip(req.WithContext(detached))
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// cancelOnClose releases the detached context once the answer is read.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b cancelOnClose) Close() error {
	defer b.cancel()
	return b.ReadCloser.Close()
}
