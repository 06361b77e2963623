/**
 * The customer's cancellation and reschedule policy (api.md v1.1): a customer may cancel or move a
 * booking only until `cancelNoticeMinutes` before its start (absent or null: until the start).
 * Staff are never bound by it: only decisions asked with `asCustomer` apply it.
 */

import type { Booking, EventType } from '../model/workspace'
import { instantFormat, instantParse, MS_PER_MINUTE } from '../time/instant'
import { OPEN_STATUSES } from '../model/booking-statuses'

/**
 * The last instant (epoch ms) at which the customer may still cancel or reschedule `booking`:
 * its start minus the event type's `cancelNoticeMinutes` (0 when the event type sets none or no
 * longer exists). Throws a `RangeError` for a malformed start.
 */
export function customerChangeDeadlineMs(
  booking: Pick<Booking, 'start'>,
  eventType: Pick<EventType, 'cancelNoticeMinutes'> | undefined,
): number {
  const noticeMinutes = eventType?.cancelNoticeMinutes ?? 0
  return instantParse(booking.start) - noticeMinutes * MS_PER_MINUTE
}

/**
 * True while the customer may still cancel or reschedule `booking` at `nowMs`: it is open
 * (scheduled or rescheduled) and `nowMs` is before {@link customerChangeDeadlineMs}.
 */
export function customerMayChange(
  booking: Pick<Booking, 'start' | 'status'>,
  eventType: Pick<EventType, 'cancelNoticeMinutes'> | undefined,
  nowMs: number,
): boolean {
  return OPEN_STATUSES.has(booking.status) && nowMs < customerChangeDeadlineMs(booking, eventType)
}

/** Words for a notice: "24 hours", "90 minutes", "2 days" (whole units only). */
function noticeWords(minutes: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  if (minutes % (24 * 60) === 0) return unit(minutes / (24 * 60), 'day')
  if (minutes % 60 === 0) return unit(minutes / 60, 'hour')
  return unit(minutes, 'minute')
}

/**
 * The refusal a customer gets for `action` on `booking` at `nowMs` once its deadline has passed,
 * or null while they still may act. The message names the deadline (ISO UTC) and the notice.
 */
export function customerNoticeRefusal(
  booking: Pick<Booking, 'start'>,
  eventType: Pick<EventType, 'cancelNoticeMinutes' | 'name'> | undefined,
  nowMs: number,
  action: 'cancel' | 'reschedule',
): { readonly ok: false; readonly reason: 'not-allowed'; readonly message: string } | null {
  const deadlineMs = customerChangeDeadlineMs(booking, eventType)
  if (nowMs < deadlineMs) return null
  const notice = eventType?.cancelNoticeMinutes ?? 0
  const until = notice > 0 ? `${noticeWords(notice)} before it starts` : 'it starts'
  return {
    ok: false,
    reason: 'not-allowed',
    message:
      `This booking can no longer be changed online: customers may ${action} until ${until} ` +
      `(${instantFormat(deadlineMs)}). Please contact the host.`,
  }
}
