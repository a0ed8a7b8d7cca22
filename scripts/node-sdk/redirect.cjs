// Preloaded with `node --require`: sends the SDK's HTTPS requests for
// api.trackingmore.com to the mock at MOCK_ORIGIN (http://HOST:PORT) over
// plain HTTP. The SDK hard-codes its host and port and takes no base URL,
// so the redirect sits in Node's transport, as a proxy would, and the
// SDK's own code runs unchanged.
'use strict'
const http = require('http')
const https = require('https')

const mock = new URL(process.env.MOCK_ORIGIN)

https.request = function (options, callback) {
  if (options.hostname !== 'api.trackingmore.com') {
    throw new Error(`the SDK called ${options.hostname}, not api.trackingmore.com`)
  }
  return http.request({ ...options, protocol: 'http:', hostname: mock.hostname, port: mock.port }, callback)
}
