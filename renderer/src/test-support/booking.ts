import type { Booking } from '../../../core/src/model/workspace'
import { fixtureBooking } from '../../../core/src/booking/test-fixtures'

/**
 * A booking for renderer tests: `hosts` from `start` to `end`, made at the desk, with no page,
 * pool, answers or history (the fields a test cares about as arguments) — core's
 * `fixtureBooking` with the start and end kept as written.
 */
export function testBooking(
  id: string,
  start: string,
  end: string,
  hosts: string[],
  status: Booking['status'] = 'scheduled',
  customer = 'Lee Park',
): Booking {
  return fixtureBooking(id, hosts, start, {
    start,
    end,
    status,
    customer: { name: customer, email: 'lee@example.com', timeZone: 'UTC' },
    history: [],
  })
}
