import Database from 'better-sqlite3'
import type { SqliteConnection, SqliteDriver, SqliteRow, SqliteValue } from './driver'
import { sqliteRunTransaction } from './driver'

function isRow(value: unknown): value is SqliteRow {
  return typeof value === 'object' && value !== null
}

/**
 * The better-sqlite3 adapter (default under plain Node). BLOBs come back as `Buffer`, which is a
 * `Uint8Array`, so rows already satisfy {@link SqliteRow}.
 */
export function createBetterSqlite3Driver(): SqliteDriver {
  return {
    name: 'better-sqlite3',
    open(path: string): SqliteConnection {
      const db = new Database(path)
      const exec = (sql: string): void => {
        db.exec(sql)
      }
      return {
        exec,
        prepare(sql: string) {
          const statement = db.prepare<SqliteValue[]>(sql)
          return {
            run: (...params) => ({ changes: statement.run(...params).changes }),
            get: (...params) => {
              const row = statement.get(...params)
              return isRow(row) ? row : undefined
            },
            all: (...params) => statement.all(...params).filter(isRow),
            iterate: function* (...params) {
              for (const row of statement.iterate(...params)) {
                if (isRow(row)) yield row
              }
            },
            isReadonly: () => statement.readonly,
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
