import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import SERVER_NODE_FLAGS from '../node-flags.json'
import { startCli } from './test-support/cli'

const ROOT = resolve(import.meta.dirname, '..', '..')
/** Long enough for a Vite build on a loaded 2-core machine. */
const BUILD_TIMEOUT_MS = 120_000

/**
 * The standalone server as production runs it (`npm run build` → out/server/main.js, what `npm
 * run sync-server` and web mode start), built here into a folder of its own inside out/ (Node
 * resolves the packages it imports from the repository's node_modules) and run by plain Node.
 */
let outDir = ''
beforeAll(() => {
  mkdirSync(join(ROOT, 'out'), { recursive: true })
  outDir = mkdtempSync(join(ROOT, 'out', 'server-bundle-test-'))
  const vite = join(ROOT, 'node_modules', '.bin', 'vite')
  const built = spawnSync(
    vite,
    ['build', '--config', 'sync-server/vite.config.ts', '--outDir', outDir],
    { cwd: ROOT, encoding: 'utf8' },
  )
  expect(built.status, built.stderr).toBe(0)
}, BUILD_TIMEOUT_MS)
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

describe('the built sync server (out/server/main.js)', () => {
  it('is plain JavaScript that starts on loopback, answers /health and the API, and stops on SIGTERM', async () => {
    const bundle = join(outDir, 'main.js')
    expect(existsSync(bundle)).toBe(true)
    // Packages stay imports (Node resolves them); the repository's own code is inside.
    const text = readFileSync(bundle, 'utf8')
    expect(text).toMatch(/from "express"/)
    expect(text).not.toMatch(/from "\.\.?\/[^"]*\.ts"/)
    const dataDir = mkdtempSync(join(tmpdir(), 'teamslot-bundle-'))
    const token = 'bundle-test-token'
    // Plain Node: no tsx loader, not even through NODE_OPTIONS.
    const server = await startCli(
      ['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--quiet'],
      { TEAMSLOT_ADMIN_TOKEN: token, NODE_OPTIONS: '' },
      [...SERVER_NODE_FLAGS, bundle],
    )
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const health = await fetch(`${server.url}/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toEqual({ ok: true })
      const workspace = await fetch(`${server.url}/api/admin/workspace`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(workspace.status).toBe(200)
      expect(await workspace.json()).toMatchObject({ version: 1, bookings: [] })
    } finally {
      server.child.kill('SIGTERM')
    }
    expect(await server.exited()).toBe(0)
    rmSync(dataDir, { recursive: true, force: true })
  })
})
