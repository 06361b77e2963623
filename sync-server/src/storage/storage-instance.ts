import type { Observable } from 'rxjs'
import { Subject } from 'rxjs'
import type {
  BulkWriteRow,
  EventBulk,
  PreparedQuery,
  RxConflictResultionTask,
  RxConflictResultionTaskSolution,
  RxDocumentData,
  RxJsonSchema,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageCountResult,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageQueryResult,
  StringKeys,
} from 'rxdb'
import { categorizeBulkWriteRows, now } from 'rxdb'
import type { CollectionTable } from './collection-table'
import {
  tableDeleteAttachment,
  tablePutAttachment,
  tableReadByIds,
  tableWriteDoc,
} from './collection-table'
import { collectionChangedSince, collectionCount, collectionQuery } from './collection-query'
import { derivedDropCollection } from './derived-tables'
import { sqliteFileRelease } from './sqlite-file'

/** What `instance.internals` exposes: where the data lives (for diagnostics only). */
export interface SqliteStorageInternals {
  readonly filePath: string
  readonly driverName: string
  readonly docsTable: string
}

/** Per-instance options; the storage has none yet. */
export type SqliteStorageInstanceOptions = Record<string, never>

type ChangeBulk<RxDocType> = EventBulk<
  RxStorageChangeEvent<RxDocumentData<RxDocType>>,
  RxStorageDefaultCheckpoint
>

/**
 * One RxDB collection (at one schema version) stored in a SQLite table. Every operation runs
 * synchronously on the shared connection before its promise is returned, so calls are serialised
 * in call order. `bulkWrite` commits in one transaction (fsynced, see sqlite-file.ts), the rows of
 * the derived tables this version feeds included (derived.ts), and only then emits its event bulk
 * on `changeStream()`, with checkpoint `{ id, lwt }` of the newest row. Methods other than
 * `close()` reject once the instance is closed or removed, and while a derived reader's
 * `iterate()` is open on the same database.
 */
export class RxStorageInstanceSqlite<RxDocType> implements RxStorageInstance<
  RxDocType,
  SqliteStorageInternals,
  SqliteStorageInstanceOptions,
  RxStorageDefaultCheckpoint
> {
  readonly databaseName: string
  readonly collectionName: string
  readonly schema: Readonly<RxJsonSchema<RxDocumentData<RxDocType>>>
  readonly options: Readonly<SqliteStorageInstanceOptions>
  readonly internals: SqliteStorageInternals
  private readonly changes$ = new Subject<ChangeBulk<RxDocType>>()
  private closed: Promise<void> | undefined

  constructor(
    private readonly table: CollectionTable<RxDocType>,
    params: Readonly<{
      databaseName: string
      collectionName: string
      options: SqliteStorageInstanceOptions
    }>,
  ) {
    this.databaseName = params.databaseName
    this.collectionName = params.collectionName
    this.schema = table.schema
    this.options = params.options
    this.internals = {
      filePath: table.file.path,
      driverName: table.file.driverName,
      docsTable: table.docsTable,
    }
  }

  private run<T>(operation: () => T): Promise<T> {
    if (this.closed) {
      return Promise.reject(
        new Error(`storage instance ${this.databaseName}/${this.collectionName} is closed`),
      )
    }
    if (this.table.file.openIterations > 0) {
      return Promise.reject(
        new Error(
          `storage instance ${this.databaseName}/${this.collectionName}: a derived reader's ` +
            `iterate() is still open on this database; exhaust it or call return() first`,
        ),
      )
    }
    try {
      return Promise.resolve(operation())
    } catch (error) {
      return Promise.reject(error)
    }
  }

  bulkWrite(
    documentWrites: BulkWriteRow<RxDocType>[],
    context: string,
  ): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    return this.run(() => {
      const { table } = this
      const primaryPath = table.primaryPath
      const categorized = table.file.connection.transaction(() => {
        const ids = documentWrites.map((row) => String(row.document[primaryPath]))
        const inDb = new Map(
          tableReadByIds(table, ids, true).map((doc) => [String(doc[primaryPath]), doc]),
        )
        const result = categorizeBulkWriteRows<RxDocType>(
          this,
          // RxDB schemas require the primary key to be a top-level field of the document type.
          primaryPath as StringKeys<RxDocType>,
          inDb,
          documentWrites,
          context,
        )
        for (const row of [...result.bulkInsertDocs, ...result.bulkUpdateDocs]) {
          tableWriteDoc(table, row.document)
        }
        for (const added of [...result.attachmentsAdd, ...result.attachmentsUpdate]) {
          tablePutAttachment(table, added.documentId, added.attachmentId, added.attachmentData)
        }
        for (const removed of result.attachmentsRemove) {
          tableDeleteAttachment(table, removed.documentId, removed.attachmentId)
        }
        return result
      })
      // Committed: only now may anyone learn about the writes.
      const newest = categorized.newestRow?.document
      if (categorized.eventBulk.events.length > 0 && newest) {
        const bulk: ChangeBulk<RxDocType> = {
          ...categorized.eventBulk,
          checkpoint: { id: String(newest[primaryPath]), lwt: newest._meta.lwt },
          endTime: now(),
        }
        this.changes$.next(bulk)
      }
      return { error: categorized.errors }
    })
  }

  findDocumentsById(ids: string[], withDeleted: boolean): Promise<RxDocumentData<RxDocType>[]> {
    return this.run(() => tableReadByIds(this.table, ids, withDeleted))
  }

  query(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    return this.run(() => ({ documents: collectionQuery(this.table, preparedQuery) }))
  }

  count(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    return this.run(() => collectionCount(this.table, preparedQuery))
  }

  getChangedDocumentsSince(
    limit: number,
    checkpoint?: RxStorageDefaultCheckpoint,
  ): Promise<{ documents: RxDocumentData<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint }> {
    return this.run(() => collectionChangedSince(this.table, limit, checkpoint))
  }

  /** Resolves the attachment's base64 data; rejects if it is missing or `digest` does not match. */
  getAttachmentData(documentId: string, attachmentId: string, digest: string): Promise<string> {
    return this.run(() => {
      const { attachmentsTable, file } = this.table
      const row = attachmentsTable
        ? file
            .statement(
              `SELECT data, digest FROM ${attachmentsTable} WHERE doc_id = ? AND attachment_id = ?`,
            )
            .get(documentId, attachmentId)
        : undefined
      const data = row?.['data']
      if (typeof data !== 'string' || row?.['digest'] !== digest) {
        throw new Error(`attachment does not exist: ${documentId}/${attachmentId}`)
      }
      return data
    })
  }

  changeStream(): Observable<ChangeBulk<RxDocType>> {
    return this.changes$.asObservable()
  }

  /** Purges deleted documents whose `_meta.lwt` is at least `minimumDeletedTime` ms old. */
  cleanup(minimumDeletedTime: number): Promise<boolean> {
    return this.run(() => {
      const maxDeletionTime = now() - minimumDeletedTime
      const { table } = this
      table.file.connection.transaction(() => {
        if (table.attachmentsTable) {
          table.file
            .statement(
              `DELETE FROM ${table.attachmentsTable} WHERE doc_id IN (SELECT id FROM ` +
                `${table.docsTable} WHERE deleted = 1 AND lwt <= ?)`,
            )
            .run(maxDeletionTime)
        }
        table.file
          .statement(`DELETE FROM ${table.docsTable} WHERE deleted = 1 AND lwt <= ?`)
          .run(maxDeletionTime)
      })
      return true
    })
  }

  /**
   * Drops this collection's tables (all its data), and its derived tables when this schema
   * version feeds them, then closes the instance.
   */
  async remove(): Promise<void> {
    await this.run(() => {
      const { table } = this
      table.file.connection.transaction(() => {
        derivedDropCollection(table.file, table.collectionName, table.schema.version)
        table.file.connection.exec(`DROP TABLE IF EXISTS ${table.docsTable}`)
        if (table.attachmentsTable) {
          table.file.connection.exec(`DROP TABLE IF EXISTS ${table.attachmentsTable}`)
        }
      })
      table.file.forgetStatements()
    })
    await this.close()
  }

  /** Completes the change stream and releases the file (closed with its last instance). */
  close(): Promise<void> {
    if (!this.closed) {
      this.changes$.complete()
      sqliteFileRelease(this.table.file)
      this.closed = Promise.resolve()
    }
    return this.closed
  }

  /** Conflicts are resolved by RxDB's replication, never inside this storage: never emits. */
  conflictResultionTasks(): Observable<RxConflictResultionTask<RxDocType>> {
    return new Subject<RxConflictResultionTask<RxDocType>>().asObservable()
  }

  resolveConflictResultionTask(
    _taskSolution: RxConflictResultionTaskSolution<RxDocType>,
  ): Promise<void> {
    return Promise.resolve()
  }
}
