import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEST_SQLITE_DRIVER } from '../storage/storage-test-support'
import { ImportStaging, importStagingIsMarked, importStagingLeftovers } from './import-staging'

const tempDir = () => mkdtempSync(join(tmpdir(), 'teamslot-staging-'))

describe(`ImportStaging on ${TEST_SQLITE_DRIVER}`, () => {
  it('stages records by id, finds repeats at once, and pages by body order and by id', async () => {
    const dir = tempDir()
    const staging = await ImportStaging.create(dir, TEST_SQLITE_DRIVER)
    const ids = ['b-3', 'b-1', 'b-2', 'b-1', 'b-0', 'b-3']
    const repeats = ids.map((id, index) => staging.add(index, id, { id, index }))
    expect(repeats).toEqual([null, null, null, 1, null, 0])
    staging.commit()
    expect(staging.count).toBe(4)
    expect(staging.byIndex(-1, 10).map((s) => [s.index, s.id])).toEqual([
      [0, 'b-3'],
      [1, 'b-1'],
      [2, 'b-2'],
      [4, 'b-0'],
    ])
    expect(staging.byIndex(1, 2).map((s) => s.index)).toEqual([2, 4])
    expect(staging.byId('', 3).map((s) => s.id)).toEqual(['b-0', 'b-1', 'b-2'])
    expect(staging.byId('b-2', 3).map((s) => JSON.parse(s.json))).toEqual([{ id: 'b-3', index: 0 }])
    expect(staging.has(['b-1', 'b-9', 'b-0'])).toEqual(new Set(['b-1', 'b-0']))
    expect(staging.repeats(-1, 10)).toEqual([
      { index: 3, id: 'b-1', firstIndex: 1 },
      { index: 5, id: 'b-3', firstIndex: 0 },
    ])
    expect(staging.applying()).toBeNull()
    staging.remove()
    expect(readdirSync(dir)).toEqual([])
  })

  it('keeps a durable marker that a reopened file reports, and lists leftovers', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'teamslot.sqlite'), '')
    const staging = await ImportStaging.create(dir, TEST_SQLITE_DRIVER)
    staging.add(0, 'b-1', { id: 'b-1' })
    expect(importStagingIsMarked(staging.path)).toBe(false)
    const marker = staging.markApplying('{"version":1}', '2027-03-10T08:00:00.000Z')
    staging.close()
    expect(importStagingIsMarked(staging.path)).toBe(true)
    expect(existsSync(`${staging.path}.applying`)).toBe(true)
    expect(importStagingLeftovers(dir)).toEqual([staging.path])
    const reopened = await ImportStaging.open(staging.path, TEST_SQLITE_DRIVER)
    expect(reopened.applying()).toEqual(marker)
    expect(reopened.byId('', 10).map((s) => s.id)).toEqual(['b-1'])
    reopened.remove()
    expect(existsSync(staging.path)).toBe(false)
    expect(importStagingIsMarked(staging.path)).toBe(false)
    expect(importStagingLeftovers(dir)).toEqual([])
    expect(readdirSync(dir)).toEqual(['teamslot.sqlite'])
  })

  it('loses rows not yet committed when the file is closed, but never the marker', async () => {
    const dir = tempDir()
    const staging = await ImportStaging.create(dir, TEST_SQLITE_DRIVER)
    staging.add(0, 'b-1', { id: 'b-1' })
    staging.close()
    const reopened = await ImportStaging.open(staging.path, TEST_SQLITE_DRIVER)
    expect(reopened.byId('', 10)).toEqual([])
    expect(reopened.applying()).toBeNull()
    reopened.remove()
  })
})
