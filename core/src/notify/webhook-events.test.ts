import { describe, expect, it } from 'vitest'
import { WEBHOOK_EVENT_TYPES } from './notify-plan'
import { WEBHOOK_EVENT_TEXT, webhookEventIsKnown, webhookEventsText } from './webhook-events'

describe('webhook events in words', () => {
  it('says every booking change for "*" or every event named', () => {
    expect(webhookEventsText(['*'])).toBe('every booking change')
    expect(webhookEventsText([...WEBHOOK_EVENT_TYPES].reverse())).toBe('every booking change')
  })

  it('lists the events chosen in the list order, and unknown names as written', () => {
    expect(webhookEventsText(['booking.cancelled', 'booking.created'])).toBe(
      'a booking is made, a booking is cancelled',
    )
    expect(webhookEventsText(['booking.no-show', 'booking.paid'])).toBe(
      'a customer is marked as not having come, booking.paid',
    )
  })

  it('has words for every event, and knows only those', () => {
    for (const name of WEBHOOK_EVENT_TYPES) {
      expect(WEBHOOK_EVENT_TEXT[name]).toMatch(/^a /)
      expect(webhookEventIsKnown(name)).toBe(true)
    }
    expect(webhookEventIsKnown('*')).toBe(false)
    expect(webhookEventIsKnown('webhook.test')).toBe(false)
  })
})
