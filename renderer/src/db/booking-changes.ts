import type { Booking, HistoryEntry, Workspace } from '../../../core/src/model/workspace'
import { clockNow } from '../clock'
import type { BookingIntent, ChangeDecision } from './booking-intent'
import { intentDecide } from './booking-intent'
import type { JournalEntry, PendingJournal } from './pending-journal'
import type { PendingChange } from './workspace-store'
import type { Writes } from './writes'

export type { ChangeDecision } from './booking-intent'

/** How long a booking change can be undone before it is written (and synced). */
export const UNDO_WINDOW_MS = 6000

/** A booking change: decided now for the preview, decided again from `intent` when written. */
export interface ChangeRequest {
  readonly label: string
  readonly intent: BookingIntent
  /** For a new desk booking: the manage token the desk generated (read out to the customer). */
  readonly manageToken?: string
}

export type ProposeResult =
  | { readonly ok: true; readonly change: PendingChange }
  | { readonly ok: false; readonly message: string }

/**
 * What happened to a pending change when it was written. `recovered`: the change was left waiting
 * by an earlier run (the app closed or crashed within its undo window) and decided on this start.
 */
export type ChangeOutcome =
  | {
      readonly kind: 'written'
      readonly change: PendingChange
      readonly booking: Booking
      readonly recovered: boolean
    }
  | {
      readonly kind: 'refused'
      readonly change: PendingChange
      readonly message: string
      readonly recovered: boolean
    }

export interface BookingChanges {
  /**
   * Decides the change against what the views show; when core allows it, stores its intent on
   * disk, then shows it and writes it after {@link UNDO_WINDOW_MS} unless undone. Refusals are
   * returned, nothing shown or stored. A book intent proposed again while pending answers the
   * pending change (one booking, written once).
   */
  propose(request: ChangeRequest): Promise<ProposeResult>
  /** Drops a pending change (nothing is written). False when it is already being written. */
  undo(changeId: string): boolean
  /** Writes every pending change now (the page is closing, or a test). */
  flush(): Promise<void>
  /**
   * Called with each change's outcome when it is written or refused at write time. Outcomes of
   * changes recovered from an earlier run that no listener heard yet go to the first listener.
   */
  onOutcome(listener: (outcome: ChangeOutcome) => void): () => void
  /** Resolves once the changes left by an earlier run are written or refused. */
  readonly recovered: Promise<void>
  /** Stops the undo timers; whatever is pending stays on disk for the next start. */
  destroy(): void
}

interface Entry {
  readonly change: PendingChange
  readonly stored: JournalEntry
  readonly isRecovered: boolean
  timer: ReturnType<typeof setTimeout> | null
}

const CLOSED = { ok: false, message: 'The local database is closed' } as const

/**
 * Pending booking changes with an undo window, durable across crashes. Each change is decided by
 * core when proposed (against the views' workspace, so the preview is exactly what will be
 * written), its intent is stored in the local journal before it is shown, and it is decided
 * again from that intent when written (against the replica then, with the clock then: a booking
 * that arrived meanwhile is respected). Changes are written one at a time, in the order they were
 * proposed; an entry leaves the journal once its write (or refusal, or undo) is done. On creation
 * the changes an earlier run left in the journal are decided and written first, without a new
 * undo window (nobody can undo a previous session's change).
 */
export function bookingChangesCreate(options: {
  readonly shown: () => Workspace | undefined
  readonly replica: () => Workspace | undefined
  readonly writes: Pick<Writes, 'bookingPut'>
  readonly publish: (pending: readonly PendingChange[]) => void
  readonly journal: PendingJournal
  /** Resolves once `replica()` answers (and what decisions read is loaded): recovery waits. */
  readonly ready?: Promise<unknown>
  readonly windowMs?: number
  /**
   * What a change is decided against when written: the replica (with this module's own writes)
   * plus what decisions also read (the pool ledgers of all history); default: as it is.
   */
  readonly decisionState?: (workspace: Workspace) => Workspace
}): BookingChanges {
  const windowMs = options.windowMs ?? UNDO_WINDOW_MS
  const { journal } = options
  const entries = new Map<string, Entry>()
  const proposing = new Map<string, Promise<ProposeResult>>()
  const listeners = new Set<(outcome: ChangeOutcome) => void>()
  const unheard: ChangeOutcome[] = []
  let isDestroyed = false
  // Bookings written here that the replica may not show yet (its query answers asynchronously).
  const written = new Map<string, Booking>()

  const decisionState = options.decisionState ?? ((workspace: Workspace) => workspace)

  /** The replica with this module's own writes that it does not show yet. */
  function current(): Workspace | undefined {
    const replica = options.replica()
    if (!replica || written.size === 0) return replica && decisionState(replica)
    const known = new Set<string>()
    const bookings = replica.bookings.map((booking) => {
      known.add(booking.id)
      const mine = written.get(booking.id)
      if (mine && mine.history.length > booking.history.length) return mine
      if (mine) written.delete(booking.id)
      return booking
    })
    for (const [id, booking] of written) if (!known.has(id)) bookings.push(booking)
    return decisionState({ ...replica, bookings })
  }

  const publish = () => options.publish([...entries.values()].map((entry) => entry.change))

  function tell(outcome: ChangeOutcome) {
    if (listeners.size === 0 && outcome.recovered) unheard.push(outcome)
    listeners.forEach((listener) => listener(outcome))
  }

  /** Decides `entry` again and writes it (or refuses it), then drops it from the journal. */
  async function write(entry: Entry): Promise<void> {
    if (entries.get(entry.change.id) !== entry) return
    const { stored } = entry
    const replica = current()
    let outcome: ChangeOutcome
    const wasWritten = replica && stored.writing && bookingShows(replica, stored.writing)
    if (wasWritten && stored.writing) {
      // Written before a crash that came before its entry was removed: not written twice.
      outcome = { kind: 'written', change: entry.change, booking: stored.writing, recovered: true }
    } else {
      const decision = replica ? decideSafely(stored.intent, replica) : CLOSED
      if (decision.ok) {
        try {
          await journal.put({ ...stored, writing: decision.booking })
          written.set(decision.booking.id, decision.booking)
          await options.writes.bookingPut(decision.booking, stored.manageToken)
        } catch (err) {
          // Still in the journal: decided again on the next start.
          entries.delete(entry.change.id)
          publish()
          tell({
            kind: 'refused',
            change: entry.change,
            message: `It could not be stored on this computer (${String(err)}); Teamslot tries again when it starts`,
            recovered: entry.isRecovered,
          })
          return
        }
        outcome = {
          kind: 'written',
          change: entry.change,
          booking: decision.booking,
          recovered: entry.isRecovered,
        }
      } else {
        outcome = {
          kind: 'refused',
          change: entry.change,
          message: decision.message,
          recovered: entry.isRecovered,
        }
      }
    }
    await journal.remove(entry.change.id).catch(() => undefined)
    entries.delete(entry.change.id)
    publish()
    tell(outcome)
  }

  // Changes an earlier run left waiting: shown as pending, then written first, in their order.
  const recovered = (async () => {
    const left = await journal.loaded.catch(() => [] as readonly JournalEntry[])
    if (left.length === 0 || isDestroyed) return
    for (const stored of left) {
      const change: PendingChange = {
        id: stored.id,
        label: stored.label,
        preview: stored.preview,
        ...(stored.manageToken ? { manageToken: stored.manageToken } : {}),
      }
      entries.set(stored.id, { change, stored, isRecovered: true, timer: null })
    }
    publish()
    await options.ready
    for (const entry of [...entries.values()].filter((e) => e.isRecovered)) {
      if (isDestroyed) return
      await write(entry)
    }
  })()
  let queue: Promise<void> = recovered.catch(() => undefined)

  function commit(entry: Entry): Promise<void> {
    if (entry.timer) clearTimeout(entry.timer)
    entry.timer = null
    queue = queue.then(() => write(entry)).catch(() => undefined)
    return queue
  }

  async function store(request: ChangeRequest, id: string): Promise<ProposeResult> {
    const shown = options.shown()
    if (!shown) return { ok: false, message: 'The workspace is still loading' }
    const proposedAt = clockNow()
    const decision = decideSafely(request.intent, shown, proposedAt)
    if (!decision.ok) return decision
    const change: PendingChange = {
      id,
      label: request.label,
      preview: decision.booking,
      ...(request.manageToken ? { manageToken: request.manageToken } : {}),
    }
    const stored: JournalEntry = {
      id,
      label: request.label,
      intent: request.intent,
      preview: decision.booking,
      proposedAt,
      ...(request.manageToken ? { manageToken: request.manageToken } : {}),
    }
    try {
      await journal.put(stored)
    } catch (err) {
      return { ok: false, message: `It could not be stored on this computer (${String(err)})` }
    }
    // Closed meanwhile: it is on disk and written on the next start.
    if (isDestroyed) return { ok: true, change }
    const entry: Entry = { change, stored, isRecovered: false, timer: null }
    entry.timer = setTimeout(() => void commit(entry), windowMs)
    entries.set(id, entry)
    publish()
    return { ok: true, change }
  }

  return {
    propose(request) {
      if (isDestroyed) return Promise.resolve(CLOSED)
      const id = changeIdFor(request.intent)
      const pending = entries.get(id)
      if (pending) return Promise.resolve({ ok: true, change: pending.change })
      const inFlight = proposing.get(id)
      if (inFlight) return inFlight
      const result = store(request, id).finally(() => proposing.delete(id))
      proposing.set(id, result)
      return result
    },
    undo(changeId) {
      const entry = entries.get(changeId)
      if (!entry || entry.timer === null) return false
      clearTimeout(entry.timer)
      entries.delete(changeId)
      publish()
      void journal.remove(changeId).catch(() => undefined)
      return true
    },
    async flush() {
      await Promise.all([...entries.values()].map((entry) => commit(entry)))
    },
    onOutcome(listener) {
      listeners.add(listener)
      if (unheard.length > 0) {
        // After the caller holds its unsubscribe; kept for the next listener if it left already.
        queueMicrotask(() => {
          if (listeners.has(listener)) unheard.splice(0).forEach((outcome) => listener(outcome))
        })
      }
      return () => listeners.delete(listener)
    },
    recovered,
    destroy() {
      isDestroyed = true
      for (const entry of entries.values()) if (entry.timer) clearTimeout(entry.timer)
    },
  }
}

/**
 * A change's id, unique across runs: a new booking's is its booking id (proposed twice, it is one
 * change), any other change's is random.
 */
function changeIdFor(intent: BookingIntent): string {
  return intent.kind === 'book' ? `change-${intent.bookingId}` : `change-${crypto.randomUUID()}`
}

/** Core's decision; an intent core cannot decide at all (read back broken) is refused, not thrown. */
function decideSafely(intent: BookingIntent, state: Workspace, nowMs = clockNow()): ChangeDecision {
  try {
    return intentDecide(intent, state, nowMs)
  } catch (err) {
    return { ok: false, message: `This change could not be decided (${String(err)})` }
  }
}

/** Whether `state` holds `booking` as written: its last history entry is there. */
function bookingShows(state: Workspace, booking: Booking): boolean {
  const held = state.bookings.find((b) => b.id === booking.id)
  if (!held) return false
  const last = booking.history[booking.history.length - 1]
  if (!last) return stableJson(held) === stableJson(booking)
  const key = stableJson(last)
  return held.history.some((entry: HistoryEntry) => stableJson(entry) === key)
}

/** JSON with object keys sorted (records read back from storage may order keys differently). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).toSorted(([a], [b]) => a.localeCompare(b)))
      : v,
  )
}
