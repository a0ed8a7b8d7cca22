package provider

import (
	"context"
	"runtime"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// The framework keeps every call's context until the provider stops; the
// server must hand it contexts that let go of the call's values once the
// call returns. Each call here carries 1 MiB in its context, as a call's
// loggers would carry about 100 KB.
func TestServer_releasesCallContexts(t *testing.T) {
	type payloadKey struct{}
	srv := NewServer("test")()
	heap := func() uint64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	const calls = 100
	before := heap()
	for range calls {
		ctx, cancel := context.WithCancel(context.WithValue(context.Background(), payloadKey{}, make([]byte, 1<<20)))
		// Unknown types: the framework keeps the context before it looks the type up.
		if _, err := srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "trackingmore_none"}); err != nil {
			t.Fatal(err)
		}
		if _, err := srv.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "trackingmore_none"}); err != nil {
			t.Fatal(err)
		}
		cancel()
	}
	after := heap()
	runtime.KeepAlive(srv) // as the provider's server lives on between calls
	if grown := (after - min(after, before)) >> 20; grown > calls/4 {
		t.Errorf("the heap grew by %d MiB over %d calls: the framework still holds their contexts", grown, calls)
	}
}
