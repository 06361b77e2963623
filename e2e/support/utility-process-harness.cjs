// Runs the built embedded-server entry (out/main/sync-server.cjs) the way Electron's utilityProcess
// would, with a stand-in for `process.parentPort`, relaying its messages over stdout (one JSON per
// line) and taking `start`/`stop` messages on stdin. Lets the test suite check the bundle and its
// protocol on machines without Electron.
const { EventEmitter } = require('node:events')
const { resolve } = require('node:path')
const readline = require('node:readline')

const parent = new EventEmitter()
parent.postMessage = (message) => process.stdout.write(`${JSON.stringify(message)}\n`)
process.parentPort = parent
require(resolve(__dirname, '..', '..', 'out', 'main', 'sync-server.cjs'))
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  parent.emit('message', { data: JSON.parse(line) })
})
