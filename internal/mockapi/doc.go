// Package mockapi is a faithful, stateful mock of the TrackingMore v2 API,
// for tests and CI. Use it in-process with
// httptest.NewServer(mockapi.New(mockapi.Options{...})) or as the
// trackingmore-mock command; point the client at <server URL>/v2.
//
// The zero Options enforce TrackingMore's real limits (see "Faults and
// limits"): 1 request per second per API key. A test that does not test
// limits opts out with Options{Limits: mockapi.NoLimits}; the command with
// --rate-limit 0.
//
// # Wire
//
// Every /v2 answer is the API envelope
// {"meta":{"code":N,"type":"...","message":"..."},"data":...}, with
// "data": [] on errors. The outcome is meta.code; the HTTP status is 200,
// like the real service, unless Options.HTTPStatusMode mirrors meta
// 401/404/429/500/503 in it. Injected 5xx faults always set the HTTP status.
// Requests need a Trackingmore-Api-Key header (missing: 401; not among
// Options.APIKeys when that is set: 4001). Unknown paths answer meta 404, a
// wrong method 405, unparsable JSON 4012. Routes are net/http ServeMux
// patterns (method and wildcard path); doubled and trailing slashes are
// answered as the clean path (//v2//carriers/ as /v2/carriers).
//
// # Accounts
//
// Every API key is an account with its own trackings, quota, user info,
// status counts, simulated clock, rate-limit buckets and counters; the same
// carrier and number can exist in two accounts, and no call with one key
// reads or changes another's data. Options.APIKeys (--api-key, repeatable)
// opens one account per key; without it each distinct non-empty key opens
// its own account on first use. Server.Account gives a handle on one.
//
// # What published v2 clients send
//
// JSON null for a field on create, batch, PUT, updatemore and realtime
// means "not sent": it neither clears nor fails ({"title":"x","status":null}
// updates the title); "" still clears. POST on /trackings/{carrier}/{number}
// updates like PUT (a PHP client sets PUT, then a body, which libcurl sends
// as POST).
//
// # Endpoints
//
//	POST   /trackings/post                        create (meta 200, status "pending", echo of every field sent but lang)
//	GET    /trackings/{carrier}/{number}[/{lang}] tracking object; unknown: 4031
//	PUT    /trackings/{carrier}/{number}          update (also POST); unknown: 4017
//	DELETE /trackings/{carrier}/{number}          delete; unknown: 4017
//	POST   /trackings/batch                       create up to 40
//	GET    /trackings/get                         list (also POST, or GET with a JSON body)
//	POST   /trackings/updatemore                  update up to 40
//	POST   /trackings/delete                      delete up to 40
//	POST   /trackings/realtime                    current state of one shipment, not stored
//	POST   /trackings/update                      change carrier: data {"Usertag":""}
//	GET    /trackings/getuserinfo                 account; track_number is the remaining quota
//	GET    /trackings/getstatusnumber             counts of the 8 statuses and total
//	POST   /trackings/notupdate                   stop refreshing trackings, irreversibly
//	POST   /trackings/remote                      remote-area check of postcodes
//	POST   /trackings/costtime                    transit-time statistics per lane
//	POST   /trackings/aircargo                    air waybill tracking
//	GET    /carriers (or /carriers/)              the carrier catalogue (the Lang header is accepted; names are English)
//	POST   /carriers/detect                       carrier candidates of a number; none: 4032
//
// The three query endpoints (get, getstatusnumber, getuserinfo) take their
// parameters from the query string, from a JSON body on GET, or from a
// JSON body on POST; body values win over query values.
//
// # Carriers
//
// GET /carriers serves TrackingMore's own carrier list (data/carriers.json,
// 1,085 carriers as its shop plugin publishes them): the well-known
// carriers of carriers.go first, with their real type, phone and homepage,
// then the rest in the list's order, whose type (globalpost when the name
// or code names a post), phone (+00, an unassigned country code) and
// homepage are derived from the code. Every code the mock answers with, in
// detection, origin_info, destination_info and the national posts, is in
// the list. A carrier whose entry has required_fields (tracking_postal_code
// for 26, tracking_ship_date for deutsche-post, tracking_destination_country,
// tracking_account_number) accepts a tracking without them, which then stays
// "notfound", as a carrier that cannot be queried looks [ours].
//
// Validation: missing tracking_number 4013; a number not matching
// ^[0-9A-Za-z_-]{5,}$ 4014; a carrier_code not in the catalogue 4015; the
// same carrier+number twice 4016; PUT status other than 4, 7 or 8 (number
// or numeric string) 4033; archived other than "true"/"false" 4012.
//
// Batches (batch, updatemore, delete, notupdate) take a non-empty JSON
// array of at most 40 objects. Over 40 answers meta 202 "Bad Request" and
// nothing is done; an empty array answers 4012. When some items fail the
// answer is meta 201 with the per-item codes in errors (delete: in the
// per-item meta of trackings); when all succeed, meta 200. Aircargo takes
// at most 40 waybills per call, with the same 202 beyond.
//
// Listing: page (default 1), limit (default 100, capped at 2000), status,
// created_at_min/max, update_time_min/max, order_created_time_min/max (Unix
// seconds; order_create_time is read as Unix seconds or a date such as
// 2006-01-02 15:04:05; those two bounds never exclude a tracking without a
// readable one, as a published client sends min=0&max=<now> on every call), numbers and orders (comma lists, or JSON arrays in a body),
// archived ("true"/"false") and lang (accepted, ignored). More than 40
// numbers or orders answers 4020 "Up to 40 numbers at a time."; an unknown
// status, a non-numeric bound or a non-positive page or limit answers 4012.
// Items come in creation order; total is a string. getstatusnumber accepts
// the same filters (the documented ones are created_at and
// order_created_time).
//
// # Quota
//
// Each account starts with Options.Quota units (--quota; 0 makes every
// create answer 4021; nil, no flag, is DefaultQuota: 1,000,000,000,
// effectively unlimited). A created tracking costs 1 (in
// a batch, per created item: when the quota runs out mid-batch the rest
// fail with 4021), realtime 1, aircargo 20 per waybill, detect and remote 1
// per 5 calls (the first call of each five pays). Out of quota: 4021 with
// HTTP 200.
//
// # Simulated parcels
//
// A simulated clock (the real clock plus Advance) drives every tracking
// through a journey derived from a hash of carrier and number, so the same
// number at the same clock always reads the same. A tracking is "pending"
// for its first 2 simulated hours, "notfound" until its first scan (within
// 8 hours), then "transit" through acceptance, dispatch, (international
// only: departure, arrival abroad, customs) and the delivery facility,
// "pickup" when out for delivery, and within 10 days ends "delivered" (75%
// of numbers), "exception" (10%, substatus exception004-011), or
// "undelivered" (8%); the remaining 7% stall and turn "expired" after 30
// days (express carriers) or 60 days (postal). A shipment is international
// when destination_code (or specialNumberDestination) names another country
// than the origin (the S10 country suffix, else the carrier's home); then
// destination_info carries the destination post and its scans. Checkpoints
// are newest first; lastEvent, lastUpdateTime, itemTimeLength and
// stayTimeLength (days) and the milestone dates follow from them.
//
// PUT status 4 makes a tracking delivered, 7 an exception (both stick),
// 8 returns it to its simulated status. notupdate freezes the simulation
// at that moment and sets track_update to false. updated_at changes only
// when stored fields change (PUT, carrier change), never on reads.
//
// realtime answers {"items":[tracking]} for the stored tracking of that
// carrier+number if any, else for a shipment the carrier has known for one
// to ten days; it stores nothing. Unless Limits.Off, a repeat within 2
// simulated hours returns the earlier answer without charge, rather than
// the 429 or error the documentation leaves open [ours].
//
// Detection: UPS 1Z+16 → ups; UPU S10 (AA123456789CC) → the national
// post of CC (China EMS first for CN numbers starting with E, and for
// ePacket numbers, L+letter+9 digits+CN such as LZ448865302CN, as
// TrackingMore's own examples pair them); USPS 20-22 digits starting with
// 9, optionally after 420+ZIP → usps; 12 or 15 digits → fedex; 10 digits →
// dhl; 4PX… → 4px; SF+12-13 digits → sf-express; JT+13 digits → jtexpress.
//
// remote flags postcodes of well-known remote areas (islands, overseas
// territories, highlands) and one other postcode in twenty by hash.
// costtime ranges are counts of delivered parcels by transit time: range1
// 0-7 days, range3 8-15, range4 16-30, range5 31-60, range6 over 60; they
// add up to delivered. aircargo status_number is the count of milestones
// reached (1 booked … 5 delivered), weight is in kilograms, and
// actual_date is "" for milestones still ahead.
//
// # Faults and limits
//
// Options.Limits is each account's budget; its zero value is TrackingMore's
// documented default for a v2 account: 1 request per second across every
// /v2 endpoint together (Limits.RateLimit, 0 meaning DefaultRateLimit;
// more models a negotiated limit), and within it, always, the documented
// per-endpoint limits: /trackings/get (GET and POST together) 1 per
// second, /trackings/realtime 3 per second (only reachable on a raised
// limit) and the same shipment once per 2 simulated hours (above). Each
// limit is a token bucket (golang.org/x/time/rate) of burst max(1,
// ceil(rate)) per account [ours: TrackingMore does not say how it counts];
// a request refused by the general limit spends no token, one refused by
// an endpoint's limit has spent its general one [ours]. Requests of any /v2 path count,
// unknown ones too, once the key opens an account; requests without a
// valid key are answered 401/4001 and count against nothing [ours].
// Limits.Off (NoLimits, --rate-limit 0) turns every limit off, for tests
// that do not test limits.
//
// A limited request is answered meta 429 "Too Many Requests" (HTTP 200, or
// 429 under HTTPStatusMode) with no Retry-After or other rate-limit header,
// as none is documented; TrackingMore asks a client to wait 120 s after a
// 429, which the mock does not enforce: the next token is given as soon as
// the bucket refills [ours]. Limits.RetryAfter (--retry-after) > 0 adds
// Retry-After, in whole seconds rounded up, to every 429, injected ones
// too [ours].
//
// Per /v2 request, in order: the request is counted in Stats; Latency is
// waited; auth; the limits answer meta 429 as above;
// ThrottleRate answers the same at random; ErrorRate
// answers HTTP 500 or 503 without doing anything; ResetRate drops the
// connection without doing anything; the handler runs; then, for
// successful writes, ResetAfterWriteRate drops the connection after the
// change was made. Randomness comes from a source seeded with Options.Seed.
// Token buckets run on the real clock (Options.Now), not the simulated
// one. Limits, faults and latency are the server's; the buckets and the
// realtime memory are each account's.
//
// # State file
//
// With Options.StateFile (--state-file) the mock loads every account from
// the file at start and saves them after each change, before answering,
// atomically (a temporary file beside it, synced, then renamed over it), so
// a restart, even after kill -9, keeps everything that was answered. Faults,
// latency, counters, rate-limit buckets and remembered realtime answers are
// not kept. A file that cannot be written makes every answer meta 500 naming
// the trouble, until a save succeeds.
//
// # Administration
//
// Outside /v2 and without an API key; each acts on every account, or on
// the one of ?key=KEY (400 when that key opens none):
//
//	GET  /__mock/stats    the Stats JSON (with ?key=: that account's counters)
//	POST /__mock/reset    clear trackings, stats, quota, clock offset, and the state file (faults are kept)
//	POST /__mock/faults   {"error_rate":0.1, ..., "latency":"50ms", "quota":N, "http_status_mode":true,
//	                      "limits":{"off":false,"rate_limit":1,"retry_after":"0s"}}; absent fields keep their value;
//	                      answers the new settings; with ?key= only quota. The former fault fields
//	                      rate_limit and enforce_documented_limits are refused (400), naming "limits".
//	POST /__mock/advance  {"hours":N} moves the simulated clock (N may be fractional)
//
// Stats.ByEndpoint is keyed "METHOD /template": the method as received and
// the path of the ServeMux pattern that matched (r.Pattern) below /v2;
// paths that match no endpoint count under "METHOD /{unknown}". Stats.ByKey
// holds the same counters per account, named by KeyLabel: at most four
// leading characters of the key and a short hash, never the whole key.
package mockapi
