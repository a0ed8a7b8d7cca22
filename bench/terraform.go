package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// benchAPIKey is the mock account every scenario works in.
const benchAPIKey = "bench-key"

// The API versions the bench measures (-api-versions).
const (
	apiV2 = "v2"
	apiV4 = "v4"
)

// providerHeader starts the main.tf of the scenarios that use the provider,
// at its defaults unless the run gives a requests_per_second; on API v4
// with api_version = "v4" (v2 is the provider's default, so a v2 block
// stays empty).
func providerHeader(version string, rps float64) string {
	var args []string
	if version == apiV4 {
		args = append(args, `  api_version = "v4"`)
	}
	if rps > 0 {
		args = append(args, fmt.Sprintf("  requests_per_second = %v", rps))
	}
	block := "provider \"trackingmore\" {}\n"
	if len(args) > 0 {
		block = "provider \"trackingmore\" {\n" + strings.Join(args, "\n") + "\n}\n"
	}
	return `terraform {
  required_providers {
    trackingmore = { source = "trackform/trackingmore" }
  }
}

` + block
}

const parcelsVar = `
variable "parcels" {
  type = map(object({ carrier_code = string, tracking_number = string, title = string }))
}
`

// configs holds each scenario's main.tf body after the provider header.
var configs = map[kind]string{
	kindSingle: parcelsVar + `
resource "trackingmore_tracking" "parcel" {
  for_each        = var.parcels
  carrier_code    = each.value.carrier_code
  tracking_number = each.value.tracking_number
  title           = each.value.title
}
`,
	kindBulk: parcelsVar + `
resource "trackingmore_trackings" "shop" {
  trackings = var.parcels
}
`,
	kindData: parcelsVar + `
resource "terraform_data" "parcel" {
  for_each = var.parcels
  input    = each.value
}
`,
	kindOnboard: "", // the provider only: terraform query writes the rest (onboardQuery)
}

// onboardQuery is the onboarding scenario's query file: every tracking
// (Terraform stops a list block at 100 results unless limit says more).
const onboardQuery = `list "trackingmore_tracking" "existing" {
  provider         = trackingmore
  include_resource = true
  limit            = 100000
}
`

// parcel is one generated tracking; the carriers are in the mock's catalogue.
type parcel struct {
	CarrierCode    string `json:"carrier_code"`
	TrackingNumber string `json:"tracking_number"`
	Title          string `json:"title"`
}

var carriers = []string{"ups", "usps", "dhl"}

// parcels generates n trackings; the first `changed` get a new title.
func parcels(n, changed int) map[string]parcel {
	out := make(map[string]parcel, n)
	for i := range n {
		title := fmt.Sprintf("Order %d", i)
		if i < changed {
			title += " (gift wrapped)"
		}
		out[fmt.Sprintf("order-%05d", i)] = parcel{
			CarrierCode:    carriers[i%len(carriers)],
			TrackingNumber: fmt.Sprintf("BENCH%07d", i),
			Title:          title,
		}
	}
	return out
}

// workspace is a temporary Terraform working directory for one scenario.
type workspace struct {
	dir string
	env []string
}

// newWorkspace writes main.tf and a CLI config whose dev_overrides point
// the provider address at binDir (no terraform init needed). baseURL is the
// mock's root of the API version the provider speaks.
func newWorkspace(k kind, binDir, version, baseURL string, rps float64) (*workspace, error) {
	dir, err := os.MkdirTemp("", "tm-bench-"+string(k)+"-")
	if err != nil {
		return nil, err
	}
	rc := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/trackform/trackingmore" = %q
  }
  direct {}
}
`, binDir)
	main := configs[k]
	if k.usesAPI() {
		main = providerHeader(version, rps) + main
	}
	err = errors.Join(
		os.WriteFile(filepath.Join(dir, "terraformrc"), []byte(rc), 0o600),
		os.WriteFile(filepath.Join(dir, "main.tf"), []byte(main), 0o600),
	)
	if k == kindOnboard {
		err = errors.Join(err, os.WriteFile(filepath.Join(dir, "existing.tfquery.hcl"), []byte(onboardQuery), 0o600))
	}
	w := &workspace{dir: dir, env: append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+filepath.Join(dir, "terraformrc"),
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1",
		"TRACKINGMORE_BASE_URL="+baseURL,
		"TRACKINGMORE_API_KEY="+benchAPIKey,
	)}
	if err != nil {
		w.remove()
		return nil, err
	}
	return w, nil
}

func (w *workspace) remove() { _ = os.RemoveAll(w.dir) }

// setParcels writes the variable file the next run reads.
func (w *workspace) setParcels(p map[string]parcel) error {
	b, err := json.Marshal(map[string]any{"parcels": p})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(w.dir, "terraform.tfvars.json"), b, 0o600)
}

// phaseArgs are the Terraform arguments of each phase. Update and destroy
// skip the refresh so their API calls are their own; plan measures it.
func phaseArgs(p phase, parallelism int) []string {
	par := "-parallelism=" + strconv.Itoa(parallelism)
	switch p {
	case phaseApply, phaseImport:
		return []string{"apply", "-auto-approve", "-input=false", "-no-color", par}
	case phasePlan, phaseImportPlan:
		return []string{"plan", "-input=false", "-no-color", "-detailed-exitcode", par}
	case phaseQuery:
		return []string{"query", "-no-color", "-generate-config-out=generated.tf"}
	case phaseUpdate:
		return []string{"apply", "-auto-approve", "-input=false", "-no-color", "-refresh=false", par}
	default:
		return []string{"destroy", "-auto-approve", "-input=false", "-no-color", "-refresh=false", par}
	}
}

// runOutcome is what one Terraform run cost outside the API.
type runOutcome struct {
	wall         time.Duration
	usage        usage
	planNotEmpty bool // plan exited 2
	err          error
	logTail      string // the end of Terraform's output, when the run failed
	inState      int    // resource instances in the state after a failed run (-1: unknown)
}

// run executes one phase and samples memory and CPU while it runs. When ctx
// ends (timeout, Ctrl-C) Terraform is interrupted, so it stops cleanly.
func (w *workspace) run(ctx context.Context, tf string, p phase, parallelism int, timeout time.Duration) runOutcome {
	logPath := filepath.Join(w.dir, string(p)+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return runOutcome{err: err}
	}
	defer logFile.Close()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, tf, phaseArgs(p, parallelism)...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = w.dir, w.env, logFile, logFile
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 30 * time.Second // then killed

	start := time.Now()
	if err := cmd.Start(); err != nil {
		return runOutcome{err: err}
	}
	sampler := startSampler(cmd.Process.Pid)
	err = cmd.Wait()
	out := runOutcome{wall: time.Since(start), usage: sampler.stop()}
	if st := cmd.ProcessState; st != nil { // its rusage includes the providers it waited for
		out.usage.terraformCPU = max(0, st.UserTime()+st.SystemTime()-out.usage.providerCPU)
	}

	var exit *exec.ExitError
	if (p == phasePlan || p == phaseImportPlan) && errors.As(err, &exit) && exit.ExitCode() == 2 {
		out.planNotEmpty, err = true, nil
	}
	if err != nil {
		out.err = fmt.Errorf("terraform %s: %w", p, err)
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			out.err = fmt.Errorf("terraform %s: interrupted after -phase-timeout %s: %w", p, timeout, err)
		}
		out.logTail = tail(logPath, 30)
	}
	return out
}

// expectOutput fails unless a phase's output has the line want.
func (w *workspace) expectOutput(p phase, want string) error {
	logPath := filepath.Join(w.dir, string(p)+".log")
	b, err := os.ReadFile(logPath)
	if err != nil {
		return err
	}
	if !slices.Contains(strings.Split(string(b), "\n"), want) {
		return fmt.Errorf("terraform %s: no line %q in its output", p, want)
	}
	return nil
}

// tail returns the last n lines of a file, for failure reports.
func tail(path string, n int) string {
	b, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// terraformVersion asks the CLI for its version.
func terraformVersion(tf string) string {
	out, err := exec.Command(tf, "version", "-json").Output()
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err != nil || json.Unmarshal(out, &v) != nil {
		return "unknown"
	}
	return v.Version
}

// queryTerraformVersion is the Terraform that `-query-terraform auto` builds
// with scripts/cli.sh when -terraform cannot run terraform query.
const queryTerraformVersion = "1.16.4"

// resolveQueryTerraform picks the Terraform of the onboarding scenario, or
// says why there is none: reason is empty when tf can run terraform query.
func resolveQueryTerraform(terraform, choice string) (tf, reason string) {
	if choice != "auto" {
		if v := terraformVersion(choice); !canQuery(v) {
			return "", fmt.Sprintf("-query-terraform %s is Terraform %s; terraform query needs 1.14+", choice, v)
		}
		return choice, ""
	}
	v := terraformVersion(terraform)
	if canQuery(v) {
		return terraform, ""
	}
	log.Printf("Terraform %s cannot run terraform query; asking scripts/cli.sh for Terraform %s (a first build takes minutes)", v, queryTerraformVersion)
	cmd := exec.Command("scripts/cli.sh", "terraform", queryTerraformVersion)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Sprintf("-terraform is Terraform %s (terraform query needs 1.14+) and `scripts/cli.sh terraform %s` failed: %v", v, queryTerraformVersion, err)
	}
	tf = strings.TrimSpace(string(out))
	if v := terraformVersion(tf); !canQuery(v) {
		return "", fmt.Sprintf("scripts/cli.sh gave %s, Terraform %s; terraform query needs 1.14+", tf, v)
	}
	return tf, ""
}

// canQuery tells whether a Terraform version ("1.16.4") has terraform
// query, new in 1.14.
func canQuery(version string) bool {
	var major, minor int
	if _, err := fmt.Sscanf(version, "%d.%d", &major, &minor); err != nil {
		return false
	}
	return major > 1 || major == 1 && minor >= 14
}

// stateCount is how many resource instances Terraform's state holds (no API
// call): how far a failed phase got. -1 when it cannot tell.
func (w *workspace) stateCount(tf string) int {
	cmd := exec.Command(tf, "state", "list")
	cmd.Dir, cmd.Env = w.dir, w.env
	out, err := cmd.Output()
	if err != nil {
		return -1
	}
	return len(strings.Fields(string(out)))
}
