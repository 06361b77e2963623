import type { Booking } from '../../../core/src/model/workspace'

/**
 * A booking for renderer tests: `hosts` from `start` to `end`, made at the desk, with no page,
 * pool, answers or history (the fields a test cares about as arguments).
 */
export function testBooking(
  id: string,
  start: string,
  end: string,
  hosts: string[],
  status: Booking['status'] = 'scheduled',
  customer = 'Lee Park',
): Booking {
  return {
    id,
    eventTypeId: 'et-call',
    masterPageId: null,
    start,
    end,
    hostMemberIds: hosts,
    poolId: null,
    panelId: null,
    status,
    customer: { name: customer, email: 'lee@example.com', timeZone: 'UTC' },
    answers: {},
    createdVia: 'desktop',
    history: [],
  }
}
