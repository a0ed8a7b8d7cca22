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

// runsOn tells whether scenario k runs on API version v (first: v is the
// first version of the run): single and bulk on each, onboarding on v2 only
// (issue 17's scenario), Terraform's own floor, which calls no API, once.
func (k kind) runsOn(v string, first bool) bool {
	switch k {
	case kindOnboard:
		return v == apiV2
	case kindData:
		return first
	}
	return true
}

// bound is the most API calls the targets allow phase p of the run.
func (sr scenarioRun) bound(p phase) int {
	if sr.version == apiV4 {
		return callBoundV4(sr.kind, p, sr.n)
	}
	return callBound(sr.kind, p, sr.n, sr.par)
}

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

// callBoundV4 is the most API calls the targets allow a phase over n items
// on API v4 (issue 19), where calls cost otherwise than on v2 (see
// internal/trackingmore: merged_calls.go, batch.go, trackings_v4.go,
// lookup.go, read_cache.go). v4 has no batch update or delete, and its
// budget, 10 requests/s, is seldom the bottleneck: single calls merge only
// when they wait for it (merge.go), so the bounds are the most the client
// may send, not full batches, whatever the parallelism.
func callBoundV4(k kind, p phase, n int) int {
	switch k {
	case kindSingle:
		switch p {
		case phaseApply:
			// Each create goes alone, POST /trackings/create (it answers
			// the whole tracking: one call), or merged with the b-1 others
			// waiting for the same slot into POST /trackings/batch, whose
			// b trackings one GET /trackings/get reads back (two calls, b
			// >= 2): never more than one call a tracking. And the carrier
			// list (GET /couriers/all) of each provider process.
			return n + carrierLists
		case phasePlan:
			return refreshBoundV4(n)
		case phaseUpdate:
			// One PUT /trackings/update/{id} each (the id from the state:
			// no lookup), and a read of each: v4's PUT answers the fields
			// it changed, not updated_at, which the plan of a PUT leaves
			// unknown (tracking.Resource.PlannedResults), so the resource
			// reads the tracking (resolveResults); reads merge when they
			// wait for the same slot, and never cost more than one call a
			// read (see refreshBoundV4).
			return 2 * updated(n)
		case phaseDestroy:
			return n // one DELETE /trackings/delete/{id} each
		}
	case kindBulk:
		switch p {
		case phaseApply:
			// A POST /trackings/batch of 40 and its read-back (one GET
			// /trackings/get) each, the carrier lists; no quota check
			// (GET /trackings/getuserinfo is v2's).
			return 2*ceilDiv(n, batchSize) + carrierLists
		case phasePlan:
			// The items' created_at range, 2,000 a page; v4 answers no
			// total, so pages are read until one is short: a page more
			// when n is a multiple of 2,000.
			return n/pageSize + 1
		case phaseUpdate:
			return updated(n) // one PUT each: v4 has no batch update
		default:
			return n // one DELETE each: v4 has no batch delete
		}
	}
	return 0
}

// listingSlotsV4 is how many slots of v4's budget the bound of a refresh
// allows the first listing of the account to spend on the wire: a page of
// 1,000 v4 trackings is 1.7 MB, which the mock (at --latency 50ms) answers
// in 70-120 ms and the client then decodes, against a slot of 110 ms.
const listingSlotsV4 = 2

// refreshV4Text and refreshV4Target state refreshBoundV4 in the report.
const (
	refreshV4Text   = "≤ 4 in an account of ≤ 2,000 trackings"
	refreshV4Target = "≤ 4 calls (v2's 2, and a read by numbers in each of 2 budget slots while the first listing is on the wire)"
)

// refreshBoundV4 is what a refresh of n single resources may cost on v4:
// v2's (refreshBound: a read alone, and the first merged read's listing
// of a page of 2,000, which serves every later read from the read cache),
// and one merged read by numbers (up to 40) in each budget slot while that
// listing is on the wire (read_cache.go: startListing lets one listing go
// at a time, and the reads that find it unfinished go by numbers,
// merged_calls.go sendReads). v2's list limit of 1 call a second, which
// the merging queue keeps, holds those reads back for longer than a
// listing takes; v4 has no list limit, and its slots come every 110 ms.
// listingSlotsV4 bounds the slots such a listing spends on the wire.
func refreshBoundV4(n int) int {
	return refreshBound(n) + listingSlotsV4
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
