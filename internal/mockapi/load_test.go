package mockapi

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad runs concurrent clients with mixed requests on loopback and
// checks the store's invariants. MOCK_LOAD_REQUESTS raises the requests
// per client (the soak run uses 1000).
func TestLoad(t *testing.T) {
	clients, perClient := 50, 40
	if v := os.Getenv("MOCK_LOAD_REQUESTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("MOCK_LOAD_REQUESTS=%q is not a positive integer", v)
		}
		perClient = n
	}
	m := newMock(t, Options{Now: time.Now, Limits: NoLimits})
	var sent atomic.Int64
	live := make([][]string, clients) // per client: numbers it holds
	deadline := time.Now().Add(time.Minute + time.Duration(perClient)*300*time.Millisecond)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			carrier := catalogue[c%len(catalogue)].Code
			next := 0
			newNumber := func() string { next++; return fmt.Sprintf("LOAD%03d%06d", c, next) }
			for i := range perClient {
				if time.Now().After(deadline) {
					t.Error("load test ran out of time")
					return
				}
				sent.Add(1)
				mine := live[c]
				switch op := i % 6; {
				case op == 0 || len(mine) == 0:
					n := newNumber()
					m.call("POST", "/trackings/post", obj{"tracking_number": n, "carrier_code": carrier}).want(t, 200, nil)
					live[c] = append(mine, n)
				case op == 1:
					m.call("GET", "/trackings/"+carrier+"/"+mine[i%len(mine)], nil).want(t, 200, nil)
				case op == 2:
					m.call("PUT", "/trackings/"+carrier+"/"+mine[i%len(mine)], obj{"title": fmt.Sprint(i)}).want(t, 200, nil)
				case op == 3:
					m.call("GET", fmt.Sprintf("/trackings/get?limit=20&page=%d", 1+i%3), nil).want(t, 200, nil)
				case op == 4:
					a, b := newNumber(), newNumber()
					m.call("POST", "/trackings/batch", []obj{
						{"tracking_number": a, "carrier_code": carrier}, {"tracking_number": b, "carrier_code": carrier},
					}).want(t, 200, nil)
					live[c] = append(mine, a, b)
				default:
					victim := mine[0]
					m.call("DELETE", "/trackings/"+carrier+"/"+victim, nil).want(t, 200, nil)
					live[c] = mine[1:]
				}
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}

	st := m.srv.Stats()
	byEndpoint := int64(0)
	for _, n := range st.ByEndpoint {
		byEndpoint += n
	}
	if st.Total != sent.Load() || byEndpoint != st.Total || st.Errors+st.Faults+st.Throttled != 0 {
		t.Errorf("stats %+v, sent %d", st, sent.Load())
	}

	want := map[string]bool{}
	for c, numbers := range live {
		for _, n := range numbers {
			want[catalogue[c%len(catalogue)].Code+"/"+n] = true
		}
	}
	seen := map[string]int{}
	var page struct {
		Total string `json:"total"`
		Items []obj  `json:"items"`
	}
	for p := 1; ; p++ {
		m.call("GET", fmt.Sprintf("/trackings/get?limit=500&page=%d", p), nil).want(t, 200, &page)
		for _, it := range page.Items {
			seen[it["carrier_code"].(string)+"/"+it["tracking_number"].(string)]++
		}
		if len(page.Items) < 500 {
			break
		}
	}
	if page.Total != strconv.Itoa(len(want)) || len(seen) != len(want) || m.srv.TrackingCount() != len(want) {
		t.Errorf("listed %d distinct (total %s), stored %d, want %d", len(seen), page.Total, m.srv.TrackingCount(), len(want))
	}
	for k, n := range seen {
		if n != 1 || !want[k] {
			t.Errorf("%s listed %d times (expected: %v)", k, n, want[k])
		}
	}
	var counts map[string]int
	m.call("GET", "/trackings/getstatusnumber", nil).want(t, 200, &counts)
	sum := 0
	for _, s := range statuses {
		sum += counts[s]
	}
	if sum != counts["total"] || sum != len(want) {
		t.Errorf("status counts %v add up to %d, want %d", counts, sum, len(want))
	}
}
