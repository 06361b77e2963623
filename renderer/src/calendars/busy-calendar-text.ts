import type { BusyCalendarStatus } from '../db/workspace-store'
import { agoText } from '../sync/sync-status'

/**
 * One busy calendar's state in plain words: "Read 3 min ago (12 events)", "Could not be read
 * 5 min ago: the server answered 404. Busy times read 2 h ago are still used.", or why it has
 * not been read. `isSaved`: the address is in the saved member (else it is read once saved).
 */
export function busyCalendarStatusText(
  status: BusyCalendarStatus | undefined,
  isSaved: boolean,
  nowMs: number,
): string {
  if (!isSaved) return 'Read by the server once the member is saved.'
  if (status === undefined || status.lastFetchedAt === null) {
    return 'Not read yet: the server reads it once this change has synced.'
  }
  const fetched = agoText(Date.parse(status.lastFetchedAt), nowMs)
  if (status.lastError === null) {
    const events = status.events === 1 ? '1 event' : `${status.events} events`
    return `Read ${fetched} (${events}).`
  }
  const kept =
    status.lastSuccessAt === null
      ? 'No busy times from it yet.'
      : `Busy times read ${agoText(Date.parse(status.lastSuccessAt), nowMs)} are still used.`
  return `Could not be read ${fetched}: ${status.lastError}. ${kept}`
}
