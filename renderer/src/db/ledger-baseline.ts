import { windowStartIso, windowStartIsValid } from '../../../core/src/booking/booking-window'
import type { WindowStart } from '../../../core/src/booking/booking-window'
import type { LedgerSources } from '../../../core/src/distribution/pool-ledger-merge'
import type { MemberLedger } from '../../../core/src/distribution/pool-ledger'
import { clockNow } from '../clock'
import type { AppDatabase } from './database'
import { remoteGetJson, ServerUnreachable } from './remote-api'
import type { SyncTarget } from './replication'

/**
 * The pool-ledger baseline: the seat changes of every booking whose meeting ended before the
 * replica's window (`GET /api/admin/pool-ledgers?before=`), grouped by pool and panel seat (core's
 * `LedgerSources`). Merged with the ledgers of the window's own bookings it makes the desktop's
 * pool statistics and rankings exactly those of all history, offline too.
 *
 * Kept as one local document of the database (RxDB local documents: never replicated), so an
 * offline restart still has it. It grows with history by one number per seat change, not by
 * whole bookings.
 */
export interface LedgerBaseline {
  /** Counts the bookings whose meeting ended before this window start's first instant. */
  readonly before: WindowStart
  readonly sources: LedgerSources
  /** When it was fetched (epoch ms, the renderer's clock). */
  readonly fetchedAt: number
}

/** The last fetch: `offline` when the server could not be reached, `failed` when it refused. */
export type BaselineFetchState = 'idle' | 'loading' | 'offline' | 'failed'

export interface LedgerBaselineStore {
  /** The baseline in use, or null when none was ever fetched. */
  current(): LedgerBaseline | null
  fetchState(): BaselineFetchState
  subscribe(listener: () => void): () => void
  /** Resolves once the cached baseline (if any) was read from the local database. */
  readonly loaded: Promise<void>
  /**
   * Fetches the baseline for `before` unless the one in use already counts up to it (or `force`:
   * history before it may have changed). Keeps the one in use when the fetch fails.
   */
  refresh(before: WindowStart, options?: { readonly force?: boolean }): Promise<void>
  destroy(): void
}

/** The local document holding the baseline. */
const LOCAL_ID = 'teamslot-pool-ledger-baseline'

/** Creates the store of `db`; `remote` null: never fetched (tests, or no server). */
export function ledgerBaselineCreate(
  db: AppDatabase,
  remote: SyncTarget | null,
): LedgerBaselineStore {
  const listeners = new Set<() => void>()
  let baseline: LedgerBaseline | null = null
  let state: BaselineFetchState = 'idle'
  let isDestroyed = false
  let inFlight: { before: WindowStart; promise: Promise<void> } | null = null
  const publish = () => listeners.forEach((listener) => listener())

  const loaded = db.getLocal<{ baseline: LedgerBaseline }>(LOCAL_ID).then(
    (doc) => {
      const cached = doc?.toJSON().data.baseline
      if (!baseline && cached && baselineIsValid(cached)) {
        baseline = cached
        publish()
      }
    },
    () => undefined,
  )

  async function fetchAndStore(before: WindowStart): Promise<void> {
    if (!remote) return
    state = 'loading'
    publish()
    try {
      const body = (await remoteGetJson(
        remote,
        `/api/admin/pool-ledgers?before=${encodeURIComponent(windowStartIso(before))}`,
      )) as { sources?: unknown }
      const next: LedgerBaseline = {
        before,
        sources: body.sources as LedgerSources,
        fetchedAt: clockNow(),
      }
      if (!baselineIsValid(next)) throw new Error('the server answered a malformed baseline')
      if (isDestroyed) return
      baseline = next
      state = 'idle'
      publish()
      await db.upsertLocal(LOCAL_ID, { baseline: next })
    } catch (err) {
      if (isDestroyed) return
      state = err instanceof ServerUnreachable ? 'offline' : 'failed'
      publish()
    }
  }

  return {
    current: () => baseline,
    fetchState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    loaded,
    async refresh(before, options = {}) {
      await loaded
      if (!options.force && baseline !== null && baseline.before >= before) return
      if (inFlight && inFlight.before === before) return inFlight.promise
      const promise = fetchAndStore(before).finally(() => {
        if (inFlight?.promise === promise) inFlight = null
      })
      inFlight = { before, promise }
      return promise
    },
    destroy() {
      isDestroyed = true
      listeners.clear()
    },
  }
}

/** A structural check of a baseline read back from storage or the network. */
function baselineIsValid(value: unknown): value is LedgerBaseline {
  const candidate = value as Partial<LedgerBaseline> | null
  if (!candidate || !windowStartIsValid(candidate.before)) return false
  if (typeof candidate.fetchedAt !== 'number') return false
  const sources = candidate.sources as Partial<LedgerSources> | undefined
  if (!sources || typeof sources.pools !== 'object' || typeof sources.panelSeats !== 'object') {
    return false
  }
  const groups = [
    ...Object.values(sources.pools ?? {}),
    ...Object.values(sources.panelSeats ?? {}).flatMap((bySeat) => Object.values(bySeat ?? {})),
  ]
  return groups.every(
    (members) =>
      typeof members === 'object' &&
      members !== null &&
      Object.values(members).every((member) => memberLedgerIsValid(member)),
  )
}

function memberLedgerIsValid(member: unknown): member is MemberLedger {
  const m = member as Partial<MemberLedger> | null
  const isList = (list: unknown) => Array.isArray(list) && list.every((n) => typeof n === 'number')
  return (
    !!m &&
    isList(m.received) &&
    !!m.removed &&
    isList(m.removed.cancelled) &&
    isList(m.removed['no-show']) &&
    isList(m.removed['reassigned-away'])
  )
}
