package provider

import (
	"context"
	"reflect"
	"runtime"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// heapGrowth is how many MiB the heap grew over calls calls of call, each
// with 1 MiB in its context, as a call's loggers would carry about 100 KB.
func heapGrowth(calls int, call func(ctx context.Context)) uint64 {
	type payloadKey struct{}
	heap := func() uint64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	before := heap()
	for range calls {
		ctx, cancel := context.WithCancel(context.WithValue(context.Background(), payloadKey{}, make([]byte, 1<<20)))
		call(ctx)
		cancel()
	}
	after := heap()
	return (after - min(after, before)) >> 20
}

// callEvery calls each method of the interfaces (the per-instance calls)
// on srv, about a type no server has: the framework keeps the context
// before it looks the type up.
func callEvery(ctx context.Context, srv any, interfaces ...reflect.Type) {
	for _, iface := range interfaces {
		for i := range iface.NumMethod() {
			method := iface.Method(i)
			req := reflect.New(method.Type.In(1).Elem())
			if name := req.Elem().FieldByName("TypeName"); name.IsValid() {
				name.SetString("trackingmore_none")
			}
			reflect.ValueOf(srv).MethodByName(method.Name).Call([]reflect.Value{reflect.ValueOf(ctx), req})
		}
	}
}

var perInstanceCalls = []reflect.Type{reflect.TypeFor[tfprotov6.ResourceServer](), reflect.TypeFor[tfprotov6.DataSourceServer]()}

func frameworkServerOf(t *testing.T) frameworkServer {
	t.Helper()
	fw, ok := providerserver.NewProtocol6(&trackingMoreProvider{version: "test"})().(frameworkServer)
	if !ok {
		t.Fatal("the framework's server is not a frameworkServer")
	}
	return fw
}

// The framework keeps every call's context until the provider stops; the
// framework's server must see contexts that let go of the call's values
// once the call returns, for every call about a resource or data source
// instance, including any a newer terraform-plugin-go adds to those
// interfaces.
func TestServer_releasesCallContexts(t *testing.T) {
	srv := releasingServer{frameworkServerOf(t)}
	const calls = 20
	grown := heapGrowth(calls, func(ctx context.Context) { callEvery(ctx, srv, perInstanceCalls...) })
	runtime.KeepAlive(srv) // as the provider's server lives on between calls
	if grown > calls/4 {
		t.Errorf("the heap grew by %d MiB over %d rounds of calls: the framework still holds their contexts", grown, calls)
	}
}

// The upstream cause of releasingServer: proto6server's contextCancels,
// never pruned. When this fails, the framework lets go of call contexts
// itself: delete releasingServer and this test.
func TestServer_frameworkKeepsCallContexts(t *testing.T) {
	srv := frameworkServerOf(t)
	const calls = 20
	grown := heapGrowth(calls, func(ctx context.Context) {
		_, _ = srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "trackingmore_none"})
	})
	runtime.KeepAlive(srv)
	if grown < calls/2 {
		t.Errorf("the framework's own server kept only %d MiB of %d calls' contexts: it no longer retains them, so releasingServer can go", grown, calls)
	}
}

// The muxed server answers for both resources and the data sources.
func TestServer_servesEveryType(t *testing.T) {
	srv, err := newServer()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("schema: %v %v", err, resp.Diagnostics)
	}
	for _, name := range []string{"trackingmore_tracking", "trackingmore_trackings"} {
		if resp.ResourceSchemas[name] == nil {
			t.Errorf("no schema for resource %s", name)
		}
	}
	if len(resp.DataSourceSchemas) != 10 || resp.Provider == nil {
		t.Errorf("%d data source schemas, provider schema %v; want 10 and the provider block's", len(resp.DataSourceSchemas), resp.Provider)
	}
}
