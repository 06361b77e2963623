import { useCallback, useMemo } from 'react'
import { bookingDecide, pageAvailability, pageRouteResolve } from '../../../core/src/booking'
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
 * in any range (core's `pageAvailability`), and for one start who it would go to and why (core's
 * `bookingDecide`, not written). Recomputed only when the workspace or the query changes.
 */
/** Who a free time would go to ("→ Ana Silva"), and why (the assignment's explanation). */
export interface SlotWho {
  readonly who: string
  readonly why: string | null
}

export function useDeskSlots(workspace: Workspace, queryKey: string) {
  const query = useMemo(
    () => (queryKey === '' ? null : (JSON.parse(queryKey) as DeskQuery)),
    [queryKey],
  )
  const names = useMemo(() => workspaceNames(workspace), [workspace])
  const slotsIn = useCallback(
    (fromMs: number, toMs: number): readonly PageSlot[] => {
      if (!query) return []
      const result = pageAvailability(workspace, { ...query, fromMs, toMs }, clockNow())
      return result.ok ? result.slots : []
    },
    [workspace, query],
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
        return {
          who:
            decision.reason === 'invalid-answers'
              ? 'answer the questions above to see who takes this time'
              : decisionMessageForPeople(decision.message, names),
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
  // The round-robin pools the query's route takes its members from (a pool target, or a panel's
  // pool seats): such a pool offers one member's times per day, not everyone's.
  const turnsOf = useMemo((): readonly string[] => {
    if (!query) return []
    const resolved = pageRouteResolve(workspace, { ...query, answers: query.answers ?? {} }, true)
    if (!resolved.ok || resolved.route.kind !== 'target') return []
    const target = resolved.route.target
    const poolIds =
      'poolId' in target
        ? [target.poolId]
        : 'panelId' in target
          ? (workspace.panels
              .find((panel) => panel.id === target.panelId)
              ?.seats.flatMap((seat) => ('poolId' in seat ? [seat.poolId] : [])) ?? [])
          : []
    return [...new Set(poolIds)].flatMap((id) => {
      const pool = workspace.pools.find((p) => p.id === id)
      return pool?.distribution === 'round-robin' ? [pool.name] : []
    })
  }, [workspace, query])
  return { query, slotsIn, describe, turnsOf }
}
