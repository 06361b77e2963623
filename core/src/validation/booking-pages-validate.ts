/**
 * Booking page records: one member's public page offering some event types.
 */

import type { BookingPage } from '../model/workspace'
import type { WorkspaceLookup } from './workspace-lookup'
import type { WorkspaceProblem } from './workspace-problem'
import { problemsForRepeats, unknownMessage } from './workspace-problem'

/**
 * Problems with each booking page, at `bookingPages.${index}…`: the member exists; every offered
 * event type exists and is listed once. (Slug uniqueness is `workspaceValidate`'s concern.)
 */
export function bookingPagesValidate(
  bookingPages: readonly BookingPage[],
  lookup: WorkspaceLookup,
): WorkspaceProblem[] {
  return bookingPages.flatMap((page, index) => {
    const path = `bookingPages.${index}`
    const problems: WorkspaceProblem[] = []
    if (!lookup.members.has(page.memberId)) {
      problems.push({ path: `${path}.memberId`, message: unknownMessage('member', page.memberId) })
    }
    page.eventTypeIds.forEach((id, i) => {
      if (!lookup.eventTypes.has(id)) {
        problems.push({
          path: `${path}.eventTypeIds.${i}`,
          message: unknownMessage('event type', id),
        })
      }
    })
    problems.push(
      ...problemsForRepeats(page.eventTypeIds, `${path}.eventTypeIds`, '', 'event type'),
    )
    return problems
  })
}
