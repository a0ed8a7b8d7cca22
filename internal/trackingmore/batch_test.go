package trackingmore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func createItems(n int) []CreateTrackingRequest {
	items := make([]CreateTrackingRequest, n)
	for i := range items {
		items[i] = CreateTrackingRequest{TrackingNumber: fmt.Sprintf("RH%09dTR", i), CarrierCode: "turkey-post"}
	}
	return items
}

// echoCreated answers a batch create with every item created.
func echoCreated(r seen) reply {
	var items []CreateTrackingRequest
	if err := json.Unmarshal(r.Body, &items); err != nil {
		return meta(4012, err.Error())
	}
	var created []string
	for _, it := range items {
		created = append(created, trackingJSON(it.TrackingNumber, it.CarrierCode, nowISO()))
	}
	return ok(fmt.Sprintf(`{"submitted":%d,"added":%d,"trackings":[%s],"errors":[]}`, len(items), len(items), strings.Join(created, ",")))
}

func TestBatchChunking(t *testing.T) {
	f := newFakeAPI(t, func(_ int, r seen) reply { return echoCreated(r) })
	res, err := f.client(t).CreateTrackings(context.Background(), createItems(95))
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d calls, want 3", len(reqs))
	}
	for i, want := range []int{40, 40, 15} {
		var items []CreateTrackingRequest
		if err := json.Unmarshal(reqs[i].Body, &items); err != nil {
			t.Fatal(err)
		}
		if len(items) != want {
			t.Errorf("chunk %d has %d items, want %d", i, len(items), want)
		}
	}
	if res.Submitted != 95 || res.Added != 95 || len(res.Trackings) != 95 {
		t.Fatalf("merged: %d %d %d", res.Submitted, res.Added, len(res.Trackings))
	}
	for i, tr := range res.Trackings {
		if tr.TrackingNumber != fmt.Sprintf("RH%09dTR", i) {
			t.Fatalf("order lost at %d: %s", i, tr.TrackingNumber)
		}
	}
	if res, err := f.client(t).CreateTrackings(context.Background(), nil); err != nil || res.Submitted != 0 || len(f.requests()) != 3 {
		t.Errorf("empty batch: %+v %v", res, err)
	}
}

func TestBatchPartialFailureKeepsEarlierChunks(t *testing.T) {
	for _, failure := range []reply{meta(4021, "quota"), meta(202, "over limit"), {reset: true}} {
		f := newFakeAPI(t, func(n int, r seen) reply {
			if n == 0 {
				return echoCreated(r)
			}
			return failure
		})
		res, err := f.client(t, func(c *Config) { c.MaxRetries = 1 }).CreateTrackings(context.Background(), createItems(95))
		if err == nil || res == nil || len(res.Trackings) != 40 || res.Added != 40 {
			t.Errorf("%+v: result %+v, err %v", failure, res, err)
		}
	}
}

func TestBatchAdoptsRetriedDuplicates(t *testing.T) {
	f := newFakeAPI(t, func(n int, r seen) reply {
		switch {
		case n == 0:
			return reply{reset: true}
		case r.Path == "/trackings/batch":
			return ok(`{"submitted":3,"added":1,"trackings":[` + trackingJSON("RH000000000TR", "turkey-post", nowISO()) + `],"errors":[
				{"tracking_number":"RH000000001TR","carrier_code":"turkey-post","code":4016,"message":"Tracking already exists."},
				{"tracking_number":"RH000000002TR","carrier_code":"turkey-post","code":4016,"message":"Tracking already exists."},
				{"tracking_number":"RH000000003TR","carrier_code":"turkey-post","code":4015,"message":"carrier invalid"}]}`)
		default: // the list call: one ours, one older than the call
			return ok(`{"page":1,"limit":2000,"total":"2","items":[` + trackingJSON("RH000000001TR", "turkey-post", nowISO()) + `,` +
				trackingJSON("RH000000002TR", "turkey-post", "2017-07-05T10:00:50+00:00") + `]}`)
		}
	})
	res, err := f.client(t).CreateTrackings(context.Background(), createItems(4))
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 3 || reqs[2].Path != "/trackings/get" || reqs[2].Query.Get("numbers") != "RH000000001TR,RH000000002TR" {
		t.Fatalf("requests: %+v", reqs)
	}
	if res.Added != 2 || len(res.Trackings) != 2 || res.Trackings[1].TrackingNumber != "RH000000001TR" || len(res.Errors) != 2 ||
		res.Errors[0].TrackingNumber != "RH000000002TR" || res.Errors[1].Code != 4015 {
		t.Errorf("result: %+v", res)
	}
}

func TestBatchNoAdoptionOnFirstAttempt(t *testing.T) {
	f := newFakeAPI(t, serve(reply{body: fixture(t, "batch_partial.json")}))
	res, err := f.client(t).CreateTrackings(context.Background(), createItems(3))
	if err != nil || len(res.Errors) != 1 || len(f.requests()) != 1 {
		t.Errorf("result %+v, err %v, %d requests", res, err, len(f.requests()))
	}
}

func TestBatchDeleteAfterRetry(t *testing.T) {
	f := newFakeAPI(t, sequence(reply{status: 500}, ok(`{"submitted":2,"delete":0,"trackings":[
		{"meta":{"tracking_number":"RH000000001TR","carrier_code":"turkey-post","code":4017,"message":"does not exist"}},
		{"meta":{"tracking_number":"RH000000002TR","carrier_code":"turkey-post","code":4015,"message":"carrier invalid"}}]}`)))
	res, err := f.client(t).DeleteTrackings(context.Background(), []TrackingRef{{"RH000000001TR", "turkey-post"}, {"RH000000002TR", "turkey-post"}})
	if err != nil || len(res.Deleted) != 1 || res.Deleted[0].TrackingNumber != "RH000000001TR" || len(res.Errors) != 1 || res.Errors[0].Code != 4015 {
		t.Errorf("result %+v, err %v", res, err)
	}
}

func TestListAllTrackings(t *testing.T) {
	page := func(numbers ...string) string {
		var items []string
		for _, n := range numbers {
			items = append(items, trackingJSON(n, "ups", nowISO()))
		}
		return "[" + strings.Join(items, ",") + "]"
	}
	t.Run("pages", func(t *testing.T) {
		f := newFakeAPI(t, func(_ int, r seen) reply {
			items := map[string]string{"1": page("A0001", "A0002"), "2": page("A0003", "A0004"), "3": page("A0005")}[r.Query.Get("page")]
			return ok(`{"page":1,"limit":2,"total":"5","items":` + items + `}`)
		})
		all, total, err := f.client(t).ListAllTrackings(context.Background(), ListOptions{Limit: 2}, 0)
		if err != nil || total != 5 || len(all) != 5 || all[4].TrackingNumber != "A0005" || len(f.requests()) != 3 {
			t.Errorf("%d items, total %d, %d calls, err %v", len(all), total, len(f.requests()), err)
		}
		f.reset()
		all, _, err = f.client(t).ListAllTrackings(context.Background(), ListOptions{Limit: 2}, 3)
		if err != nil || len(all) != 3 || len(f.requests()) != 2 {
			t.Errorf("max 3: %d items, %d calls, err %v", len(all), len(f.requests()), err)
		}
	})
	t.Run("numbers chunked", func(t *testing.T) {
		f := newFakeAPI(t, func(_ int, r seen) reply {
			numbers := strings.Split(r.Query.Get("numbers"), ",")
			return ok(fmt.Sprintf(`{"page":1,"limit":2000,"total":"%d","items":%s}`, len(numbers), page(numbers...)))
		})
		numbers := make([]string, 85)
		for i := range numbers {
			numbers[i] = fmt.Sprintf("N%05d", i)
		}
		all, total, err := f.client(t).ListAllTrackings(context.Background(), ListOptions{Numbers: numbers}, 0)
		reqs := f.requests()
		if err != nil || total != 85 || len(all) != 85 || len(reqs) != 3 || reqs[0].Query.Get("limit") != "2000" {
			t.Errorf("%d items, total %d, %d calls, err %v", len(all), total, len(reqs), err)
		}
	})
	t.Run("error keeps what was read", func(t *testing.T) {
		f := newFakeAPI(t, sequence(ok(`{"total":"4","items":`+page("A0001", "A0002")+`}`), meta(4021, "quota")))
		all, _, err := f.client(t).ListAllTrackings(context.Background(), ListOptions{Limit: 2}, 0)
		if !IsQuotaExhausted(err) || len(all) != 2 {
			t.Errorf("%d items, err %v", len(all), err)
		}
	})
	t.Run("one page refuses long filters", func(t *testing.T) {
		f := newFakeAPI(t, serve(ok(`[]`)))
		if _, err := f.client(t).ListTrackings(context.Background(), ListOptions{Numbers: make([]string, 41)}); err == nil || len(f.requests()) != 0 {
			t.Errorf("err %v", err)
		}
	})
}
