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

// apiFloor is the fewest API calls the documented limits allow for a phase
// over n items. Update and destroy run with -refresh=false, so no phase but
// plan pays for a refresh.
func apiFloor(k kind, p phase, n int) int {
	switch k {
	case kindSingle:
		switch p {
		case phaseApply:
			// A create, and the read that fills what its echo lacks, so
			// that the next refresh finds no drift.
			return 2*n + carrierLists
		case phaseUpdate:
			return updated(n)
		}
		return n // one GET or DELETE per resource
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
		if p == phaseQuery {
			return ceilDiv(n, pageSize)
		}
		return n // an import, like a refresh, reads each tracking once
	}
	return 0
}

// floorEndpoint names the endpoint the floor is counted on.
func floorEndpoint(k kind, p phase) string {
	endpoints := map[kind]map[phase]string{
		kindSingle: {
			phaseApply: "POST /trackings/post", phasePlan: "GET /trackings/{carrier}/{number}",
			phaseUpdate: "PUT /trackings/{carrier}/{number}", phaseDestroy: "DELETE /trackings/{carrier}/{number}",
		},
		kindBulk: {
			phaseApply: "POST /trackings/batch", phasePlan: "GET /trackings/get",
			phaseUpdate: "POST /trackings/updatemore", phaseDestroy: "POST /trackings/delete",
		},
		kindOnboard: {phaseQuery: "GET /trackings/get"},
	}
	return endpoints[k][p]
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
