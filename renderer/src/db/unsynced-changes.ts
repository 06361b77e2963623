/**
 * Which local writes the sync server has not acknowledged yet: the status bar counts them and the
 * calendars mark those bookings. The writes module marks every document it stores; the
 * replication clears a mark when it has sent (or received back) that document at least as new.
 * Kept in localStorage per database, so a reload while offline still knows what waits.
 */

/** `collection:id`, e.g. `bookings:bk-1`. */
export type ChangeKey = `${string}:${string}`

export function changeKey(collection: string, id: string): ChangeKey {
  return `${collection}:${id}`
}

/** The subset of `Storage` the tracker needs (tests pass a map). */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export interface UnsyncedChanges {
  /** The waiting changes: key → the `updatedAt` written. */
  snapshot(): ReadonlyMap<ChangeKey, string>
  subscribe(listener: () => void): () => void
  /** A document was written locally with `updatedAt`. */
  mark(collection: string, id: string, updatedAt: string): void
  /** The server has this version (sent or received): clears older or equal marks. */
  acknowledge(collection: string, id: string, updatedAt: string | undefined): void
  /** Everything written up to `updatedAt` is on the server (the replication was in sync). */
  acknowledgeUpTo(updatedAt: string): void
  /** The server answered this change for good without taking it (refused): no longer waiting. */
  settle(collection: string, id: string): void
  /**
   * Reads the marks again from the storage: another window of the app (sharing the storage and
   * the database) changed them — it marked its own writes, or its replication acknowledged ours.
   */
  reload(): void
}

/** A tracker persisted under `storageKey` in `storage`. */
export function unsyncedChangesCreate(
  storage: KeyValueStorage | null,
  storageKey: string,
): UnsyncedChanges {
  const listeners = new Set<() => void>()
  let marks: ReadonlyMap<ChangeKey, string> = load()

  function load(): Map<ChangeKey, string> {
    try {
      const parsed = JSON.parse(storage?.getItem(storageKey) ?? '{}') as Record<string, unknown>
      return new Map(
        Object.entries(parsed).filter(
          (entry): entry is [ChangeKey, string] => typeof entry[1] === 'string',
        ),
      )
    } catch {
      return new Map()
    }
  }

  function update(next: Map<ChangeKey, string>): void {
    marks = next
    storage?.setItem(storageKey, JSON.stringify(Object.fromEntries(next)))
    listeners.forEach((listener) => listener())
  }

  /**
   * The marks as stored now: every change reads them afresh, so a window never writes back marks
   * another window has already cleared, nor drops the ones it added.
   */
  function current(): ReadonlyMap<ChangeKey, string> {
    return storage ? load() : marks
  }

  /**
   * Clears the mark of `key` when `isDone(its updatedAt)`. Every received document is acknowledged
   * (24,000 in a first sync at 400k): the memory copy (kept current by `reload` on another window's
   * change) answers most without the storage.
   */
  function drop(key: ChangeKey, isDone: (marked: string) => boolean): void {
    if (!marks.has(key)) return
    const now = current()
    const marked = now.get(key)
    if (marked === undefined || !isDone(marked)) return
    const next = new Map(now)
    next.delete(key)
    update(next)
  }

  return {
    snapshot: () => marks,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    mark(collection, id, updatedAt) {
      update(new Map(current()).set(changeKey(collection, id), updatedAt))
    },
    acknowledge(collection, id, updatedAt) {
      drop(changeKey(collection, id), (marked) => updatedAt !== undefined && updatedAt >= marked)
    },
    settle(collection, id) {
      drop(changeKey(collection, id), () => true)
    },
    acknowledgeUpTo(updatedAt) {
      if (marks.size === 0) return
      const now = current()
      const next = new Map([...now].filter(([, marked]) => marked > updatedAt))
      if (next.size !== now.size) update(next)
    },
    reload() {
      const stored = current()
      const isSame =
        stored.size === marks.size && [...stored].every(([key, at]) => marks.get(key) === at)
      if (isSame) return
      marks = stored
      listeners.forEach((listener) => listener())
    },
  }
}
