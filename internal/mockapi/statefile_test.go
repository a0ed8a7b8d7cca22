package mockapi

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestStateFile: a server opened on the file another one wrote answers
// exactly as that one did, for every account; reset empties the file.
func TestStateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	m := newMock(t, Options{StateFile: path, Quota: ptr[int64](20), Limits: NoLimits})
	const other = "second-shop-key"
	m.create("1234567890", "dhl", obj{"title": "kept", "destination_code": "FR"})
	m.create("1Z999AA10123456784", "ups", nil)
	m.callKey(other, "POST", "/trackings/post", obj{"tracking_number": "1234567890", "carrier_code": "dhl"}).want(t, 200, nil)
	m.call("PUT", "/trackings/ups/1Z999AA10123456784", obj{"status": 4, "archived": "true"}).want(t, 200, nil)
	m.call("POST", "/trackings/notupdate", []obj{{"tracking_number": "1234567890", "carrier_code": "dhl"}}).want(t, 200, nil)
	m.call("POST", "/carriers/detect", obj{"tracking_number": "1234567890"}).want(t, 200, nil)
	acct, _ := m.srv.Account(testKey)
	acct.Advance(50 * time.Hour)
	m.srv.Advance(time.Hour)

	read := func(m *mock) map[string]string {
		got := map[string]string{}
		for _, k := range []string{testKey, other} {
			got[k+" list"] = string(m.callKey(k, "GET", "/trackings/get", nil).Data)
			got[k+" info"] = string(m.callKey(k, "GET", "/trackings/getuserinfo", nil).Data)
		}
		return got
	}
	before := read(m)

	again := newMock(t, Options{StateFile: path, Now: m.clock.Now, Limits: NoLimits})
	if after := read(again); len(after) != len(before) {
		t.Fatal("accounts lost")
	} else {
		for k, v := range before {
			if after[k] != v {
				t.Errorf("%s after restart:\n%s\nwant\n%s", k, after[k], v)
			}
		}
	}
	// The restarted server goes on from where the first stopped.
	again.call("POST", "/trackings/post", obj{"tracking_number": "1234567890", "carrier_code": "dhl"}).want(t, 4016, nil)
	again.create("1234567891", "dhl", nil)
	if ids := again.srv.TrackingCount(); ids != 4 {
		t.Errorf("%d trackings after restart and one create, want 4", ids)
	}

	again.admin("POST", "reset", nil, nil)
	var saved savedState
	raw, err := os.ReadFile(path)
	if err != nil || json.Unmarshal(raw, &saved) != nil || len(saved.Accounts) != 0 {
		t.Errorf("state file after reset: %s (%v)", raw, err)
	}
	if leftovers, _ := filepath.Glob(path + ".*"); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestStateFileErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"version":99}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(Options{StateFile: bad, Limits: NoLimits}); err == nil || !strings.Contains(err.Error(), "version 99") {
		t.Errorf("Open of another version: %v", err)
	}

	// A state file that cannot be written answers every change with 500,
	// naming the file's trouble, rather than keep what a restart would lose.
	gone := filepath.Join(dir, "missing-dir", "state.json")
	m := newMock(t, Options{StateFile: gone, Limits: NoLimits})
	a := m.call("POST", "/trackings/post", obj{"tracking_number": "1234567890", "carrier_code": "dhl"})
	if a.status != 500 || a.Meta.Code != 500 || !strings.Contains(a.Meta.Message, "state file") {
		t.Errorf("create with an unwritable state file: HTTP %d meta %d %q", a.status, a.Meta.Code, a.Meta.Message)
	}
}
