import { describe, expect, it } from 'vitest'
import { WEBHOOK_EVENT_TYPES } from './notify-plan'
import { demoWorkspace } from '../demo/demo-workspace'
import { workspaceParse } from '../validation'
import {
  WEBHOOK_EVENT_TEXT,
  webhookDetails,
  webhookEventIsKnown,
  webhookEventsText,
  webhookSampleBooking,
} from './webhook-events'

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

describe('webhook details and the sample booking', () => {
  const NOW = '2027-03-10T08:20:00.000Z'
  const workspace = demoWorkspace(NOW)

  it('names every id of a booking: event type, hosts in order, pool, page and answers by label', () => {
    const booking = workspace.bookings.find((b) => b.poolId !== null && b.masterPageId !== null)!
    const details = webhookDetails(workspace, booking)
    const eventType = workspace.eventTypes.find((t) => t.id === booking.eventTypeId)!
    expect(details.eventType).toEqual({
      id: eventType.id,
      name: eventType.name,
      durationMinutes: eventType.durationMinutes,
    })
    expect(details.hosts.map((h) => h.id)).toEqual(booking.hostMemberIds)
    expect(details.hosts[0]!.name).toBe(
      workspace.members.find((m) => m.id === booking.hostMemberIds[0])!.name,
    )
    expect(details.pool?.name).toBe(workspace.pools.find((p) => p.id === booking.poolId)!.name)
    expect(details.page?.slug).toBe(
      workspace.masterPages.find((p) => p.id === booking.masterPageId)!.slug,
    )
    for (const answer of details.answers) {
      expect(booking.answers[answer.questionId]).toBe(answer.answer)
      expect(eventType.questions.find((q) => q.id === answer.questionId)?.label).toBe(answer.label)
    }
  })

  it('leaves out what the workspace no longer has', () => {
    const booking = workspace.bookings[0]!
    const details = webhookDetails(
      { ...workspace, members: [], eventTypes: [], pools: [], masterPages: [] },
      booking,
    )
    expect(details).toMatchObject({
      eventType: null,
      hosts: [],
      pool: null,
      page: null,
      answers: [],
    })
  })

  it('makes a valid booking from the team’s own setup, tomorrow at the next whole hour', () => {
    const sample = webhookSampleBooking(workspace, Date.parse(NOW))
    expect(sample.start).toBe('2027-03-11T09:00:00.000Z')
    expect(sample.eventTypeId).toBe(workspace.eventTypes[0]!.id)
    expect(sample.customer.email).toBe('sample.customer@example.com')
    expect(sample.id).toMatch(/^bk-sample-/)
    const parsed = workspaceParse({ ...workspace, bookings: [sample] })
    expect(parsed.ok ? [] : parsed.problems).toEqual([])
    // An empty team still gets a sample (with placeholder ids).
    const empty = webhookSampleBooking({ ...workspace, members: [], eventTypes: [] }, 0)
    expect(empty).toMatchObject({ eventTypeId: 'et-sample', hostMemberIds: ['m-sample'] })
  })
})
