package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/providerenv"
)

// secretKey is distinctive so that any trace of it is found.
const secretKey = "tm-SECRET-9f86d081884c7d65"

// noSecret fails a plan or state check whose JSON holds the key.
type noSecret struct{}

func (noSecret) find(what string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if len(b) < 100 {
		return fmt.Errorf("%s is suspiciously short: %s", what, b)
	}
	if strings.Contains(string(b), secretKey) {
		return fmt.Errorf("the API key appears in the %s", what)
	}
	return nil
}

func (c noSecret) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c.find("plan", req.Plan)
}

func (c noSecret) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.find("state", req.State)
}

// TestAccSecrets runs with TRACE logs of both Terraform and the in-process
// provider written to a file, and a distinctive API key: the key must not
// appear in the logs (including retries), the plan, the state, or the error
// of a rejected key.
// t.Setenv changes the whole process, so this test is not parallel.
func TestAccSecrets(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_ACC_LOG_PATH", logFile) // Terraform CLI and the provider's log sink
	t.Setenv("TF_ACC_LOG", "TRACE")
	t.Setenv("TF_LOG", "TRACE")
	// The key comes from the environment, as a secret should: a key written
	// in the configuration is the user's own text, which Terraform and the
	// test harness print (plan JSON, TRACE dump of the config) by design.
	t.Setenv(providerenv.APIKey, secretKey)

	config := func(m *acctest.Mock) string {
		return m.ConfigWith(map[string]string{"api_key": ""}, `
resource "trackingmore_tracking" "test" {
  tracking_number = "1Z999AA10123456784"
  carrier_code    = "ups"
  title           = "Espresso machine"
}

data "trackingmore_user_info" "test" {}
`)
	}

	t.Run("accepted key", func(t *testing.T) {
		// Retries are logged too: make some happen.
		m := acctest.NewMock(t, mockapi.Options{APIKeys: []string{secretKey}, Seed: 3, Faults: mockapi.Faults{ErrorRate: 0.3}, Limits: mockapi.NoLimits})
		acctest.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config:            config(m),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{noSecret{}}},
				ConfigStateChecks: []statecheck.StateCheck{noSecret{}},
			}},
		})
		if m.Stats().Total == 0 {
			t.Error("the mock saw no call")
		}
	})

	t.Run("rejected key", func(t *testing.T) {
		m := acctest.NewMock(t, mockapi.Options{APIKeys: []string{"other"}, Limits: mockapi.NoLimits})
		var rejected string
		acctest.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			// ErrorCheck sees the whole error text, which ExpectError only matches.
			ErrorCheck: func(err error) error {
				if strings.Contains(err.Error(), secretKey) {
					return errors.New("the API key appears in the error")
				}
				if !regexp.MustCompile(`(?s)code\s+4001.*api_key`).MatchString(err.Error()) {
					return err
				}
				rejected = err.Error()
				return nil
			},
			Steps: []resource.TestStep{{Config: config(m)}},
		})
		if rejected == "" {
			t.Error("the rejected key caused no error")
		}
	})

	logs, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	// The log must hold the provider's own API call logs, or it proves nothing.
	if !strings.Contains(string(logs), "TrackingMore API call") || !strings.Contains(string(logs), "retry") {
		t.Fatalf("the TRACE log (%d bytes) lacks the provider's API call logs", len(logs))
	}
	if strings.Contains(string(logs), secretKey) {
		t.Errorf("the API key appears in the TRACE log")
	}
	reliability(t, "secrets.trace_log_bytes_scanned", len(logs))
}
