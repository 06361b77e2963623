import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, it } from 'vitest'
import SERVER_NODE_FLAGS from '../node-flags.json'

const ROOT = resolve(import.meta.dirname, '..', '..')

it('npm run sync-server runs the server with the Node options of sync-server/node-flags.json', () => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0)
  expect(scripts['sync-server']).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} out/server/main.js`)
})
