// Package mockapi is a faithful, stateful mock of the TrackingMore API, v2
// and v4 over the same accounts, for tests and CI. Use it in-process with
// httptest.NewServer(mockapi.New(mockapi.Options{...})) or as the
// trackingmore-mock command; point the client at <server URL>/v2, or at
// <server URL>/v4 (see "API v4"). Choices the record leaves open are
// marked [ours].
//
// The zero Options enforce TrackingMore's real limits (see "Faults and
// limits"): 1 request per second per API key across /v2, 10 across /v4. A
// test that does not test limits opts out with
// Options{Limits: mockapi.NoLimits}; the command with --rate-limit 0.
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
// status counts, simulated clock, rate-limit buckets and counters, in
// every version alike (see "API v4"); the same
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
// Below /v2 (for /v4 see "API v4"):
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
// HTTP 200. Through v4 the quota is the same: a created tracking costs 1
// (create, and per created item of a batch), an air waybill 20, detection
// nothing; out of quota answers 4190 with HTTP 400.
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
// limit) and the same shipment once per 2 simulated hours (above). For v4
// it is v4's documented default: 10 requests per second across every /v4
// endpoint (Limits.V4RateLimit, 0 meaning DefaultV4RateLimit), and within
// it, always, POST /v4/trackings/create 3 per second. Each version has
// buckets of its own [ours: each has its own documented budget, and the
// record does not say whether one account's calls of both versions share
// one]. Each
// limit is a token bucket (golang.org/x/time/rate) of burst max(1,
// ceil(rate)) per account [ours: TrackingMore does not say how it counts];
// a request refused by the general limit spends no token, one refused by
// an endpoint's limit has spent its general one [ours]. Requests of any
// /v2 or /v4 path count, unknown ones too, once the key opens an account;
// requests without a valid key are answered 401/4001 (v4: 401) and count
// against nothing [ours]. Limits.Off (NoLimits, --rate-limit 0) turns
// every limit off, both versions', for tests that do not test limits.
//
// A limited request is answered meta 429 "Too Many Requests" (v2: HTTP
// 200, or 429 under HTTPStatusMode; v4: HTTP 429) with no Retry-After or
// other rate-limit header,
// as none is documented; TrackingMore asks a client to wait 120 s after a
// 429, which the mock does not enforce: the next token is given as soon as
// the bucket refills [ours]. Limits.RetryAfter (--retry-after) > 0 adds
// Retry-After, in whole seconds rounded up, to every 429, injected ones
// too [ours].
//
// Per API request, in order: the request is counted in Stats; Latency is
// waited; auth; the limits answer meta 429 as above;
// ThrottleRate answers the same at random; ErrorRate
// answers HTTP 500 or 503 (v4: HTTP 500 with meta 511 or 512 [ours])
// without doing anything; ResetRate drops the
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
// not kept. v4's own fields are kept with the others of each tracking, in
// an unchanged format, so a file written before /v4 was served loads, its
// trackings addressable by id. A file that cannot be written makes every
// answer meta 500 (v4: 511) naming the trouble, until a save succeeds.
//
// # API v4
//
// /v4 serves TrackingMore's API v4 over the same accounts as /v2. The same
// API key opens the same account in both, sent in each version's own
// header: Tracking-Api-Key below /v4, Trackingmore-Api-Key below /v2 (each
// version reads its own only). A tracking created through either is the
// account's, and reads through the other with the same id, fields and
// status [ours: TrackingMore says switching versions needs no changelog].
// v4 is another wire over the account's store, not a second store. Its
// limits (10 requests/s, create 3/s, in buckets of their own) and quota
// are under "Faults and limits" and "Quota".
//
// Every /v4 answer is {"meta":{"code":N,"message":"..."},"data":...}, data
// null on errors [ours], and v4 always sets the HTTP status: 200; 400 for
// meta 400 and every 41xx code; 401; 404; 429; 500 for server errors
// (511, 512). HTTPStatusMode does not apply; the mock never answers 403.
// A missing or unknown key answers 401, an unknown path 404, a wrong
// method or a body that is not the JSON expected 400.
//
//	POST   /trackings/create        create: the tracking object; 1 unit of quota
//	GET    /trackings/get           list: an array of tracking objects
//	POST   /trackings/batch         create up to 40: {"success":[{id, tracking_number, courier_code}],"error":[{…, errorCode, errorMessage}]}
//	PUT    /trackings/update/{id}   change fields, the carrier (courier_code_new), archived_status
//	DELETE /trackings/delete/{id}   delete: {id, tracking_number, courier_code}
//	POST   /trackings/retrack/{id}  an expired tracking only (else 4113): the tracking object
//	POST   /awb                     air waybill {awb_number}; 20 units, as aircargo [ours]
//	GET    /couriers/all            the catalogue of GET /v2/carriers in v4's shape
//	POST   /couriers/detect         the candidates of /v2/carriers/detect in v4's shape; free
//
// Codes: 4101 the carrier and number exist (create, batch, a carrier
// change onto an existing tracking); 4102 no tracking has that id; 4103
// over 40 items in a batch (nothing is created) or numbers in a list; 4110
// a number not matching ^[0-9A-Za-z_-]{5,}$, 4111 none; 4112 an id that is
// not 32 lowercase hex digits [ours: 4102 for a well-formed unknown one];
// 4113 retrack of a tracking that is not expired; 4120 a courier_code (or
// courier_code_new, or the list's courier_code) not in the catalogue, or
// none; 4121 detection found nothing; 4122 a create without a carrier's
// required fields, where v2 accepts the tracking and leaves it notfound;
// 4130 a field that is not text, a *_iso2 field that is not two letters,
// an order_date or date bound that is not ISO 8601, an unknown
// delivery_status, an archived_status other than "true"/"false", an
// items_amount or pages_amount that is not a positive integer [ours: the
// SDKs name no rules]; 4160 an awb_number missing or not
// ^[0-9]{3}[ -]?[0-9]{8}$; 4161 an airline prefix the mock does not know
// (it knows 17); 4190 out of quota.
//
// Fields. v2 and v4 name the same stored fields: status is
// delivery_status, carrier_code courier_code, destination_code
// destination_country_iso2 (create, update) and destination_country (the
// object), specialNumberDestination tracking_destination_country,
// tracking_account_number tracking_courier_account, lang language,
// updated_at update_at, track_update updating, itemTimeLength
// transit_time, lastEvent and lastUpdateTime latest_event and
// latest_checkpoint_time; id, title, order_id, customer_name,
// customer_email, logistics_channel, tracking_postal_code,
// tracking_ship_date, archived and created_at keep their names. v4's own
// fields (order_number, order_date, origin_country_iso2, customer_sms,
// recipient_postcode, tracking_origin_country, tracking_key, note, label)
// are stored on the tracking too, and v2 does not show them; v4 does not
// show v2's own (comment, customer_phone, order_create_time):
// customer_sms and customer_phone, note and comment, order_date and
// order_create_time stay apart [ours: nothing says they are one field].
// origin_country_iso2 naming a country the mock knows is the simulated
// origin (v2's original_country too).
//
// On create and update JSON null and "" mean "not sent" [ours: the
// official Go SDK sends "" for every field it does not set], so a v4
// update never clears a field; unknown fields (auto_correct) are ignored.
// A create answers the whole tracking as it stands, delivery_status
// "pending" as through v2, since both versions read one simulation [ours].
// An update is all or nothing; it answers id, tracking_number,
// courier_code (the carrier it was found under), and every field it was
// sent as sent, courier_code_new and archived_status included [ours];
// update_at moves only when something changed. A batch answers meta 200
// even when items fail [ours]; the error of a duplicate carries the id of
// the tracking that exists [ours]. Retrack changes nothing and costs
// nothing: the simulated carrier has nothing new on a journey that stalled
// [ours].
//
// The tracking object: delivery_status is one of v2's eight statuses
// [ours: the simulation has no "inforeceived"]; archived is the string
// "true" or "false" [ours:
// the official Go and Java SDKs decode it into a string]; origin_country
// and destination_country are ISO codes; dates, checkpoint dates too, are
// ISO 8601 with offset [ours]; trackinfo is newest first, [] when empty,
// raw_status the checkpoint's status [ours]; milestone_date dates
// pickup_date (accepted by the carrier), outfordelivery_date,
// delivery_date, returned_date (exception010) and returning_date
// (exception011), and no inforeceived_date [ours]; latest_event is
// "<detail>,<location>,<date>" as v2's lastEvent [ours];
// destination_info is all null, trackinfo [], unless the journey is
// international. States, cities of the tracking, signed_by, service_code,
// weight, weight_kg, product_type, pieces, dimension, previously,
// destination_track_number, exchange_number, scheduled_delivery_date and
// scheduled_address are null: the simulated carriers do not report them.
//
// Listing: tracking_numbers (comma list), courier_code, delivery_status,
// archived_status, created_date_min/max and updated_date_min/max (RFC
// 3339, or a date alone at midnight UTC; a space in an offset is read as
// the "+" an unencoded query turned into one), items_amount (page size,
// default 100, capped at 2000 [ours: v2's documented cap]), pages_amount
// (from 1) and lang (ignored), from the query or a JSON body as in v2.
// Items come in creation order.
//
// Couriers carry v4's names of their required fields
// (tracking_courier_account for v2's tracking_account_number), an empty
// optional_fields, and English as their only language [ours]. An air
// waybill has one flight, departing at its third milestone and arriving
// at its fourth; awb_status names status_number 1-5 booked, received,
// departed, arrived, delivered; its numbers are strings, as the SDKs
// decode them; airline_info.name is the IATA designator [ours].
//
// # Administration
//
// Outside /v2 and /v4 and without an API key; each acts on every account,
// or on the one of ?key=KEY (400 when that key opens none):
//
//	GET  /__mock/stats    the Stats JSON (with ?key=: that account's counters)
//	POST /__mock/reset    clear trackings, stats, quota, clock offset, and the state file (faults are kept)
//	POST /__mock/faults   {"error_rate":0.1, ..., "latency":"50ms", "quota":N, "http_status_mode":true,
//	                      "limits":{"off":false,"rate_limit":1,"v4_rate_limit":10,"retry_after":"0s"}}; absent fields keep their value;
//	                      answers the new settings; with ?key= only quota. The former fault fields
//	                      rate_limit and enforce_documented_limits are refused (400), naming "limits".
//	POST /__mock/advance  {"hours":N} moves the simulated clock (N may be fractional)
//
// Stats.ByEndpoint is keyed "METHOD /template": the method as received and
// the path of the ServeMux pattern that matched (r.Pattern) below /v2;
// paths that match no endpoint count under "METHOD /{unknown}". v4's keep
// their prefix: "POST /v4/trackings/create", "GET /v4/{unknown}". Stats.ByKey
// holds the same counters per account, named by KeyLabel: at most four
// leading characters of the key and a short hash, never the whole key.
package mockapi
