import { rescheduleHostReasons } from '../../../core/src/booking'
import type { Workspace } from '../../../core/src/model/workspace'
import { reassignReasonsText } from './reassign-text'

/**
 * Why a booking cannot move to `startMs`, for people: the hosts and what stops each
 * ("Ana Silva: busy; Ben Okafor: outside working hours"), or core's own message when no host
 * is the cause (too soon, past the booking window, a closed booking).
 */
export function moveRefusalText(
  workspace: Workspace,
  bookingId: string,
  startMs: number,
  nowMs: number,
  coreMessage: string,
): string {
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  const blocked = rescheduleHostReasons(workspace, bookingId, startMs, nowMs).filter(
    (host) => host.reasons.length > 0,
  )
  if (blocked.length === 0) return coreMessage
  return blocked
    .map((host) => `${names.get(host.memberId) ?? 'a host'}: ${reassignReasonsText(host.reasons)}`)
    .join('; ')
}
