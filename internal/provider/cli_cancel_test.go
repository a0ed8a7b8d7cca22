package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// cliWorkdir is a Terraform working directory whose CLI talks to the muxed
// provider served in this process (as terraform-plugin-testing does, but
// driving the CLI directly, so that a test can interrupt it).
type cliWorkdir struct {
	dir, terraform string
	env            []string
}

func newCLIWorkdir(t *testing.T, config string) *cliWorkdir {
	t.Helper()
	requireCLI(t)
	server, err := NewServer("test")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	reattach, closed := make(chan *plugin.ReattachConfig, 1), make(chan struct{})
	go func() {
		if err := tf6server.Serve("registry.terraform.io/hashicorp/trackingmore", server,
			tf6server.WithDebug(ctx, reattach, closed), tf6server.WithLoggingSink(t),
			tf6server.WithGoPluginLogger(hclog.NewNullLogger())); err != nil {
			t.Error(err)
		}
	}()
	t.Cleanup(func() { stop(); <-closed })
	cfg := <-reattach
	type addr struct{ Network, String string }
	entry := map[string]any{"Protocol": cfg.Protocol, "ProtocolVersion": cfg.ProtocolVersion, "Pid": cfg.Pid, "Test": true,
		"Addr": addr{cfg.Addr.Network(), cfg.Addr.String()}}
	reattachJSON, err := json.Marshal(map[string]any{
		envOr("TF_ACC_PROVIDER_HOST", "registry.terraform.io") + "/" + envOr("TF_ACC_PROVIDER_NAMESPACE", "hashicorp") + "/trackingmore": entry,
	})
	if err != nil {
		t.Fatal(err)
	}
	w := &cliWorkdir{dir: t.TempDir(), terraform: envOr("TF_ACC_TERRAFORM_PATH", "terraform"),
		env: append(os.Environ(), "TF_REATTACH_PROVIDERS="+string(reattachJSON), "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")}
	if err := os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := w.command(context.Background(), "init", "-input=false").CombinedOutput(); err != nil {
		t.Fatalf("terraform init: %v\n%s", err, out)
	}
	return w
}

func (w *cliWorkdir) command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, w.terraform, append(args[:1:1], append([]string{"-no-color"}, args[1:]...)...)...)
	cmd.Dir, cmd.Env = w.dir, w.env
	return cmd
}

// interruptedApply starts terraform apply, sends it one SIGINT as soon as
// midway holds, and returns its output once it has exited on its own.
func (w *cliWorkdir) interruptedApply(t *testing.T, midway func() bool) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute) // a hang fails, not stalls, the suite
	defer cancel()
	var out bytes.Buffer
	cmd := w.command(ctx, "apply", "-auto-approve", "-input=false")
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for !midway() {
		select {
		case err := <-exited:
			t.Fatalf("terraform apply ended before the interrupt (%v):\n%s", err, out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := <-exited
	if ctx.Err() != nil {
		t.Fatalf("terraform apply did not exit after SIGINT:\n%s", out.String())
	}
	text := out.String()
	if !strings.Contains(text, "Interrupt received") || strings.Contains(text, "panic") || strings.Contains(text, "crash") {
		t.Fatalf("terraform apply (%v) did not stop gracefully:\n%s", err, text)
	}
	return text
}

// apply runs terraform apply to the end; it must succeed.
func (w *cliWorkdir) apply(t *testing.T) string {
	t.Helper()
	out, err := w.command(context.Background(), "apply", "-auto-approve", "-input=false").CombinedOutput()
	if err != nil {
		t.Fatalf("terraform apply: %v\n%s", err, out)
	}
	return string(out)
}

// stateIDs maps carrier/number to the id of every tracking the state holds,
// in either resource type.
func (w *cliWorkdir) stateIDs(t *testing.T) map[string]string {
	t.Helper()
	out, err := w.command(context.Background(), "show", "-json").Output()
	if err != nil {
		t.Fatalf("terraform show: %v", err)
	}
	var state struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Type   string          `json:"type"`
					Values json.RawMessage `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal(out, &state); err != nil {
		t.Fatalf("terraform show: %v", err)
	}
	type item struct {
		CarrierCode    string  `json:"carrier_code"`
		TrackingNumber string  `json:"tracking_number"`
		ID             *string `json:"id"`
	}
	ids := map[string]string{}
	add := func(it item) {
		if it.ID != nil { // a bulk item a create never created has none
			ids[it.CarrierCode+"/"+it.TrackingNumber] = *it.ID
		}
	}
	for _, r := range state.Values.RootModule.Resources {
		switch r.Type {
		case "trackingmore_tracking":
			var it item
			if err := json.Unmarshal(r.Values, &it); err != nil {
				t.Fatal(err)
			}
			add(it)
		case "trackingmore_trackings":
			var bulk struct {
				Trackings map[string]item `json:"trackings"`
			}
			if err := json.Unmarshal(r.Values, &bulk); err != nil {
				t.Fatal(err)
			}
			for _, it := range bulk.Trackings {
				add(it)
			}
		}
	}
	return ids
}

// mockIDs maps carrier/number to id for every tracking the mock holds.
func (m *testMock) mockIDs(t *testing.T) map[string]string {
	t.Helper()
	page, err := m.Client.ListTrackings(context.Background(), trackingmore.ListOptions{Limit: 2000})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, tr := range page.Items {
		ids[tr.CarrierCode+"/"+tr.TrackingNumber] = tr.ID
	}
	return ids
}

// expectStateMatchesMock fails unless the state holds exactly the mock's
// trackings, each with the mock's id, and the mock holds want of them.
func expectStateMatchesMock(t *testing.T, w *cliWorkdir, m *testMock, want int) {
	t.Helper()
	inState, onMock := w.stateIDs(t), m.mockIDs(t)
	if m.TrackingCount() != len(onMock) {
		t.Fatalf("the mock holds %d trackings, lists %d", m.TrackingCount(), len(onMock))
	}
	for ref, id := range onMock {
		if inState[ref] != id {
			t.Errorf("%s: the mock's id %q, the state's %q", ref, id, inState[ref])
		}
	}
	for ref := range inState {
		if _, ok := onMock[ref]; !ok {
			t.Errorf("%s is in state, not on the mock", ref)
		}
	}
	if want >= 0 && len(onMock) != want {
		t.Errorf("the mock holds %d trackings, want %d", len(onMock), want)
	}
}

// interruptThenConverge interrupts the apply of total trackings when midway
// holds: the state must then hold exactly what the mock holds; the next
// apply must create the rest without error, and the one after change nothing.
func interruptThenConverge(t *testing.T, w *cliWorkdir, m *testMock, total int, midway func() bool) {
	t.Helper()
	w.interruptedApply(t, midway)
	if created := m.TrackingCount(); created == 0 || created == total {
		t.Fatalf("the interrupt came at %d of %d trackings: not midway", created, total)
	}
	expectStateMatchesMock(t, w, m, -1)

	w.apply(t)
	expectStateMatchesMock(t, w, m, total)
	if out := w.apply(t); !strings.Contains(out, "No changes.") {
		t.Errorf("the apply after did not converge:\n%s", out)
	}
}

// SIGINT to terraform apply midway through a 2,000-item bulk create:
// Terraform stops the provider (StopProvider reaches the bulk resource's
// server through the mux), exits on its own, and the state holds exactly
// the trackings created; the next apply creates the rest, no duplicates.
func TestCLICancel_bulkCreate(t *testing.T) {
	t.Parallel()
	const items = 2000
	m := newTestMock(t, mockapi.Options{Latency: 100 * time.Millisecond})
	w := newCLIWorkdir(t, bulkConfig(m, upsItems(items, "")))
	interruptThenConverge(t, w, m, items, func() bool { return m.Stats().ByEndpoint["POST /trackings/batch"] >= 5 })
}

// The same midway through 200 trackingmore_tracking resources, which the
// framework's server creates ten at a time.
func TestCLICancel_singleCreates(t *testing.T) {
	t.Parallel()
	const n = 200
	m := newTestMock(t, mockapi.Options{Latency: 100 * time.Millisecond})
	var body strings.Builder
	for i := range n {
		fmt.Fprintf(&body, "resource \"trackingmore_tracking\" \"t%03d\" {\n  carrier_code = \"ups\"\n  tracking_number = \"1Z999AA1%010d\"\n}\n", i, i)
	}
	w := newCLIWorkdir(t, m.config(body.String()))
	interruptThenConverge(t, w, m, n, func() bool { return m.Stats().ByEndpoint["POST /trackings/post"] >= 50 })
}
