/**
 * Notifications (api.md v1.1): who is told what about each booking change (`notify-plan.ts`),
 * the booking as each message describes it (`booking-at-entry.ts`), reminders that are due
 * (`reminders-due.ts`), the words of every email (`message-compose.ts`) and the booking changes a
 * webhook can be sent (`webhook-events.ts`). Pure: the server
 * derives, stores and sends.
 */

export * from './booking-at-entry'
export * from './message-compose'
export * from './notify-plan'
export * from './reminders-due'
export * from './webhook-events'
