package main

import (
	"fmt"
	"time"
)

// Batch sizes the documented limits allow (section 5 of the API notes):
// batch create, updatemore and delete take 40 trackings a call; a list page
// holds up to 2000.
const (
	batchSize = 40
	pageSize  = 2000
)

// phase is one Terraform run of a benchmark.
type phase string

const (
	phaseApply   phase = "apply"
	phasePlan    phase = "plan"
	phaseUpdate  phase = "update"
	phaseDestroy phase = "destroy"
	// Onboarding: terraform query -generate-config-out, the plan of the
	// imports it wrote, their apply, then phasePlan.
	phaseQuery      phase = "query"
	phaseImportPlan phase = "import plan"
	phaseImport     phase = "import"
)

// phases are the Terraform runs of a scenario, in order.
func (k kind) phases() []phase {
	if k == kindOnboard {
		return []phase{phaseQuery, phaseImportPlan, phaseImport, phasePlan}
	}
	return []phase{phaseApply, phasePlan, phaseUpdate, phaseDestroy}
}

// kind is what a scenario puts under Terraform.
type kind string

const (
	kindSingle  kind = "single"  // N trackingmore_tracking resources
	kindBulk    kind = "bulk"    // one trackingmore_trackings with N items
	kindData    kind = "data"    // N terraform_data resources: Terraform's own floor
	kindOnboard kind = "onboard" // N trackings made outside Terraform, adopted with terraform query
)

var kinds = []kind{kindSingle, kindBulk, kindData, kindOnboard}

func (k kind) title() string {
	switch k {
	case kindSingle:
		return "(a) N × `trackingmore_tracking` (for_each)"
	case kindBulk:
		return "(b) one `trackingmore_trackings` with N items"
	case kindOnboard:
		return "(d) onboarding N existing trackings: `terraform query -generate-config-out`, then plan and apply the N imports (Terraform 1.14+)"
	default:
		return "(c) N × `terraform_data` (no provider, no API)"
	}
}

func (k kind) usesAPI() bool { return k != kindData }

// updated is how many items the update phase changes: 10 %, at least one.
func updated(n int) int { return max(1, n/10) }

// carrierLists is what the plan-time carrier check costs an apply that
// creates trackings: one GET /carriers in each of the two provider processes
// Terraform starts (plan, then apply).
const carrierLists = 2

// callBound is the most API calls the targets allow a phase over n items
// at Terraform -parallelism par: issue 17's bounds for single resources and
// onboarding, the floor for the bulk resource. Update and destroy run with
// -refresh=false, so no phase but plan pays for a refresh.
func callBound(k kind, p phase, n, par int) int {
	switch k {
	case kindSingle:
		switch p {
		case phaseApply:
			// Creates merged into batches of up to par (Terraform runs no
			// more at once), each followed by a merged read-back, and the
			// carrier list of each provider process, plus one.
			return 2*ceilDiv(n, par) + carrierLists + 1
		case phasePlan:
			return refreshBound(n)
		case phaseUpdate:
			return ceilDiv(updated(n), par) + 1
		case phaseDestroy:
			return ceilDiv(n, par) + 1
		}
	case kindOnboard:
		if p != phaseQuery {
			// The import plan, the import and the plan after it refresh
			// the N imported trackings, as a plan of N singles does.
			return refreshBound(n) + 1
		}
	}
	return apiFloor(k, p, n)
}

// refreshBound is what a refresh of n single resources may cost: the first
// merged read lists a page of 2,000, so one call for an account of up to
// 2,000 trackings, and one more; beyond that, listing the whole account
// (ceil(n/2000) calls) within the ski-rental rule: at most twice the better
// choice, plus one call.
func refreshBound(n int) int {
	if n <= pageSize {
		return 2
	}
	return 2*ceilDiv(n, pageSize) + 1
}

// apiFloor is the fewest API calls the documented limits allow a phase over
// n items when every call carries as many items as the API takes: the bulk
// resource's target, and the onboarding query's (single resources have
// callBound's bounds instead).
func apiFloor(k kind, p phase, n int) int {
	switch k {
	case kindBulk:
		switch p {
		case phaseApply:
			return ceilDiv(n, batchSize) + carrierLists + 1 // and one quota check before the first create
		case phasePlan:
			return ceilDiv(n, pageSize)
		case phaseUpdate:
			return ceilDiv(updated(n), batchSize)
		default:
			return ceilDiv(n, batchSize)
		}
	case kindOnboard:
		return ceilDiv(n, pageSize) // the query lists the account; the others refresh
	}
	return 0
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// round formats a duration for the tables.
func round(d time.Duration) string {
	if d >= time.Minute {
		return d.Round(time.Second).String()
	}
	return d.Round(10 * time.Millisecond).String()
}

// mib formats bytes as MiB.
func mib(b int64) string {
	if b <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
}
