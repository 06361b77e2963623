import type { Booking } from '../../../core/src/model/workspace'
import type { BookingIntent } from './booking-intent'
import { intentIsValid } from './booking-intent'
import type { AppDatabase } from './database'

/**
 * A booking change waiting for its undo window, as kept on disk: enough to decide it again with
 * core after a crash and to tell the person what it was.
 */
export interface JournalEntry {
  /** The change's id (unique across runs). */
  readonly id: string
  /** What happened, for people: "Booked Kim Lee on Tue 10:00". */
  readonly label: string
  readonly intent: BookingIntent
  /** The booking as shown when proposed. */
  readonly preview: Booking
  /** For a new desk booking: the manage token that was read out to the customer. */
  readonly manageToken?: string
  /** When it was proposed (epoch ms, the renderer's clock). */
  readonly proposedAt: number
  /**
   * The booking as decided when the write began, recorded just before it is written: after a
   * crash between the write and the entry's removal, a replica booking carrying it shows the
   * change was written, so it is not written twice.
   */
  readonly writing?: Booking
}

/** The pending changes of one database on disk, in proposal order. */
export interface PendingJournal {
  /** The entries left by earlier runs, in proposal order (read once, at creation). */
  readonly loaded: Promise<readonly JournalEntry[]>
  /** Adds an entry at the end, or replaces the one with its id in place. Resolves once stored. */
  put(entry: JournalEntry): Promise<void>
  /** Removes an entry (none: nothing). Resolves once stored. */
  remove(id: string): Promise<void>
}

/** The local document holding the pending changes. */
const LOCAL_ID = 'teamslot-pending-changes'

/**
 * The journal of `db`, kept as one RxDB local document (never replicated: it belongs to this
 * desktop only). Writes happen one at a time in call order, each rewriting the whole list: it
 * holds only the changes of the last few seconds. Entries that do not read back as an intent
 * (written by a broken run) are skipped.
 */
export function pendingJournalCreate(db: AppDatabase): PendingJournal {
  let entries: readonly JournalEntry[] = []
  const loaded = db.getLocal<{ entries: unknown }>(LOCAL_ID).then((doc) => {
    const stored = doc?.toJSON().data.entries
    entries = Array.isArray(stored) ? stored.filter(journalEntryIsValid) : []
    return entries
  })
  // Every write after the read, one at a time; a failed write does not stop the next.
  let chain: Promise<unknown> = loaded.catch(() => undefined)
  const write = (next: (current: readonly JournalEntry[]) => readonly JournalEntry[]) => {
    const run = chain.then(async () => {
      entries = next(entries)
      await db.upsertLocal(LOCAL_ID, { entries })
    })
    chain = run.catch(() => undefined)
    return run
  }
  return {
    loaded,
    put: (entry) =>
      write((current) =>
        current.some((e) => e.id === entry.id)
          ? current.map((e) => (e.id === entry.id ? entry : e))
          : [...current, entry],
      ),
    remove: (id) => write((current) => current.filter((e) => e.id !== id)),
  }
}

function journalEntryIsValid(value: unknown): value is JournalEntry {
  const candidate = value as Partial<JournalEntry> | null
  return (
    !!candidate &&
    typeof candidate.id === 'string' &&
    typeof candidate.label === 'string' &&
    typeof candidate.proposedAt === 'number' &&
    typeof candidate.preview?.id === 'string' &&
    intentIsValid(candidate.intent)
  )
}
