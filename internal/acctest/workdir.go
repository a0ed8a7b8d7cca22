package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// Workdir is a Terraform working directory of one test, whose CLI
// (TerraformPath) the test drives directly, as a user would: for what
// terraform-plugin-testing cannot do, such as interrupting an apply or
// talking to separately built binaries.
type Workdir struct {
	t         testing.TB
	Dir       string
	terraform string
	env       []string
}

// NewWorkdir is an empty working directory; env is added to this process's
// environment for every command.
func NewWorkdir(t testing.TB, env ...string) *Workdir {
	t.Helper()
	RequireCLI(t)
	return &Workdir{t: t, Dir: t.TempDir(), terraform: TerraformPath(),
		env: append(append(os.Environ(), "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1"), env...)}
}

// NewInProcessWorkdir is a working directory holding config, initialised,
// whose CLI talks to the provider newServer returns, served in this
// process (TF_REATTACH_PROVIDERS, as terraform-plugin-testing does) until
// the test ends.
func NewInProcessWorkdir(t *testing.T, newServer func() (tfprotov6.ProviderServer, error), config string) *Workdir {
	t.Helper()
	RequireCLI(t)
	server, err := newServer()
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	reattach, closed := make(chan *plugin.ReattachConfig, 1), make(chan struct{})
	go func() {
		if err := tf6server.Serve(ProviderAddress(ProviderName), func() tfprotov6.ProviderServer { return server },
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
	reattachJSON, err := json.Marshal(map[string]any{ProviderAddress(ProviderName): entry})
	if err != nil {
		t.Fatal(err)
	}
	w := NewWorkdir(t, "TF_REATTACH_PROVIDERS="+string(reattachJSON))
	w.WriteConfig(config)
	if out, err := w.Command(context.Background(), "init", "-input=false").CombinedOutput(); err != nil {
		t.Fatalf("terraform init: %v\n%s", err, out)
	}
	return w
}

// WriteConfig replaces the configuration (main.tf).
func (w *Workdir) WriteConfig(config string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.Dir, "main.tf"), []byte(config), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

// Command is terraform args[0] -no-color args[1:] in this directory.
func (w *Workdir) Command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, w.terraform, append(args[:1:1], append([]string{"-no-color"}, args[1:]...)...)...)
	cmd.Dir, cmd.Env = w.Dir, w.env
	return cmd
}

// Run runs terraform with args and returns its exit code and output,
// failing the test on any trouble other than a non-zero exit.
func (w *Workdir) Run(args ...string) (int, string) {
	w.t.Helper()
	out, err := w.Command(context.Background(), args...).CombinedOutput()
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		return ee.ExitCode(), string(out)
	}
	if err != nil {
		w.t.Fatalf("terraform %v: %v", args, err)
	}
	return 0, string(out)
}

// Apply runs terraform apply to the end; it must succeed.
func (w *Workdir) Apply() string {
	w.t.Helper()
	code, out := w.Run("apply", "-auto-approve", "-input=false")
	if code != 0 {
		w.t.Fatalf("terraform apply exited %d:\n%s", code, out)
	}
	return out
}

// ExpectEmptyPlan fails unless terraform plan finds nothing to change.
func (w *Workdir) ExpectEmptyPlan() {
	w.t.Helper()
	if code, out := w.Run("plan", "-detailed-exitcode", "-input=false"); code != 0 {
		w.t.Fatalf("terraform plan exited %d, want 0 (no changes):\n%s", code, out)
	}
}

// InterruptedApply starts terraform apply, sends it one SIGINT as soon as
// midway holds, and returns its output once it has exited on its own. It
// fails the test if the apply ends before, hangs after, or does not stop
// gracefully (no "Interrupt received", or a panic or crash).
func (w *Workdir) InterruptedApply(midway func() bool) string {
	w.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute) // a hang fails, not stalls, the suite
	defer cancel()
	var out bytes.Buffer
	cmd := w.Command(ctx, "apply", "-auto-approve", "-input=false")
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for !midway() {
		select {
		case err := <-exited:
			w.t.Fatalf("terraform apply ended before the interrupt (%v):\n%s", err, out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		w.t.Fatal(err)
	}
	err := <-exited
	if ctx.Err() != nil {
		w.t.Fatalf("terraform apply did not exit after SIGINT:\n%s", out.String())
	}
	text := out.String()
	if !strings.Contains(text, "Interrupt received") || strings.Contains(text, "panic") || strings.Contains(text, "crash") {
		w.t.Fatalf("terraform apply (%v) did not stop gracefully:\n%s", err, text)
	}
	return text
}

// StateIDs maps carrier/number to the id of every tracking the state holds,
// in either resource type (terraform show -json).
func (w *Workdir) StateIDs() map[string]string {
	w.t.Helper()
	out, err := w.Command(context.Background(), "show", "-json").Output()
	if err != nil {
		w.t.Fatalf("terraform show: %v", err)
	}
	ids, err := trackingIDsInState(out)
	if err != nil {
		w.t.Fatalf("terraform show: %v", err)
	}
	return ids
}

// trackingIDsInState is StateIDs of the output of terraform show -json.
func trackingIDsInState(showJSON []byte) (map[string]string, error) {
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
	if err := json.Unmarshal(showJSON, &state); err != nil {
		return nil, err
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
				return nil, err
			}
			add(it)
		case "trackingmore_trackings":
			var bulk struct {
				Trackings map[string]item `json:"trackings"`
			}
			if err := json.Unmarshal(r.Values, &bulk); err != nil {
				return nil, err
			}
			for _, it := range bulk.Trackings {
				add(it)
			}
		}
	}
	return ids, nil
}

// ExpectStateMatches fails unless the state holds exactly the mock's
// trackings, each with the mock's id, and (want ≥ 0) the mock holds want
// of them.
func (w *Workdir) ExpectStateMatches(m *Mock, want int) {
	w.t.Helper()
	inState, onMock := w.StateIDs(), m.TrackingIDs(w.t)
	if m.TrackingCount() != len(onMock) {
		w.t.Fatalf("the mock holds %d trackings, lists %d", m.TrackingCount(), len(onMock))
	}
	for ref, id := range onMock {
		if inState[ref] != id {
			w.t.Errorf("%s: the mock's id %q, the state's %q", ref, id, inState[ref])
		}
	}
	for ref := range inState {
		if _, ok := onMock[ref]; !ok {
			w.t.Errorf("%s is in state, not on the mock", ref)
		}
	}
	if want >= 0 && len(onMock) != want {
		w.t.Errorf("the mock holds %d trackings, want %d", len(onMock), want)
	}
}

// InterruptThenConverge interrupts the apply of total trackings when midway
// holds: the state must then hold exactly what the mock holds; the next
// apply must create the rest without error, and the one after change
// nothing.
func (w *Workdir) InterruptThenConverge(m *Mock, total int, midway func() bool) {
	w.t.Helper()
	w.InterruptedApply(midway)
	if created := m.TrackingCount(); created == 0 || created == total {
		w.t.Fatalf("the interrupt came at %d of %d trackings: not midway", created, total)
	}
	w.ExpectStateMatches(m, -1)

	w.Apply()
	w.ExpectStateMatches(m, total)
	if out := w.Apply(); !strings.Contains(out, "No changes.") {
		w.t.Errorf("the apply after did not converge:\n%s", out)
	}
}
