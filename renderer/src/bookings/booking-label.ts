import type { Booking, Workspace } from '../../../core/src/model/workspace'

/** "Lee Park's Intro call" ("Lee Park's booking" when its event type is gone): a booking in words. */
export function bookingLabel(booking: Booking, workspace: Pick<Workspace, 'eventTypes'>): string {
  const eventType = workspace.eventTypes.find((e) => e.id === booking.eventTypeId)
  return `${booking.customer.name}'s ${eventType?.name ?? 'booking'}`
}
