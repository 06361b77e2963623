import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../../core/src/model/workspace'
import { bookingBody, fixtureWorkspace } from '../test-support/fixtures'
import { startMailServer } from '../test-support/mail-server'
import type { TestMailServer } from '../test-support/mail-server'
import { fixedClock, startTestApp } from '../test-support/test-app'
import type { TestApp } from '../test-support/test-app'

let app: TestApp | undefined
let mail: TestMailServer | undefined
afterEach(async () => {
  await app?.close()
  await mail?.close()
  app = mail = undefined
})

// Europe/Berlin moves from CET (+01:00) to CEST (+02:00) on Sunday 2027-03-28 at 02:00.
const FRIDAY = '2027-03-26T08:00:00.000Z'
const MONDAY_9_UTC = '2027-03-29T09:00:00.000Z'

function workspace(): Workspace {
  const ws = fixtureWorkspace()
  return {
    ...ws,
    eventTypes: ws.eventTypes.map((e) => ({
      ...e,
      reminderMinutesBefore: [1440, 60],
      location: { type: 'in-person' as const, address: 'Hauptstraße 1, 10827 Berlin' },
    })),
  }
}

async function start() {
  const clock = fixedClock(FRIDAY)
  mail = await startMailServer()
  app = await startTestApp({
    workspace: workspace(),
    clock,
    deps: {
      publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000 },
      notify: { publicUrl: 'https://book.example.com', smtpUrl: mail.url, autoRun: false },
    },
  })
  return { a: app, clock, mail }
}

async function book(a: TestApp, start = MONDAY_9_UTC) {
  const res = await a.request('/api/public/pages/solo/bookings', {
    method: 'POST',
    body: bookingBody(start, {
      customer: { name: 'Lee Park', email: 'lee@example.org', timeZone: 'Europe/Berlin' },
    }),
  })
  expect(res.status).toBe(201)
  return (await res.json()).booking as { id: string; manageToken: string; location: unknown }
}

const reminders = (m: TestMailServer) =>
  m.messages.filter((message) => message.subject?.startsWith('Reminder'))

describe('reminders on a fixed clock', () => {
  it('are sent once at each offset, exact on the UTC line across the DST change', async () => {
    const { a, clock, mail: m } = await start()
    const booking = await book(a)
    expect(booking.location).toEqual({ type: 'in-person', address: 'Hauptstraße 1, 10827 Berlin' })
    await a.teamslot.notifier.runOnce()
    await m.waitFor(2) // confirmation and new booking
    clock.set('2027-03-28T08:59:59.000Z')
    await a.teamslot.notifier.runOnce()
    expect(reminders(m)).toHaveLength(0)
    // 24 hours before 11:00 CEST Monday is 11:00 CEST Sunday, after the clocks went forward.
    clock.set('2027-03-28T09:00:00.000Z')
    await a.teamslot.notifier.runOnce()
    await m.waitFor(3)
    clock.set('2027-03-28T09:30:00.000Z')
    await a.teamslot.notifier.runOnce()
    expect(reminders(m)).toHaveLength(1)
    const first = reminders(m)[0]!
    expect(first.subject).toBe(
      'Reminder: Call on Monday, 29 March 2027, 11:00–11:30 CEST (Europe/Berlin)',
    )
    expect(first.text).toContain('is in 1 day, on Monday, 29 March 2027, 11:00–11:30 CEST')
    expect(first.text).toContain('Where: In person: Hauptstraße 1, 10827 Berlin')
    expect(first.text).toContain(`/book/solo/manage/${booking.id}#token=${booking.manageToken}`)
    clock.set('2027-03-29T07:59:00.000Z')
    await a.teamslot.notifier.runOnce()
    expect(reminders(m)).toHaveLength(1)
    clock.set('2027-03-29T08:00:00.000Z')
    await a.teamslot.notifier.runOnce()
    await m.waitFor(4)
    expect(reminders(m)[1]!.text).toContain('is in 1 hour')
    clock.set('2027-03-29T08:59:00.000Z')
    await a.teamslot.notifier.runOnce()
    expect(reminders(m)).toHaveLength(2)
  })

  it('re-plans after a reschedule and never sends one for the old time or a cancelled booking', async () => {
    const { a, clock, mail: m } = await start()
    const booking = await book(a)
    await a.teamslot.notifier.runOnce()
    await m.waitFor(2)
    // The 24-hour reminder is due, but the mail server refuses it for now.
    m.answer = () => ({ code: 451, message: 'try later' })
    clock.set('2027-03-28T09:00:00.000Z')
    await a.teamslot.notifier.runOnce()
    expect(m.received()).toBe(3)
    m.answer = () => null
    const moved = await a.request(`/api/public/bookings/${booking.id}/reschedule`, {
      method: 'POST',
      body: { token: booking.manageToken, start: '2027-03-30T09:00:00.000Z' },
    })
    expect(moved.status).toBe(200)
    clock.set('2027-03-28T09:10:00.000Z')
    await a.teamslot.notifier.runOnce()
    await m.waitFor(4) // the reschedule's update; the old reminder is skipped
    const outbox = await (
      await a.request(`/api/admin/outbox?bookingId=${booking.id}`, { admin: true })
    ).json()
    const reminderRows = outbox.messages.filter((r: { kind: string }) => r.kind === 'reminder')
    expect(reminderRows.map((r: { status: string }) => r.status)).toEqual(['skipped'])
    // The new time's reminders follow it; cancelling stops them.
    clock.set('2027-03-29T09:00:00.000Z')
    await a.teamslot.notifier.runOnce()
    await m.waitFor(5)
    expect(reminders(m).map((r) => r.subject)).toEqual([
      'Reminder: Call on Tuesday, 30 March 2027, 11:00–11:30 CEST (Europe/Berlin)',
    ])
    await a.request(`/api/public/bookings/${booking.id}/cancel`, {
      method: 'POST',
      body: { token: booking.manageToken },
    })
    clock.set('2027-03-30T08:00:00.000Z')
    await a.teamslot.notifier.runOnce()
    expect(reminders(m)).toHaveLength(1)
  })
})

describe('GET /api/public/bookings/{id}/calendar.ics', () => {
  it('gives the customer their booking as a file to import, and a wrong token nothing', async () => {
    const { a } = await start()
    const booking = await book(a)
    const res = await a.request(
      `/api/public/bookings/${booking.id}/calendar.ics?token=${booking.manageToken}`,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const calendar = new ICAL.Component(ICAL.parse(await res.text()))
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    const event = calendar.getFirstSubcomponent('vevent')!
    expect(event.getFirstPropertyValue('uid')).toBe(`${booking.id}@teamslot`)
    expect(event.getFirstPropertyValue('location')).toBe('Hauptstraße 1, 10827 Berlin')
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(
      MONDAY_9_UTC,
    )
    const wrong = await a.request(`/api/public/bookings/${booking.id}/calendar.ics?token=nope`)
    const unknown = await a.request(`/api/public/bookings/bk-unknown/calendar.ics?token=nope`)
    expect(wrong.status).toBe(404)
    expect(await wrong.text()).toBe(await unknown.text())
    expect((await a.request(`/api/public/bookings/${booking.id}/calendar.ics`)).status).toBe(400)
  })
})

describe('GET /api/admin/reminders', () => {
  it('lists the reminders to come, whom and when, until each goes into the outbox', async () => {
    const { a, clock } = await start()
    const booking = await book(a)
    const ahead = async () => {
      const res = await a.request('/api/admin/reminders', { admin: true })
      expect(res.status).toBe(200)
      return (await res.json()) as {
        mail: { configured: boolean }
        reminders: { bookingId: string; minutesBefore: number; dueAt: string; to: string }[]
      }
    }
    const before = await ahead()
    expect(before.mail.configured).toBe(true)
    expect(before.reminders).toEqual([
      expect.objectContaining({
        bookingId: booking.id,
        minutesBefore: 1440,
        dueAt: '2027-03-28T09:00:00.000Z',
        to: 'lee@example.org',
        toName: 'Lee Park',
        start: MONDAY_9_UTC,
      }),
      expect.objectContaining({ minutesBefore: 60, dueAt: '2027-03-29T08:00:00.000Z' }),
    ])
    // Once due it is the outbox's: the list keeps only the one still to come.
    clock.set('2027-03-28T09:00:00.000Z')
    await a.teamslot.notifier.runOnce()
    expect((await ahead()).reminders.map((r) => r.minutesBefore)).toEqual([60])
    const outbox = await (await a.request('/api/admin/outbox', { admin: true })).json()
    expect(outbox.messages.map((m: { kind: string }) => m.kind)).toContain('reminder')
  })

  it('refuses a bad limit and needs the admin token', async () => {
    const { a } = await start()
    expect((await a.request('/api/admin/reminders')).status).toBe(401)
    expect((await a.request('/api/admin/reminders?limit=0', { admin: true })).status).toBe(400)
    expect((await a.request('/api/admin/reminders?limit=lots', { admin: true })).status).toBe(400)
  })
})
