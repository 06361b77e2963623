import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
/** Bookings of ~1.6 KB each: a body of more than 100 MB. */
const BOOKINGS = 70_000
/** What the import may hold while it reads such a body: a small fraction of it. */
const MAX_RETAINED_BYTES = 24 * 1024 * 1024

describe('a streamed import', () => {
  it('holds far less than its body while it reads and validates 100 MB', () => {
    // A child process with --expose-gc: heap measured after forced collections is what the
    // import holds, not garbage a collector has not reached yet.
    const probe = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        'sync-server/src/test-support/import-memory-probe.ts',
        String(BOOKINGS),
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1024 * 1024 },
    )
    expect(probe.stderr).toBe('')
    const result = JSON.parse(probe.stdout.trim().split('\n').at(-1)!) as {
      status: number
      problems: string[]
      bodyBytes: number
      samples: number
      maxRetainedBytes: number
    }
    expect(result.status).toBe(400)
    expect(result.problems).toEqual([`bookings.${BOOKINGS - 1}.eventTypeId`])
    expect(result.bodyBytes).toBeGreaterThan(100 * 1000 * 1000)
    expect(result.samples).toBeGreaterThan(50)
    expect(result.maxRetainedBytes).toBeLessThan(MAX_RETAINED_BYTES)
  }, 180_000)
})
