package provider

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

func TestAccStatusCountsDataSource_basic(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	const count = 30
	createUPSTrackings(t, m, count)
	m.Advance(7 * 24 * time.Hour)
	// The expected counts, tallied from the list.
	all, _, err := m.Client.ListAllTrackings(context.Background(), trackingmore.ListOptions{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{}
	for _, tr := range all {
		want[string(tr.Status)]++
	}

	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.trackingmore_status_counts.all", tfjsonpath.New("total"), knownvalue.Int64Exact(count)),
		statecheck.ExpectKnownValue("data.trackingmore_status_counts.old", tfjsonpath.New("total"), knownvalue.Int64Exact(0)),
		statecheck.ExpectKnownValue("data.trackingmore_status_counts.old", tfjsonpath.New("delivered"), knownvalue.Int64Exact(0)),
	}
	for _, status := range trackingStatuses {
		checks = append(checks, statecheck.ExpectKnownValue("data.trackingmore_status_counts.all", tfjsonpath.New(status), knownvalue.Int64Exact(want[status])))
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`
data "trackingmore_status_counts" "all" {
  created_after = "2000-01-01T00:00:00Z"
}

data "trackingmore_status_counts" "old" {
  created_before       = "2001-01-01T00:00:00Z"
  order_created_after  = "2000-01-01T00:00:00Z"
  order_created_before = "2001-01-01T00:00:00Z"
}
`),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccStatusCountsDataSource_invalidArguments(t *testing.T) {
	testInvalidArguments(t, "trackingmore_status_counts", []invalidArgument{
		{"not a date", `order_created_before = "2026-13-01T00:00:00Z"`, acctest.ErrorNaming("order_created_before")},
		{"unix seconds", `created_after = "1767225600"`, acctest.ErrorNaming("created_after")},
		{"range ends before it starts", `created_after = "2026-02-01T00:00:00Z"` + "\n" + `created_before = "2026-01-01T00:00:00Z"`, acctest.ErrorNaming("created_before")},
	})
}
