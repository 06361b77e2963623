import { getPrimaryFieldOfPrimaryKey } from 'rxdb'
import type {
  BulkWriteRow,
  RxDocumentData,
  RxStorage,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
} from 'rxdb'
import { getMemoryCollectionKey, getRxStorageMemory } from 'rxdb/plugins/storage-memory'
import type { MemoryStorageInternals, RxStorageMemory } from 'rxdb/plugins/storage-memory'

/** The title RxDB 15 gives its replication metadata schema (`replication-protocol/meta-instance`). */
export const REPLICATION_META_TITLE = 'RxReplicationProtocolMetaData'

/** Documents per stored page when the log is rewritten. */
export const PAGE_DOCUMENTS = 1000
/** A log of more pages than this (and more than two per thousand documents) is rewritten on open. */
export const PAGES_BEFORE_REWRITE = 64
/**
 * While open, a log is rewritten once it holds more than twice its documents plus this many
 * (every change appends the changed documents again), or more than {@link PAGES_AT_MOST} records.
 */
export const REWRITE_SLACK_DOCUMENTS = 10_000
export const PAGES_AT_MOST = 5_000

/** How long a log is: its records and the documents they hold (versions, not distinct ones). */
interface LogSize {
  pages: number
  documents: number
}

/** Whether an open log has grown enough to be rewritten (see {@link REWRITE_SLACK_DOCUMENTS}). */
export function logTooLong(size: LogSize, live: number): boolean {
  return size.pages > PAGES_AT_MOST || size.documents > 2 * live + REWRITE_SLACK_DOCUMENTS
}

/** One stored page: documents written (latest wins), or the ids a cleanup removed for good. */
type Page =
  | { readonly documents: readonly RxDocumentData<unknown>[] }
  | { readonly removed: readonly string[] }

const STORE = 'pages'
/** Marks of the log's own (key → true): `legacy-moved`, written with the moved pages. */
const MARKS = 'marks'
const LEGACY_MOVED = 'legacy-moved'

/**
 * The desktop's storage, with RxDB's replication metadata kept in memory and written to
 * IndexedDB as **pages** — one IndexedDB record per write, not one per document.
 *
 * RxDB 15's replication keeps, for every replicated document, a metadata document holding a copy
 * of the server's version ("assumed master state"). On the Dexie storage each is an IndexedDB
 * record of its own: a first sync of 24,000 bookings wrote 48,000 records, and IndexedDB costs
 * about the same per record whatever its size (Chromium: ~65 µs per `put`, its round trip to the
 * browser's IndexedDB process; 24,000 documents in pages of 50 cost a sixth). The metadata is read
 * only by id and written only by the replication (and the window purge), so it needs no IndexedDB
 * index: RxDB's memory storage answers every read, and each write is appended to the log as one
 * record before it is acknowledged (a write the replication was told is done survives a crash).
 * On open the log is replayed (latest version of each document wins; a cleanup's removals remove)
 * and, when it has grown, rewritten as pages of {@link PAGE_DOCUMENTS} in one transaction.
 *
 * Every other instance (the collections themselves) is `storage`'s. The replication runs in one
 * tab at a time (RxDB's leader election), so one realm writes a log at a time.
 */
export function packedReplicationMeta<Internals, Options>(
  storage: RxStorage<Internals, Options>,
  indexedDb: IDBFactory = globalThis.indexedDB,
): RxStorage<Internals, Options> {
  const memory = getRxStorageMemory()
  return {
    ...storage,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, Options>,
    ): Promise<RxStorageInstance<RxDocType, Internals, Options>> {
      if (params.schema.title !== REPLICATION_META_TITLE)
        return storage.createStorageInstance(params)
      return (await packedInstanceCreate(
        memory,
        indexedDb,
        () =>
          storage.createStorageInstance(params) as unknown as Promise<
            RxStorageInstance<unknown, unknown, unknown>
          >,
        params as RxStorageInstanceCreationParams<RxDocType, unknown>,
      )) as unknown as RxStorageInstance<RxDocType, Internals, Options>
    },
  }
}

/** The IndexedDB database holding one instance's log. */
export function packedLogName(params: {
  readonly databaseName: string
  readonly collectionName: string
  readonly schema: { readonly version: number }
}): string {
  return `${params.databaseName}--${params.collectionName}--${params.schema.version}--packed`
}

/**
 * What the open instances of one memory state share in this realm: the fill from the log (every
 * opener waits for it) and the turn in which writes are applied and logged, one at a time in call
 * order, so that the log's order is the state's.
 */
interface Shared {
  readonly filled: Promise<void>
  turn: Promise<unknown>
  /** The log's length, counted from its open on. */
  size: LogSize
  /** Set when a write could not be logged: memory is ahead of the log, so nothing more is written. */
  broken?: unknown
}
const sharedByState = new Map<string, Shared>()

async function packedInstanceCreate<RxDocType>(
  memory: RxStorageMemory,
  indexedDb: IDBFactory,
  legacyOpen: () => Promise<RxStorageInstance<unknown, unknown, unknown>>,
  params: RxStorageInstanceCreationParams<RxDocType, unknown>,
): Promise<RxStorageInstance<RxDocType, MemoryStorageInternals<RxDocType>, unknown>> {
  const name = packedLogName(params)
  const stateKey = getMemoryCollectionKey(
    params.databaseName,
    params.collectionName,
    params.schema.version,
  )
  const log = await logOpen(indexedDb, name)
  const instance = (await memory.createStorageInstance({
    ...params,
    options: {},
  })) as unknown as RxStorageInstance<RxDocType, MemoryStorageInternals<RxDocType>, unknown>
  const primaryPath = getPrimaryFieldOfPrimaryKey(instance.schema.primaryKey) as string
  const idOf = (doc: unknown) => (doc as Record<string, string>)[primaryPath]!
  let shared = sharedByState.get(stateKey)
  if (!shared) {
    const size: LogSize = { pages: 0, documents: 0 }
    const filled = legacyMove(legacyOpen, log)
      .then(() => fillFromLog(instance, log, idOf, name))
      .then((filledSize) => Object.assign(size, filledSize))
      .then(() => undefined)
    shared = { filled, turn: Promise.resolve(), size }
    sharedByState.set(stateKey, shared)
  }
  const sharing = shared
  /** Lets this realm's memory state go (if still this one's): the next open reads the log. */
  const letGo = () => {
    if (sharedByState.get(stateKey) === sharing) sharedByState.delete(stateKey)
    if (memory.collectionStates.get(stateKey) === instance.internals) {
      memory.collectionStates.delete(stateKey)
    }
  }
  try {
    await shared.filled
  } catch (error) {
    log.close()
    await instance.close()
    letGo()
    throw error
  }
  const inTurn = <T>(task: () => Promise<T>): Promise<T> => {
    const run = shared.turn.then(task)
    shared.turn = run.catch(() => undefined)
    return run
  }
  /** RxDB's memory storage applies a write to its maps lazily; any read applies it first. */
  const heldWritesApplied = () => instance.findDocumentsById([], true)
  let rewriteFailed = false
  /**
   * Appends to the log. Should that fail, memory holds a write the log does not: every later
   * write is refused (the replication reports it and retries after a restart) and the memory
   * state is let go, so the next open starts from the log again — never a log with a hole that
   * later writes (a newer checkpoint) would hide.
   */
  const logged = async (page: Page) => {
    try {
      await logAppend(log, page)
    } catch (error) {
      shared.broken = error
      letGo()
      throw error
    }
    shared.size.pages += 1
    if ('documents' in page) shared.size.documents += page.documents.length
    if (rewriteFailed || !logTooLong(shared.size, internals.documents.size)) return
    // A desktop left open for weeks: the log is rewritten as it stands (in this write's turn, so
    // nothing is written meanwhile). Should that fail, the log is still whole: it is left as it
    // is until the next open.
    await heldWritesApplied()
    const documents = [...internals.documents.values()] as RxDocumentData<unknown>[]
    try {
      shared.size = await logRewrite(log, documents)
    } catch {
      rewriteFailed = true
    }
  }
  const writable = () => {
    if (closed) throw new Error(`the replication state ${name} is closed`)
    if (shared.broken !== undefined) {
      throw new Error(`the replication state ${name} could not be stored`, { cause: shared.broken })
    }
  }
  const memoryWrite = instance.bulkWrite.bind(instance)
  const memoryCleanup = instance.cleanup.bind(instance)
  const memoryClose = instance.close.bind(instance)
  const memoryRemove = instance.remove.bind(instance)
  const internals = instance.internals as MemoryStorageInternals<RxDocType>
  let closed = false

  instance.bulkWrite = (rows: BulkWriteRow<RxDocType>[], context: string) =>
    inTurn(async () => {
      writable()
      const result = await memoryWrite(rows, context)
      const refused = new Set(result.error.map((error) => error.documentId))
      const written = rows
        .filter((row) => !refused.has(idOf(row.document)))
        .map((row) => row.document as RxDocumentData<unknown>)
      if (written.length > 0) await logged({ documents: written })
      return result
    })
  instance.cleanup = (minimumDeletedTime: number) =>
    inTurn(async () => {
      writable()
      await heldWritesApplied()
      const deleted = [...internals.documents.values()].filter((doc) => doc._deleted).map(idOf)
      const done = await memoryCleanup(minimumDeletedTime)
      const removed = deleted.filter((id) => !internals.documents.has(id))
      if (removed.length > 0) await logged({ removed })
      return done
    })
  instance.close = () =>
    inTurn(async () => {
      if (closed) return
      closed = true
      log.close()
      await memoryClose()
      // The last instance closed: the memory goes (RxDB's memory storage would keep it); the next
      // open reads the log, as after a restart.
      if (internals.refCount === 0) letGo()
    })
  instance.remove = () =>
    inTurn(async () => {
      closed = true
      log.close()
      // RxDB's memory `remove` closes the instance itself: with its own close, not this one's turn.
      instance.close = memoryClose
      await memoryRemove()
      sharedByState.delete(stateKey)
      await requestDone(indexedDb.deleteDatabase(name))
    })
  return instance
}

/** Fills a new memory state with the log's documents; rewrites a log grown long. */
async function fillFromLog<RxDocType>(
  instance: RxStorageInstance<RxDocType, unknown, unknown>,
  log: IDBDatabase,
  idOf: (doc: unknown) => string,
  name: string,
): Promise<LogSize> {
  const { documents, pages, versions } = await logRead(log, idOf)
  if (documents.size > 0) {
    const result = await instance.bulkWrite(
      [...documents.values()].map((document) => ({
        document: document as RxDocumentData<RxDocType>,
      })),
      'teamslot-packed-meta-open',
    )
    if (result.error.length > 0) {
      throw new Error(`the stored replication state ${name} did not load`)
    }
  }
  const opened = { pages, documents: versions }
  if (
    (pages > PAGES_BEFORE_REWRITE && pages > (2 * documents.size) / PAGE_DOCUMENTS) ||
    logTooLong(opened, documents.size)
  ) {
    return logRewrite(log, [...documents.values()])
  }
  return opened
}

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
  })
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve()
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'))
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'))
  })
}

/** Opens an instance's log (a connection that steps aside when the log is to be deleted). */
async function logOpen(indexedDb: IDBFactory, name: string): Promise<IDBDatabase> {
  const request = indexedDb.open(name, 1)
  request.onupgradeneeded = () => {
    request.result.createObjectStore(STORE, { autoIncrement: true })
    request.result.createObjectStore(MARKS)
  }
  const log = await requestDone(request)
  log.onversionchange = () => log.close()
  return log
}

/**
 * A desktop that kept its replication metadata in the wrapped storage (before this wrapper) keeps
 * it: until the log is marked as having taken it over, the wrapped storage's instance is read
 * whole (by its change feed) into the log, with the mark, in one transaction, and then removed
 * (a start interrupted before that transaction moves it again). Without it, the replication would start over
 * without its checkpoints and, knowing no server version of any stored booking, push every one
 * as new (a conflict each) — and a local change waiting to sync would meet the server's version
 * as a conflict instead of replacing it.
 */
async function legacyMove(
  legacyOpen: () => Promise<RxStorageInstance<unknown, unknown, unknown>>,
  log: IDBDatabase,
): Promise<void> {
  const marks = log.transaction(MARKS, 'readonly').objectStore(MARKS)
  if ((await requestDone(marks.get(LEGACY_MOVED))) === true) return
  const legacy = await legacyOpen()
  if (!legacy.getChangedDocumentsSince) {
    // A storage without a change feed (tests' memory storage) never held the metadata here.
    await legacy.close()
    return
  }
  try {
    const documents: RxDocumentData<unknown>[] = []
    let checkpoint: unknown
    for (;;) {
      const page = await legacy.getChangedDocumentsSince(PAGE_DOCUMENTS, checkpoint)
      if (page.documents.length === 0) break
      documents.push(...page.documents)
      checkpoint = page.checkpoint
    }
    await logRewrite(log, documents, LEGACY_MOVED)
  } catch (error) {
    await legacy.close()
    throw error
  }
  await legacy.remove()
}

/** The documents the log holds (latest of each, removals applied), its pages and versions. */
async function logRead(
  log: IDBDatabase,
  primaryOf: (doc: unknown) => string,
): Promise<{ documents: Map<string, RxDocumentData<unknown>>; pages: number; versions: number }> {
  const transaction = log.transaction(STORE, 'readonly')
  const pages = (await requestDone(transaction.objectStore(STORE).getAll())) as Page[]
  const documents = new Map<string, RxDocumentData<unknown>>()
  let versions = 0
  for (const page of pages) {
    if ('documents' in page) {
      versions += page.documents.length
      for (const doc of page.documents) documents.set(primaryOf(doc), doc)
    } else for (const id of page.removed) documents.delete(id)
  }
  return { documents, pages: pages.length, versions }
}

function logAppend(log: IDBDatabase, page: Page): Promise<void> {
  const transaction = log.transaction(STORE, 'readwrite')
  transaction.objectStore(STORE).add(page)
  return transactionDone(transaction)
}

/**
 * Replaces the log by `documents` in pages of {@link PAGE_DOCUMENTS} (and sets `mark`), in one
 * transaction; answers the log's size then.
 */
async function logRewrite(
  log: IDBDatabase,
  documents: readonly RxDocumentData<unknown>[],
  mark?: string,
): Promise<LogSize> {
  const transaction = log.transaction([STORE, MARKS], 'readwrite')
  if (mark) transaction.objectStore(MARKS).put(true, mark)
  const store = transaction.objectStore(STORE)
  store.clear()
  for (let i = 0; i < documents.length; i += PAGE_DOCUMENTS) {
    store.add({ documents: documents.slice(i, i + PAGE_DOCUMENTS) } satisfies Page)
  }
  await transactionDone(transaction)
  return { pages: Math.ceil(documents.length / PAGE_DOCUMENTS), documents: documents.length }
}
