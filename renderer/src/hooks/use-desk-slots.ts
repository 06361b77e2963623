import { useCallback, useMemo } from 'react'
import {
  bookingDecide,
  pageAvailability,
  pageRouteResolve,
  seatPlanCandidates,
  seatPlanFor,
} from '../../../core/src/booking'
import type { PageAvailabilityQuery, PageSlot } from '../../../core/src/booking'
import type { Workspace } from '../../../core/src/model/workspace'
import { clockNow } from '../clock'
import { decisionMessageForPeople, workspaceNames } from '../forms/form-problems'

/** A stand-in customer for previewing who a time would go to (the real one is checked on booking). */
const PREVIEW_CUSTOMER = { name: 'Preview', email: 'preview@example.com', timeZone: 'UTC' }

/** The page query of a desk booking, without its range. */
export type DeskQuery = Omit<PageAvailabilityQuery, 'fromMs' | 'toMs'>

/**
 * For the desk-booking dialog: the free starts of `queryKey` (a JSON `DeskQuery`, '' = none yet)
 * in any range (core's `pageAvailability`, round robin per day of `dayZone`), and for one start
 * who it would go to and why (core's
 * `bookingDecide`, not written). Recomputed only when the workspace or the query changes.
 */
/** Who a free time would go to ("→ Ana Silva"), and why (the assignment's explanation). */
export interface SlotWho {
  readonly who: string
  readonly why: string | null
}

export function useDeskSlots(workspace: Workspace, queryKey: string, dayZone: string) {
  const query = useMemo(
    () => (queryKey === '' ? null : (JSON.parse(queryKey) as DeskQuery)),
    [queryKey],
  )
  const names = useMemo(() => workspaceNames(workspace), [workspace])
  const slotsIn = useCallback(
    (fromMs: number, toMs: number): readonly PageSlot[] => {
      if (!query) return []
      // Round robin per local day of the desk's calendar (core's `dayZone`): a month asked at once
      // marks the days that opening each would show a time on.
      const result = pageAvailability(workspace, { ...query, fromMs, toMs, dayZone }, clockNow())
      return result.ok ? result.slots : []
    },
    [workspace, query, dayZone],
  )
  const describe = useCallback(
    (slot: PageSlot): SlotWho => {
      if (!query) return { who: '', why: null }
      const memberName = (id: string) => names.get(id) ?? 'a member'
      if (slot.bookingPageIds && !query.bookingPageId) {
        return {
          who: `free: ${slot.bookingPageIds.map((id) => memberName(workspace.bookingPages.find((b) => b.id === id)?.memberId ?? '')).join(', ')}`,
          why: null,
        }
      }
      const decision = bookingDecide(
        workspace,
        {
          ...query,
          answers: query.answers ?? {},
          startMs: Date.parse(slot.start),
          customer: PREVIEW_CUSTOMER,
          createdVia: 'desktop',
          by: 'preview',
        },
        { nowMs: clockNow(), bookingId: 'bk-preview-only' },
      )
      if (!decision.ok) {
        if (decision.reason !== 'invalid-answers') {
          return { who: decisionMessageForPeople(decision.message, names), why: null }
        }
        // Answers route only through rules: where the caller picked the member, it is theirs.
        const page = workspace.masterPages.find((p) => p.id === query.masterPageId)
        const picked =
          page?.assignment.type === 'customer-choice' && query.bookingPageId
            ? workspace.bookingPages.find((b) => b.id === query.bookingPageId)
            : undefined
        return {
          who: picked
            ? `→ ${memberName(picked.memberId)}`
            : 'answer the questions above to see who takes this time',
          why: null,
        }
      }
      return {
        who: `→ ${decision.booking.hostMemberIds.map(memberName).join(' + ')}`,
        why: decision.explanation.summary,
      }
    },
    [workspace, query, names],
  )
  // The pools of the query's route whose seats offer only the next in line (core's own seat plan
  // and candidates, as page availability uses them): one member's times per day, not everyone's.
  const turnsOf = useMemo((): readonly string[] => {
    if (!query) return []
    const resolved = pageRouteResolve(workspace, { ...query, answers: query.answers ?? {} }, true)
    if (!resolved.ok || resolved.route.kind !== 'target') return []
    const plan = seatPlanFor(workspace, resolved.route.target, clockNow())
    const candidates = seatPlanCandidates(plan)
    const poolIds = plan.seats.flatMap((seat, i) =>
      seat.poolId !== null && candidates[i]?.isRoundRobin ? [seat.poolId] : [],
    )
    return [...new Set(poolIds)].map(
      (id) => workspace.pools.find((pool) => pool.id === id)?.name ?? 'A pool',
    )
  }, [workspace, query])
  return { query, slotsIn, describe, turnsOf }
}
