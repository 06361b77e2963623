import type { Booking, Workspace } from '../../../core/src/model/workspace'
import { clockNow } from '../clock'
import type { PendingChange } from './workspace-store'
import type { Writes } from './writes'

/** How long a booking change can be undone before it is written (and synced). */
export const UNDO_WINDOW_MS = 6000

/** A core decision as the changes module needs it. */
export type ChangeDecision =
  | { readonly ok: true; readonly booking: Booking }
  | { readonly ok: false; readonly message: string }

/** A booking change: decided now for the preview, decided again when it is written. */
export interface ChangeRequest {
  readonly label: string
  /** Core's decision for this change against `workspace` at `nowMs`. */
  readonly decide: (workspace: Workspace, nowMs: number) => ChangeDecision
  /** For a new desk booking: the manage token the desk generated (read out to the customer). */
  readonly manageToken?: string
}

export type ProposeResult =
  | { readonly ok: true; readonly change: PendingChange }
  | { readonly ok: false; readonly message: string }

/** What happened to a pending change when its window closed. */
export type ChangeOutcome =
  | { readonly kind: 'written'; readonly change: PendingChange; readonly booking: Booking }
  | { readonly kind: 'refused'; readonly change: PendingChange; readonly message: string }

export interface BookingChanges {
  /**
   * Decides the change against what the views show; when core allows it, shows it at once and
   * writes it after {@link UNDO_WINDOW_MS} unless undone. Refusals are returned, nothing shown.
   */
  propose(request: ChangeRequest): ProposeResult
  /** Drops a pending change (nothing was written). False when it was already written. */
  undo(changeId: string): boolean
  /** Writes every pending change now (the page is closing, or a test). */
  flush(): Promise<void>
  /** Called with each change's outcome when it is written or refused at write time. */
  onOutcome(listener: (outcome: ChangeOutcome) => void): () => void
}

interface Entry {
  readonly change: PendingChange
  readonly request: ChangeRequest
  timer: ReturnType<typeof setTimeout> | null
}

let counter = 0

/**
 * Pending booking changes with an undo window. Each change is decided by core when proposed
 * (against the views' workspace, so the preview is exactly what will be written) and decided
 * again when written (against the replica then, with the clock then: a booking that arrived
 * meanwhile is respected). Changes are written one at a time, in the order they were proposed.
 */
export function bookingChangesCreate(options: {
  readonly shown: () => Workspace | undefined
  readonly replica: () => Workspace | undefined
  readonly writes: Pick<Writes, 'bookingPut'>
  readonly publish: (pending: readonly PendingChange[]) => void
  readonly windowMs?: number
  /**
   * What a change is decided against when written: the replica (with this module's own writes)
   * plus what decisions also read (the pool ledgers of all history); default: as it is.
   */
  readonly decisionState?: (workspace: Workspace) => Workspace
}): BookingChanges {
  const windowMs = options.windowMs ?? UNDO_WINDOW_MS
  const entries = new Map<string, Entry>()
  const listeners = new Set<(outcome: ChangeOutcome) => void>()
  let queue: Promise<void> = Promise.resolve()
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

  function commit(entry: Entry): Promise<void> {
    if (entry.timer) clearTimeout(entry.timer)
    entry.timer = null
    queue = queue.then(async () => {
      if (entries.get(entry.change.id) !== entry) return
      const replica = current()
      const decision = replica
        ? entry.request.decide(replica, clockNow())
        : ({ ok: false, message: 'The local database is closed' } as const)
      let outcome: ChangeOutcome
      if (decision.ok) {
        written.set(decision.booking.id, decision.booking)
        await options.writes.bookingPut(decision.booking, entry.request.manageToken)
        outcome = { kind: 'written', change: entry.change, booking: decision.booking }
      } else {
        outcome = { kind: 'refused', change: entry.change, message: decision.message }
      }
      entries.delete(entry.change.id)
      publish()
      listeners.forEach((listener) => listener(outcome))
    })
    return queue
  }

  return {
    propose(request) {
      const shown = options.shown()
      if (!shown) return { ok: false, message: 'The workspace is still loading' }
      const decision = request.decide(shown, clockNow())
      if (!decision.ok) return decision
      counter += 1
      const change: PendingChange = {
        id: `change-${counter}`,
        label: request.label,
        preview: decision.booking,
      }
      const entry: Entry = { change, request, timer: null }
      entry.timer = setTimeout(() => void commit(entry), windowMs)
      entries.set(change.id, entry)
      publish()
      return { ok: true, change }
    },
    undo(changeId) {
      const entry = entries.get(changeId)
      if (!entry || entry.timer === null) return false
      clearTimeout(entry.timer)
      entries.delete(changeId)
      publish()
      return true
    },
    async flush() {
      await Promise.all([...entries.values()].map((entry) => commit(entry)))
    },
    onOutcome(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
