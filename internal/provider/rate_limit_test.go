package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// Through the batch path, each resource gets the error a single create
// would have given it: the existing tracking's "import it", the quota's
// 4021; the others are created and in state.
func TestAccTrackingResource_mergedCreateErrors(t *testing.T) {
	t.Parallel()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	m.SetQuota(3)
	if _, err := m.Client.CreateTracking(context.Background(), trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10000000000", CarrierCode: "ups"}); err != nil {
		t.Fatal(err)
	}
	// At the default budget (1 request a second) Terraform's five creates
	// surely all wait for the slot after the carrier list, even on a loaded
	// machine, so they travel in one batch.
	w := acctest.NewInProcessWorkdir(t, newServer, m.ConfigWith(map[string]string{"requests_per_second": ""}, singleResources(5)))
	code, out := w.Run("apply", "-auto-approve", "-input=false")
	if code == 0 {
		t.Fatalf("apply succeeded:\n%s", out)
	}
	errs := acctest.OneLine(out)
	for _, want := range []string{
		"TrackingMore rejected ups/1Z999AA10000000000: Tracking already exists (code 4016). It is not managed by this configuration; import it with: terraform import trackingmore_tracking.NAME ups/1Z999AA10000000000",
		"Your quota is used up (code 4021). The account's tracking quota is used up",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("the apply's errors lack %q:\n%s", want, out)
		}
	}
	if n := strings.Count(errs, "(code 4021)"); n != 2 {
		t.Errorf("%d quota errors, want 2:\n%s", n, out)
	}
	if s := m.Stats().ByEndpoint; s["POST /trackings/batch"] == 0 || s["POST /trackings/post"] != 1 {
		t.Errorf("the creates did not merge: %v", s)
	}
	if inState := w.StateIDs(); len(inState) != 2 {
		t.Errorf("the state holds %v, want the two trackings created", inState)
	}
}

// SIGINT midway through a merged create of 200 trackingmore_tracking
// resources: the state holds every tracking the mock holds, and the next
// apply converges.
func TestCLICancel_mergedSingleCreates(t *testing.T) {
	t.Parallel()
	const n = 200
	m := acctest.NewMock(t, mockapi.Options{Latency: 100 * time.Millisecond, Limits: mockapi.NoLimits})
	// A budget slow enough that Terraform's parallel creates wait for it, and so merge.
	w := acctest.NewInProcessWorkdir(t, newServer, m.ConfigWith(map[string]string{"requests_per_second": "4"}, singleResources(n)))
	w.InterruptThenConverge(m, n, func() bool { return m.Stats().ByEndpoint["POST /trackings/batch"] >= 5 })
}

// A provider paced faster than the account allows draws a 429: every call
// then waits (here the mock's Retry-After), the apply succeeds, and the run
// says why once.
func TestAccProvider_rateLimitWarning(t *testing.T) {
	t.Parallel()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.Limits{RateLimit: 2, RetryAfter: time.Second}})
	w := acctest.NewInProcessWorkdir(t, newServer, m.ConfigWith(map[string]string{"requests_per_second": "50"}, singleResources(6)))
	out := w.Apply()
	if s := m.Stats(); s.Throttled == 0 {
		t.Fatalf("the mock never answered 429: the test exercised nothing (%v)", s.ByEndpoint)
	}
	if n := strings.Count(out, "TrackingMore rate limit reached"); n == 0 || !strings.Contains(acctest.OneLine(out), "lower requests_per_second") {
		t.Errorf("%d rate-limit warnings:\n%s", n, out)
	}
	w.ExpectStateMatches(m, 6)
}
