// Drives every method of TrackingMore's official Node SDK
// (trackingmore-sdk-nodejs, pinned in package-lock.json) against the mock's
// /v4 and checks what the SDK hands its caller. Run by
// scripts/node-sdk-check.sh, which starts the mock and preloads
// redirect.cjs. A method whose answer does not fit fails with its name.
//
// The SDK resolves every answer as parsed JSON, whatever its meta code, and
// getTrackingResults drops its query string (request.js sends only the
// URL's pathname), so the mock answers it with the account's first page.
'use strict'
const TrackingMore = require('trackingmore-sdk-nodejs')

const admin = process.env.MOCK_ORIGIN + '/__mock'
const sdk = new TrackingMore(process.env.MOCK_API_KEY)
const failures = []

// check runs one SDK call and the assertions on its answer.
async function check (method, call, assert) {
  try {
    const answer = await call()
    assert(answer)
    console.log(`ok    ${method}`)
    return answer
  } catch (err) {
    console.log(`FAIL  ${method}: ${err.message}`)
    failures.push(method)
    return null
  }
}

function expect (cond, what, answer) {
  if (!cond) throw new Error(`${what}; the SDK returned ${JSON.stringify(answer).slice(0, 400)}`)
}

const isID = (s) => typeof s === 'string' && /^[0-9a-f]{32}$/.test(s)
const meta = (answer, code) => expect(answer && answer.meta && answer.meta.code === code, `want meta.code ${code}`, answer)

async function main () {
  await check('couriers.getAllCouriers', () => sdk.couriers.getAllCouriers(), (a) => {
    meta(a, 200)
    expect(Array.isArray(a.data) && a.data.length === 1085, 'want the 1,085 couriers', a.data && a.data.length)
    const ups = a.data.find((c) => c.courier_code === 'ups')
    expect(ups && ups.courier_name === 'UPS' && Array.isArray(ups.tracking_required_fields), 'want ups with its name and required fields', ups)
  })
  await check('couriers.detect', () => sdk.couriers.detect({ tracking_number: '1Z999AA10123456784' }), (a) => {
    meta(a, 200)
    expect(Array.isArray(a.data) && a.data.some((c) => c.courier_code === 'ups'), 'want ups among the detected couriers', a)
  })

  const created = await check('trackings.createTracking', () => sdk.trackings.createTracking({
    tracking_number: '1Z999AA10123456784', courier_code: 'ups', order_number: '#1001', note: 'fragile', title: 'Espresso machine'
  }), (a) => {
    meta(a, 200)
    const t = a.data
    expect(isID(t.id) && t.tracking_number === '1Z999AA10123456784' && t.courier_code === 'ups', 'want the tracking with its id', a)
    expect(t.order_number === '#1001' && t.note === 'fragile' && t.title === 'Espresso machine', 'want the fields sent', a)
    expect(typeof t.delivery_status === 'string' && typeof t.created_at === 'string', 'want delivery_status and created_at', a)
  })
  await check('trackings.createTracking (duplicate)', () => sdk.trackings.createTracking({ tracking_number: '1Z999AA10123456784', courier_code: 'ups' }),
    (a) => meta(a, 4101))

  // 40 postal parcels, the most one call takes; SDKCHECK0026 stalls and
  // expires after 60 simulated days, which retrack needs.
  const batch = Array.from({ length: 40 }, (_, i) => ({ tracking_number: 'SDKCHECK' + String(i).padStart(4, '0'), courier_code: 'china-post' }))
  await check('trackings.batchCreateTrackings', () => sdk.trackings.batchCreateTrackings(batch), (a) => {
    meta(a, 200)
    expect(a.data.success.length === 40 && a.data.error.length === 0, 'want 40 created, none failed', a)
    expect(a.data.success.every((s) => isID(s.id) && s.courier_code === 'china-post'), 'want each with its id', a)
  })

  await check('trackings.getTrackingResults', () => sdk.trackings.getTrackingResults({ tracking_numbers: '1Z999AA10123456784' }), (a) => {
    meta(a, 200)
    const t = Array.isArray(a.data) && a.data.find((x) => x.tracking_number === '1Z999AA10123456784')
    expect(t && created && t.id === created.data.id && t.note === 'fragile', 'want the created tracking, same id and note', a)
    expect(t.origin_info && Array.isArray(t.origin_info.trackinfo), 'want origin_info with its trackinfo', t)
  })

  const id = created ? created.data.id : '0'.repeat(32)
  await check('trackings.updateTrackingByID', () => sdk.trackings.updateTrackingByID(id, { title: 'Espresso machine (refurbished)', courier_code_new: 'fedex' }), (a) => {
    meta(a, 200)
    expect(a.data.id === id && a.data.courier_code_new === 'fedex' && a.data.title === 'Espresso machine (refurbished)', 'want the update echoed', a)
  })
  await check('trackings.retrackTrackingByID (not expired)', () => sdk.trackings.retrackTrackingByID(id), (a) => meta(a, 4113))

  await fetch(admin + '/advance', { method: 'POST', body: JSON.stringify({ hours: 24 * 70 }) })
  const all = await sdk.trackings.getTrackingResults({})
  const expired = (all.data || []).find((t) => t.tracking_number === 'SDKCHECK0026')
  await check('trackings.retrackTrackingByID', () => sdk.trackings.retrackTrackingByID(expired ? expired.id : '0'.repeat(32)), (a) => {
    meta(a, 200)
    expect(a.data.tracking_number === 'SDKCHECK0026' && a.data.delivery_status === 'expired', 'want the expired tracking', a)
  })

  await check('trackings.deleteTrackingByID', () => sdk.trackings.deleteTrackingByID(id), (a) => {
    meta(a, 200)
    expect(a.data.id === id && a.data.courier_code === 'fedex', 'want the deleted tracking, now fedex', a)
  })
  await check('trackings.deleteTrackingByID (gone)', () => sdk.trackings.deleteTrackingByID(id), (a) => meta(a, 4102))

  await check('airWaybills.createAnAirWayBill', () => sdk.airWaybills.createAnAirWayBill({ awb_number: '999-12345675' }), (a) => {
    meta(a, 200)
    expect(a.data.awb_number === '999-12345675' && a.data.origin === 'PEK' && Array.isArray(a.data.flight_info_new), 'want the waybill from Air China\'s hub', a)
  })

  await check('trackings.getTrackingResults (rejected key)', () => new TrackingMore('not-a-key').trackings.getTrackingResults({}), (a) => {
    meta(a, 401)
    expect(a.data === null, 'want data null on an error', a)
  })

  if (failures.length > 0) {
    console.log(`node-sdk-check: ${failures.length} SDK method(s) did not fit the mock: ${failures.join(', ')}`)
    process.exit(1)
  }
}

main().catch((err) => { console.log(`FAIL  ${err.stack}`); process.exit(1) })
