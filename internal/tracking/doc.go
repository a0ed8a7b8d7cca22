// Package tracking owns what a tracking is to this provider, for every
// construct that shows one: trackingmore_tracking, each item of
// trackingmore_trackings, the data sources, the list and ephemeral
// resources. It holds a tracking's arguments and read-only values, their
// schemas, the one rule that plans which values a change can move
// (Model.PlannedResults, Resource.PlannedResults), the one mapping from the
// client's Tracking to Terraform values (fields.go), the one state upgrade
// (upgrade.go) and the one way to write and parse a tracking's key
// (import_id.go). Its users only adapt it to their own protocol.
//
// Where a new attribute goes:
//   - A value the API reports, read-only everywhere: a field in Results
//     (every model shows it, bulk items included), Extras (the single
//     resource and the data sources) or Fields (the data sources only), its
//     line in resultsOf, ExtrasOf or NewFields, and its description in
//     readOnlyDescriptions. The schemas follow from the field. Then run
//     make generate.
//   - An argument both resources take: a field in Stored (if the API
//     reads it back; else in Model) with its line in storedOf, its
//     attribute in Attributes, and its place in CreateRequest,
//     UpdateRequest and arguments.
package tracking
