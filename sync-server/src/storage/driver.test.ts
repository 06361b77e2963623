import { describe, expect, it } from 'vitest'
import { sqliteDefaultDriverName, sqliteResolveDriver } from './driver'
import { TEST_SQLITE_DRIVER, testSqliteDriverOf } from './storage-test-support'

describe('sqliteDefaultDriverName', () => {
  it.each([
    ['plain Node', { node: '20.19.0' }, 'better-sqlite3'],
    ['Electron', { node: '22.20.0', electron: '39.8.10' }, 'node:sqlite'],
  ] as const)('picks the driver for %s', (_runtime, versions, expected) => {
    expect(sqliteDefaultDriverName(versions)).toBe(expected)
  })
})

describe('testSqliteDriverOf', () => {
  it.each([
    [{}, 'better-sqlite3'],
    [{ TEAMSLOT_TEST_SQLITE_DRIVER: 'better-sqlite3' }, 'better-sqlite3'],
    [{ TEAMSLOT_TEST_SQLITE_DRIVER: 'node:sqlite' }, 'node:sqlite'],
  ])('reads %j as %s', (env, expected) => {
    expect(testSqliteDriverOf(env)).toBe(expected)
  })

  it('refuses an unknown driver name instead of testing another driver', () => {
    expect(() => testSqliteDriverOf({ TEAMSLOT_TEST_SQLITE_DRIVER: 'sqlite3' })).toThrow(
      'TEAMSLOT_TEST_SQLITE_DRIVER must be one of better-sqlite3, node:sqlite, got sqlite3',
    )
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

  it(`loads ${TEST_SQLITE_DRIVER} here and round-trips BLOBs as Uint8Array`, async () => {
    const driver = await sqliteResolveDriver(TEST_SQLITE_DRIVER)
    const connection = driver.open(':memory:')
    const row = connection.prepare('SELECT ? AS b').get(new Uint8Array([0, 255, 1]))
    connection.close()

    expect(driver.name).toBe(TEST_SQLITE_DRIVER)
    const blob = row?.['b']
    expect(blob).toBeInstanceOf(Uint8Array)
    expect(blob instanceof Uint8Array ? [...blob] : blob).toEqual([0, 255, 1])
  })

  it(`reads integers, reals, text and NULL back through ${TEST_SQLITE_DRIVER}`, async () => {
    const connection = (await sqliteResolveDriver(TEST_SQLITE_DRIVER)).open(':memory:')
    const row = connection
      .prepare('SELECT ? AS i, ? AS r, ? AS t, ? AS n')
      .get(7, 1.25, 'é😀', null)
    const changes = connection.prepare('CREATE TABLE t (x INTEGER)').run()
    const inserted = connection.prepare('INSERT INTO t VALUES (1), (2)').run()
    connection.close()

    expect(row).toEqual({ i: 7, r: 1.25, t: 'é😀', n: null })
    expect(changes.changes).toBe(0)
    expect(inserted.changes).toBe(2)
  })

  it(`rolls a failed transaction back (${TEST_SQLITE_DRIVER})`, async () => {
    const connection = (await sqliteResolveDriver(TEST_SQLITE_DRIVER)).open(':memory:')
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

  it(`iterates result rows in order (${TEST_SQLITE_DRIVER})`, async () => {
    const connection = (await sqliteResolveDriver(TEST_SQLITE_DRIVER)).open(':memory:')
    connection.exec('CREATE TABLE t (x INTEGER, b BLOB)')
    connection.exec("INSERT INTO t VALUES (2, x'02'), (1, x'01'), (3, x'03')")
    const rows = [...connection.prepare('SELECT x, b FROM t ORDER BY x').iterate()]
    const early = connection.prepare('SELECT x FROM t ORDER BY x').iterate()
    const first = early.next().value
    early.return?.()
    const after = connection.prepare('SELECT count(*) AS n FROM t').get()
    connection.close()

    expect(rows.map((row) => row['x'])).toEqual([1, 2, 3])
    expect(
      rows.map((row) => {
        const blob = row['b']
        return blob instanceof Uint8Array ? [...blob] : blob
      }),
    ).toEqual([[1], [2], [3]])
    expect(first).toEqual({ x: 1 })
    expect(after).toEqual({ n: 3 })
  })

  it.each([
    ['SELECT x FROM t', true],
    ['WITH c AS (SELECT x FROM t) SELECT * FROM c', true],
    ['INSERT INTO t VALUES (1)', false],
    ['DELETE FROM t', false],
    ['WITH c AS (SELECT 1) DELETE FROM t', false],
    ['CREATE TABLE u (y)', false],
    ['DROP TABLE t', false],
    // sqlite3_stmt_readonly() says true for transaction control: callers must check the keyword.
    ['BEGIN', true],
  ])(`reports %s as read-only: %s (${TEST_SQLITE_DRIVER})`, async (sql, expected) => {
    const connection = (await sqliteResolveDriver(TEST_SQLITE_DRIVER)).open(':memory:')
    connection.exec('CREATE TABLE t (x INTEGER)')
    const isReadonly = connection.prepare(sql).isReadonly()
    connection.close()

    expect(isReadonly).toBe(expected)
  })
})
