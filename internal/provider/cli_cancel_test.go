package provider

import (
	"testing"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// SIGINT to terraform apply midway through a 2,000-item bulk create:
// Terraform stops the provider (StopProvider reaches the bulk resource's
// server through the mux), exits on its own, and the state holds exactly
// the trackings created; the next apply creates the rest, no duplicates.
func TestCLICancel_bulkCreate(t *testing.T) {
	t.Parallel()
	const items = 2000
	m := acctest.NewMock(t, mockapi.Options{Latency: 100 * time.Millisecond, Limits: mockapi.NoLimits})
	w := acctest.NewInProcessWorkdir(t, newServer, bulkConfig(m, upsItems(items, "")))
	w.InterruptThenConverge(m, items, func() bool { return m.Stats().ByEndpoint["POST /trackings/batch"] >= 5 })
}

// The same midway through 200 trackingmore_tracking resources, which the
// framework's server creates ten at a time.
func TestCLICancel_singleCreates(t *testing.T) {
	t.Parallel()
	const n = 200
	m := acctest.NewMock(t, mockapi.Options{Latency: 100 * time.Millisecond, Limits: mockapi.NoLimits})
	w := acctest.NewInProcessWorkdir(t, newServer, m.Config(singleResources(n)))
	w.InterruptThenConverge(m, n, func() bool { return m.Stats().ByEndpoint["POST /trackings/post"] >= 50 })
}
