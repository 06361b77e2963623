import type { DecisionState } from '../../../core/src/booking/booking-types'
import { windowStartKey } from '../../../core/src/booking/booking-window'
import { poolLedgersWithBaseline } from '../../../core/src/distribution/pool-ledger-merge'
import type { PoolLedger } from '../../../core/src/distribution/pool-ledger'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import type { LedgerBaseline } from './ledger-baseline'

interface Memo {
  readonly pools: Workspace['pools']
  readonly panels: Workspace['panels']
  readonly baseline: LedgerBaseline
  readonly ledgers: Readonly<Record<string, PoolLedger>>
}

/** Merged ledgers already computed for a bookings array (records are immutable values). */
const MEMO = new WeakMap<readonly Booking[], Memo>()

/**
 * The state the desktop's decisions and pool statistics read: `workspace` plus every pool's
 * ledger over ALL history (`poolLedgers`, core's `DecisionState`) — the baseline (bookings that
 * ended before `baseline.before`, counted by the server) merged with the ledgers of the
 * workspace's own bookings ending at or after it. Computed on first read and remembered for the
 * same bookings, pools, panels and baseline. Without a baseline the workspace is returned as it
 * is, and core counts from the window's bookings alone.
 */
export function decisionStateWith(
  workspace: Workspace,
  baseline: LedgerBaseline | null,
): DecisionState {
  if (baseline === null) return workspace
  const { bookings, pools, panels } = workspace
  let ledgers: Readonly<Record<string, PoolLedger>> | undefined
  const state = { ...workspace }
  Object.defineProperty(state, 'poolLedgers', {
    enumerable: true,
    get() {
      if (ledgers) return ledgers
      const memo = MEMO.get(bookings)
      if (memo && memo.pools === pools && memo.panels === panels && memo.baseline === baseline) {
        ledgers = memo.ledgers
        return ledgers
      }
      const key = windowStartKey(baseline.before)
      const after = bookings.filter((booking) => booking.end >= key)
      ledgers = poolLedgersWithBaseline(workspace, after, baseline.sources)
      MEMO.set(bookings, { pools, panels, baseline, ledgers })
      return ledgers
    },
  })
  return state
}
