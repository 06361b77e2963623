import { createRequire } from 'node:module'
import type { SqliteConnection, SqliteDriver, SqliteRow, SqliteValue } from './driver'
import { sqliteIsReadonlyByExplain, sqliteRunTransaction } from './driver'

/**
 * The slice of `node:sqlite` (Node ≥ 22.5, e.g. inside Electron) this adapter uses. Declared here
 * because the project's `@types/node` is for Node 20, which has no `node:sqlite`.
 */
interface NodeSqliteStatement {
  run(...params: SqliteValue[]): { changes: number | bigint }
  get(...params: SqliteValue[]): unknown
  all(...params: SqliteValue[]): unknown[]
  iterate(...params: SqliteValue[]): IterableIterator<unknown>
}
interface NodeSqliteDatabase {
  exec(sql: string): void
  prepare(sql: string): NodeSqliteStatement
  close(): void
}
interface NodeSqliteModule {
  DatabaseSync: new (path: string) => NodeSqliteDatabase
}

function isNodeSqliteModule(value: unknown): value is NodeSqliteModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    'DatabaseSync' in value &&
    typeof value.DatabaseSync === 'function'
  )
}

/** `node:sqlite` returns BLOBs as plain `Uint8Array` and objects with a null prototype. */
function toRow(value: unknown): SqliteRow | undefined {
  return typeof value === 'object' && value !== null ? { ...value } : undefined
}

/**
 * The `node:sqlite` `DatabaseSync` adapter, used inside Electron. Throws at creation when the
 * running Node has no `node:sqlite` (Node 20 does not). `npm test` runs the storage's contract and
 * kill -9 tests on it under a pinned Node 22 (`scripts/node22/`).
 */
export function createNodeSqliteDriver(): SqliteDriver {
  // createRequire keeps bundlers and Node 20 from resolving the module unless it is selected.
  const loaded: unknown = createRequire(import.meta.url)('node:sqlite')
  if (!isNodeSqliteModule(loaded)) {
    throw new Error('node:sqlite is not available in this runtime (needs Node >= 22.5)')
  }
  const { DatabaseSync } = loaded
  return {
    name: 'node:sqlite',
    open(path: string): SqliteConnection {
      const db = new DatabaseSync(path)
      const exec = (sql: string): void => {
        db.exec(sql)
      }
      return {
        exec,
        prepare(sql: string) {
          const statement = db.prepare(sql)
          let isReadonly: boolean | undefined
          return {
            run: (...params) => ({ changes: Number(statement.run(...params).changes) }),
            get: (...params) => toRow(statement.get(...params)),
            all: (...params) =>
              statement.all(...params).flatMap((row) => {
                const normalised = toRow(row)
                return normalised ? [normalised] : []
              }),
            iterate: function* (...params) {
              for (const row of statement.iterate(...params)) {
                const normalised = toRow(row)
                if (normalised) yield normalised
              }
            },
            // node:sqlite has no sqlite3_stmt_readonly(); the bytecode tells the same.
            isReadonly: () =>
              (isReadonly ??= sqliteIsReadonlyByExplain(
                db
                  .prepare('EXPLAIN ' + sql)
                  .all()
                  .flatMap((row) => {
                    const normalised = toRow(row)
                    return normalised ? [normalised] : []
                  }),
              )),
          }
        },
        transaction: (fn) => sqliteRunTransaction(exec, fn),
        close: () => {
          db.close()
        },
      }
    },
  }
}
