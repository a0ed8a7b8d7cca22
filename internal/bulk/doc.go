// Package bulk serves trackingmore_trackings on plugin protocol 6, as its
// own tfprotov6.ProviderServer; internal/provider muxes it with the
// framework's server (tf6muxserver), so each RPC about this resource comes
// here and every other one goes to the framework.
//
// Why not through the framework: terraform-plugin-framework visits every
// value of a plan or state several times, copying a whole map for each
// element it visits, and logs with a context chain that grows with every
// value (terraform-plugin-framework issues #721 and #775). A 5,000-item
// apply cost 30 CPU-seconds and 400 MB, and a plan minutes; here each call
// decodes its values into trackingsResourceModel in one pass, and the
// behaviour lives in plain functions on the model. This package can go,
// and the resource return to the framework, when BenchmarkPlan/framework
// is within a few times BenchmarkPlan/direct (in v1.19 it is about 30
// times slower at 1,000 items, and grows faster than the map).
//
// The schema cannot drift from trackingmore_tracking's: the items use the
// very attributes trackingmore_tracking uses (tracking.Attributes), and
// this server applies what the framework would apply for them itself:
// their string validators and their static bool defaults. Anything else on
// an item attribute (a string default, a plan modifier, a validator of
// another kind, a new attribute type) is refused when the server starts,
// naming the attribute (checkItemAttributes). That was chosen over a
// separate item schema proved equal by a test, because one definition
// keeps documentation, validation and the client conversions in one place,
// and the refusal points at the exact attribute to handle here instead of
// at a plan that differs.
package bulk
