package acctest

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
)

// fakeTerraform is an executable shell script standing in for the CLI.
func fakeTerraform(t *testing.T, script string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "terraform")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

func fakeWorkdir(t *testing.T, script string) *Workdir {
	return &Workdir{t: t, Dir: t.TempDir(), terraform: fakeTerraform(t, script), env: []string{"EXIT=0"}}
}

// Every command runs in the directory, with the environment, and with
// -no-color right after the subcommand.
func TestWorkdir_Command(t *testing.T) {
	w := fakeWorkdir(t, "")
	cmd := w.Command(context.Background(), "apply", "-auto-approve")
	if want := []string{w.terraform, "apply", "-no-color", "-auto-approve"}; !reflect.DeepEqual(cmd.Args, want) {
		t.Errorf("args %v, want %v", cmd.Args, want)
	}
	if cmd.Dir != w.Dir || !reflect.DeepEqual(cmd.Env, w.env) {
		t.Errorf("dir %s, env %v", cmd.Dir, cmd.Env)
	}
}

// Run returns the exit code and the output; Apply and ExpectEmptyPlan
// expect 0.
func TestWorkdir_Run(t *testing.T) {
	w := fakeWorkdir(t, `echo "$@ in $(basename "$PWD")"; cat main.tf; exit $EXIT`)
	w.WriteConfig("# config\n")
	if code, out := w.Run("plan", "-detailed-exitcode"); code != 0 || out != "plan -no-color -detailed-exitcode in "+filepath.Base(w.Dir)+"\n# config\n" {
		t.Errorf("exit %d, output %q", code, out)
	}
	if out := w.Apply(); !strings.HasPrefix(out, "apply -no-color -auto-approve -input=false") {
		t.Errorf("apply ran %q", out)
	}
	w.ExpectEmptyPlan()
	w.env = []string{"EXIT=2"}
	if code, _ := w.Run("plan", "-detailed-exitcode"); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
}

// InterruptedApply waits for midway, sends SIGINT, and returns what the
// CLI printed as it stopped.
func TestWorkdir_InterruptedApply(t *testing.T) {
	w := fakeWorkdir(t, `trap 'echo "Interrupt received"; exit 1' INT
echo started
while :; do sleep 0.05; done`)
	var polls atomic.Int32
	out := w.InterruptedApply(func() bool { return polls.Add(1) >= 3 })
	if polls.Load() != 3 || !strings.Contains(out, "Interrupt received") {
		t.Errorf("after %d polls: %q", polls.Load(), out)
	}
}

// The ids of both resource types, keyed by carrier/number; a bulk item
// never created (no id) is not there.
func TestTrackingIDsInState(t *testing.T) {
	ids, err := trackingIDsInState([]byte(`{"values":{"root_module":{"resources":[
{"type":"trackingmore_tracking","values":{"carrier_code":"ups","tracking_number":"1Z999AA10123456784","id":"a1"}},
{"type":"trackingmore_trackings","values":{"trackings":{
  "x":{"carrier_code":"usps","tracking_number":"9400111899223197428490","id":"b2"},
  "y":{"carrier_code":"dhl","tracking_number":"1234567890","id":null}}}},
{"type":"echo","values":{"carrier_code":"ups","tracking_number":"1","id":"c3"}}]}}}`))
	want := map[string]string{"ups/1Z999AA10123456784": "a1", "usps/9400111899223197428490": "b2"}
	if err != nil || !reflect.DeepEqual(ids, want) {
		t.Errorf("ids %v, %v; want %v", ids, err, want)
	}
	if _, err := trackingIDsInState([]byte(`{"values":`)); err == nil {
		t.Error("a truncated state parsed")
	}
}
