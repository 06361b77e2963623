import { describe, expect, it } from 'vitest'
import { sqliteDefaultDriverName, sqliteResolveDriver } from './driver'

describe('sqliteDefaultDriverName', () => {
  it.each([
    ['plain Node', { node: '20.19.0' }, 'better-sqlite3'],
    ['Electron', { node: '22.20.0', electron: '39.8.10' }, 'node:sqlite'],
  ] as const)('picks the driver for %s', (_runtime, versions, expected) => {
    expect(sqliteDefaultDriverName(versions)).toBe(expected)
  })
})

describe('sqliteResolveDriver', () => {
  it('returns a custom driver object unchanged', async () => {
    const custom = {
      name: 'custom',
      open: () => {
        throw new Error('not used')
      },
    }
    expect(await sqliteResolveDriver(custom)).toBe(custom)
  })

  it('loads better-sqlite3 here and round-trips BLOBs as Uint8Array', async () => {
    const driver = await sqliteResolveDriver('better-sqlite3')
    const connection = driver.open(':memory:')
    const row = connection.prepare('SELECT ? AS b').get(new Uint8Array([0, 255, 1]))
    connection.close()

    expect(driver.name).toBe('better-sqlite3')
    const blob = row?.['b']
    expect(blob).toBeInstanceOf(Uint8Array)
    expect(blob instanceof Uint8Array ? [...blob] : blob).toEqual([0, 255, 1])
  })

  it('rolls a failed transaction back', async () => {
    const connection = (await sqliteResolveDriver('better-sqlite3')).open(':memory:')
    connection.exec('CREATE TABLE t (x INTEGER)')
    expect(() =>
      connection.transaction(() => {
        connection.prepare('INSERT INTO t VALUES (1)').run()
        throw new Error('boom')
      }),
    ).toThrow('boom')
    const count = connection.prepare('SELECT count(*) AS n FROM t').get()
    connection.close()

    expect(count?.['n']).toBe(0)
  })
})
