#!/usr/bin/env node
/**
 * `npm start`: builds the app, then opens the desktop app (which starts its embedded sync server
 * with the demo team). Where Electron's binary is missing it says so in one line and runs web mode:
 * the built sync server (out/server/main.js; demo data, durable store in .data/web) serving the app
 * to a browser.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { electronBinary } from './electron-binary.mjs'
import { SERVER_BUNDLE, SERVER_NODE_FLAGS, serverBundleBuild } from './server-bundle.mjs'

const root = resolve(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
// The public booking page (out/book), served by the embedded server at /book/{slug}.
const bookBuild = spawnSync(bin('vite'), ['build', '--config', 'booking-page/vite.config.ts'], {
  cwd: root,
  stdio: 'inherit',
})
if (bookBuild.status !== 0) process.exit(bookBuild.status ?? 1)

let electron = electronBinary()
if (!electron.path && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
  // npm does not run Electron's download script (package.json allowScripts), so installs never
  // fail offline; fetch the binary here, once, and fall back to web mode if that fails.
  const installer = join(root, 'node_modules', 'electron', 'install.js')
  if (existsSync(installer)) {
    spawnSync(process.execPath, [installer], {
      cwd: join(root, 'node_modules', 'electron'),
      stdio: 'ignore',
      timeout: 180_000,
    })
    electron = electronBinary()
  }
}
if (electron.path) {
  const child = spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  startWebMode(electron.reason)
}

function startWebMode(reason) {
  const port = process.env.TEAMSLOT_PORT ?? '4400'
  const dataDir = join(root, '.data', 'web')
  console.log(`${reason}; starting web mode instead (sync server + app in your browser).`)
  // The standalone server, built (out/server/main.js) as production runs it.
  const serverBuild = serverBundleBuild()
  if (serverBuild !== 0) process.exit(serverBuild)
  const server = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      SERVER_BUNDLE,
      '--port',
      port,
      '--data-dir',
      dataDir,
      '--demo',
      '--app-dir',
      'out/renderer',
      '--quiet',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  server.stdout.setEncoding('utf8')
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    const match = /listening on (http:\/\/\S+)/.exec(chunk)
    if (match) {
      const tokenFile = join(dataDir, 'admin-token')
      const token =
        process.env.TEAMSLOT_ADMIN_TOKEN ??
        (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '')
      console.log(`Teamslot (web mode): open ${match[1]}/app/#token=${token}`)
      console.log(`Public booking page: ${match[1]}/book/sales   (Ctrl+C stops the server)`)
    }
  })
  const stop = () => server.kill('SIGTERM')
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  server.on('exit', (code) => process.exit(code ?? 0))
}
