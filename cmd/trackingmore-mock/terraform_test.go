package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
)

// These tests drive the real Terraform CLI against the built provider and
// the built mock, as a user's CI does: separate processes, so that each
// provider alias gets its own provider instance (in-process test servers
// share one, and one configured client) and so that the mock can be
// killed with SIGKILL.

var (
	buildOnce sync.Once
	binDir    string
	buildErr  error
)

// binaries builds the provider and the mock once per test run.
func binaries(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		// Shared by every test of the run (t.TempDir is one test's), removed by TestMain.
		if binDir, buildErr = os.MkdirTemp("", "trackingmore-mock-cli"); buildErr != nil { //nolint:usetesting // see above
			return
		}
		for _, pkg := range []string{"github.com/trackform/terraform-provider-trackingmore", "github.com/trackform/terraform-provider-trackingmore/cmd/trackingmore-mock"} {
			out, err := exec.Command("go", "build", "-o", binDir+string(os.PathSeparator), pkg).CombinedOutput()
			if err != nil {
				buildErr = fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
				return
			}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// newWorkspace is a Terraform working directory whose CLI configuration
// points trackform/trackingmore at the built provider (dev_overrides: no
// init, no registry).
func newWorkspace(t *testing.T) *acctest.Workdir {
	t.Helper()
	acctest.RequireCLI(t)
	rc := filepath.Join(t.TempDir(), "terraformrc")
	err := os.WriteFile(rc, []byte(fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/trackform/trackingmore" = %q
  }
  direct {}
}
`, binaries(t))), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	return acctest.NewWorkdir(t, "TF_CLI_CONFIG_FILE="+rc, "TF_LOG=", "TRACKINGMORE_API_KEY=", "TRACKINGMORE_BASE_URL=")
}

// mockProcess is a running trackingmore-mock binary.
type mockProcess struct {
	cmd  *exec.Cmd
	base string // http://127.0.0.1:PORT/v2
}

func startMock(t *testing.T, args ...string) *mockProcess {
	t.Helper()
	cmd := exec.Command(filepath.Join(binaries(t), "trackingmore-mock"), args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	m := &mockProcess{cmd: cmd}
	t.Cleanup(m.kill)
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Scan()
		line <- sc.Text()
		for sc.Scan() { // drain, so the mock never blocks on a full pipe
		}
	}()
	select {
	case l := <-line:
		base, ok := strings.CutPrefix(l, "listening on ")
		if !ok {
			t.Fatalf("the mock said %q", l)
		}
		m.base = base
	case <-time.After(30 * time.Second):
		t.Fatal("the mock did not start")
	}
	return m
}

// kill ends the mock with SIGKILL: no shutdown, no last save.
func (m *mockProcess) kill() {
	if m.cmd.ProcessState == nil {
		_ = m.cmd.Process.Kill()
		_ = m.cmd.Wait()
	}
}

// providerSource requires the provider newWorkspace points at.
var providerSource = acctest.TerraformBlock("trackform/trackingmore")

// TestTerraformTwoAccounts: two provider aliases with two API keys are two
// accounts, which hold the same tracking number side by side.
func TestTerraformTwoAccounts(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t)
	m := startMock(t, "--addr", "127.0.0.1:0", "--rate-limit", "0", "--api-key", "shop-a-key-0001", "--api-key", "shop-b-key-0002")
	config := func(titleB string) string {
		return providerSource + fmt.Sprintf(`
provider "trackingmore" {
  api_key             = "shop-a-key-0001"
  base_url            = %[1]q
  requests_per_second = 100
}

provider "trackingmore" {
  alias               = "shop_b"
  api_key             = "shop-b-key-0002"
  base_url            = %[1]q
  requests_per_second = 100
}

resource "trackingmore_tracking" "a" {
  tracking_number = "1Z999AA10123456784"
  carrier_code    = "ups"
  title           = "shop A"
}

resource "trackingmore_tracking" "b" {
  provider        = trackingmore.shop_b
  tracking_number = "1Z999AA10123456784"
  carrier_code    = "ups"
  title           = %[2]q
}
`, m.base, titleB)
	}
	w.WriteConfig(config("shop B"))
	w.Apply()
	w.WriteConfig(config("shop B, renamed"))
	w.Apply()
	w.ExpectEmptyPlan()
	for key, want := range map[string]string{"shop-a-key-0001": "shop A", "shop-b-key-0002": "shop B, renamed"} {
		if got := trackingTitle(t, m.base, key, "ups", "1Z999AA10123456784"); got != want {
			t.Errorf("account of %s holds title %q, want %q", key[:6], got, want)
		}
	}
	if code, out := w.Run("destroy", "-auto-approve", "-input=false"); code != 0 {
		t.Fatalf("terraform destroy exited %d:\n%s", code, out)
	}
}

// TestTerraformStateFileSurvivesKill9: fifty trackings applied, the mock
// killed with SIGKILL and restarted on its state file, and the next plan
// is empty: every answered change was on disk.
func TestTerraformStateFileSurvivesKill9(t *testing.T) {
	t.Parallel()
	w := newWorkspace(t)
	stateFile := filepath.Join(t.TempDir(), "mock-state.json")
	m := startMock(t, "--addr", "127.0.0.1:0", "--rate-limit", "0", "--state-file", stateFile)
	addr := strings.TrimSuffix(strings.TrimPrefix(m.base, "http://"), "/v2")
	config := providerSource + fmt.Sprintf(`
provider "trackingmore" {
  api_key             = "kill-nine-key"
  base_url            = %q
  requests_per_second = 200
}

resource "trackingmore_tracking" "fleet" {
  count           = 50
  tracking_number = format("KILL%%06d", count.index)
  carrier_code    = "dhl"
  title           = "parcel ${count.index}"
}
`, m.base)
	w.WriteConfig(config)
	w.Apply()
	m.kill()

	// The same address, so the configuration stays the same.
	startMock(t, "--addr", addr, "--rate-limit", "0", "--state-file", stateFile)
	w.ExpectEmptyPlan()
	if got := trackingTitle(t, m.base, "kill-nine-key", "dhl", "KILL000049"); got != "parcel 49" {
		t.Errorf("after the restart KILL000049 has title %q", got)
	}
}

// trackingTitle reads a tracking's title from the mock through the API.
func trackingTitle(t *testing.T, base, apiKey, carrier, number string) string {
	t.Helper()
	req, err := http.NewRequest("GET", base+"/trackings/"+carrier+"/"+number, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Trackingmore-Api-Key", apiKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var env struct {
		Meta struct{ Code int } `json:"meta"`
		Data struct {
			Title string `json:"title"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil || env.Meta.Code != 200 {
		t.Fatalf("GET %s/%s: meta %d, %v", carrier, number, env.Meta.Code, err)
	}
	return env.Data.Title
}
