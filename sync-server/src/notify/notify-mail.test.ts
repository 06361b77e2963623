import ICAL from 'ical.js'
import type { ParsedMail } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../../core/src/model/workspace'
import { openServerDatabase } from '../database'
import { serverStorage } from '../booking-index'
import {
  bookingBody,
  desktopBooking,
  FIXTURE_NOW,
  FREE_START,
  fixtureWorkspace,
} from '../test-support/fixtures'
import { startMailServer } from '../test-support/mail-server'
import type { TestMailServer } from '../test-support/mail-server'
import { fixedClock, startTestApp } from '../test-support/test-app'
import type { TestApp } from '../test-support/test-app'

let app: TestApp | undefined
let mail: TestMailServer | undefined

afterEach(async () => {
  await app?.close()
  await mail?.close()
  app = undefined
  mail = undefined
})

const PUBLIC_URL = 'https://book.example.com'

/** The fixture workspace with a video location and reminders on the event type. */
function workspace(): Workspace {
  const ws = fixtureWorkspace()
  return {
    ...ws,
    eventTypes: ws.eventTypes.map((e) => ({
      ...e,
      location: { type: 'video' as const, url: 'https://meet.example.com/teamslot' },
      reminderMinutesBefore: [1440, 60],
    })),
  }
}

async function start(options: { smtp?: boolean; dataDir?: string; ws?: Workspace | null } = {}) {
  const clock = fixedClock(FIXTURE_NOW)
  if (options.smtp !== false) mail ??= await startMailServer()
  app = await startTestApp({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.ws === null ? {} : { workspace: options.ws ?? workspace() }),
    clock,
    deps: {
      publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000 },
      notify: {
        publicUrl: PUBLIC_URL,
        ...(options.smtp !== false && mail ? { smtpUrl: mail.url } : {}),
        mailFrom: 'Acme Bookings <bookings@acme.example>',
        autoRun: false,
      },
    },
  })
  return { a: app, clock }
}

/** The `.ics` part of a message, parsed back with ical.js. */
function calendarOf(message: ParsedMail) {
  const part = message.attachments.find((p) => p.contentType.startsWith('text/calendar'))
  if (!part) throw new Error(`no calendar part in "${message.subject}"`)
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')))
  const event = calendar.getFirstSubcomponent('vevent')
  if (!event) throw new Error('no VEVENT')
  const value = (name: string) => event.getFirstPropertyValue(name)
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: value('uid'),
    sequence: value('sequence'),
    status: value('status'),
    start: (value('dtstart') as ICAL.Time).toJSDate().toISOString(),
    end: (value('dtend') as ICAL.Time).toJSDate().toISOString(),
    isUtc: (value('dtstart') as ICAL.Time).zone?.tzid === 'UTC',
    location: value('location'),
    summary: value('summary'),
    url: value('url'),
    // Calendar addresses are case-insensitive (`MAILTO:` or `mailto:`).
    organizer: String(value('organizer')).toLowerCase(),
    attendees: event
      .getAllProperties('attendee')
      .map((p) => String(p.getFirstValue()).toLowerCase()),
  }
}

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address

async function book(a: TestApp, slug = 'solo', start = FREE_START) {
  const res = await a.request(`/api/public/pages/${slug}/bookings`, {
    method: 'POST',
    body: bookingBody(start, { answers: { region: 'EMEA' } }),
  })
  expect(res.status).toBe(201)
  return (await res.json()).booking as { id: string; manageToken: string }
}

describe('emails over real SMTP', () => {
  it('confirms a public booking to the customer and tells the host, each with an invitation', async () => {
    const { a } = await start()
    const booking = await book(a)
    await a.teamslot.notifier.runOnce()
    const [first, second] = await mail!.waitFor(2)
    const customer = [first!, second!].find((m) => to(m) === 'lee@example.org')!
    const host = [first!, second!].find((m) => to(m) === 'm-ana@example.com')!
    expect(customer.subject).toBe(
      'Confirmed: Call on Thursday, 11 March 2027, 05:00–05:30 GMT-5 (America/New_York)',
    )
    expect(customer.from?.value[0]).toEqual({
      name: 'Acme Bookings',
      address: 'bookings@acme.example',
    })
    const manage = `${PUBLIC_URL}/book/solo/manage/${booking.id}#token=${booking.manageToken}`
    expect(customer.text).toContain(manage)
    expect(customer.text).toContain('with Ana')
    expect(customer.text).not.toContain('Silva')
    expect(customer.text).toContain('Where: Video call: https://meet.example.com/teamslot')
    expect(customer.html).toContain(`href="${manage}"`)
    expect(customer.messageId).toMatch(/^<[0-9a-f]{40}@acme\.example>$/)
    const invite = calendarOf(customer)
    expect(invite).toMatchObject({
      method: 'REQUEST',
      uid: `${booking.id}@teamslot`,
      sequence: 0,
      status: 'CONFIRMED',
      start: '2027-03-11T10:00:00.000Z',
      end: '2027-03-11T10:30:00.000Z',
      isUtc: true,
      location: 'https://meet.example.com/teamslot',
      url: manage,
      organizer: 'mailto:bookings@acme.example',
      attendees: ['mailto:lee@example.org'],
    })
    // The host: customer's details and answers, their own zone, no manage link.
    expect(host.subject).toBe(
      'New booking: Call with Lee Park on Thursday, 11 March 2027, 10:00–10:30 UTC (UTC)',
    )
    expect(host.text).toContain('Customer: Lee Park <lee@example.org>')
    expect(host.text).toContain('Region: EMEA')
    expect(host.text).not.toContain('#token=')
    expect(calendarOf(host).uid).toBe(`${booking.id}@teamslot`)
    const outbox = await (await a.request('/api/admin/outbox', { admin: true })).json()
    expect(outbox.messages.map((m: { status: string }) => m.status)).toEqual(['sent', 'sent'])
    // Each message reads back as it was sent: what the customer and the host were told.
    const read = async (to: string) => {
      const row = outbox.messages.find((m: { to: string }) => m.to === to) as { id: string }
      const res = await a.request(`/api/admin/outbox/${encodeURIComponent(row.id)}`, {
        admin: true,
      })
      expect(res.status).toBe(200)
      return (await res.json()).message as { text: string; invitation: string; subject: string }
    }
    const toCustomer = await read('lee@example.org')
    expect(toCustomer.subject).toBe(customer.subject)
    expect(toCustomer.text.replace(/\r\n/g, '\n').trim()).toBe(
      String(customer.text).replace(/\r\n/g, '\n').trim(),
    )
    expect(toCustomer.invitation).toBe('request')
    const toHost = await read('m-ana@example.com')
    expect(toHost.text).toContain('Customer: Lee Park <lee@example.org>')
    expect(toHost.invitation).toBe('request')
  })

  it('sends updates with the same UID and a higher SEQUENCE, then cancellations', async () => {
    const { a } = await start()
    const booking = await book(a)
    const moved = await a.request(`/api/public/bookings/${booking.id}/reschedule`, {
      method: 'POST',
      body: { token: booking.manageToken, start: '2027-03-12T13:00:00.000Z' },
    })
    expect(moved.status).toBe(200)
    await a.teamslot.notifier.runOnce()
    const cancelled = await a.request(`/api/public/bookings/${booking.id}/cancel`, {
      method: 'POST',
      body: { token: booking.manageToken, reason: 'Plans changed' },
    })
    expect(cancelled.status).toBe(200)
    await a.teamslot.notifier.runOnce()
    const all = await mail!.waitFor(6)
    const customer = all.filter((m) => to(m) === 'lee@example.org')
    expect(customer.map((m) => m.subject?.split(':')[0])).toEqual([
      'Confirmed',
      'Rescheduled',
      'Cancelled',
    ])
    const invites = customer.map(calendarOf)
    expect(invites.map((i) => [i.method, i.sequence, i.uid])).toEqual([
      ['REQUEST', 0, `${booking.id}@teamslot`],
      ['REQUEST', 1, `${booking.id}@teamslot`],
      ['CANCEL', 2, `${booking.id}@teamslot`],
    ])
    // The confirmation describes the time it was made for, the update the new one.
    expect(invites[0]!.start).toBe('2027-03-11T10:00:00.000Z')
    expect(invites[1]!.start).toBe('2027-03-12T13:00:00.000Z')
    expect(invites[2]!.status).toBe('CANCELLED')
    expect(customer[1]!.text).toContain('(was Thursday, 11 March 2027, 05:00 GMT-5)')
    expect(customer[2]!.text).toContain('Reason: Plans changed')
    const host = all.filter((m) => to(m) === 'm-ana@example.com').map(calendarOf)
    expect(host.map((i) => [i.method, i.sequence])).toEqual([
      ['REQUEST', 0],
      ['REQUEST', 1],
      ['CANCEL', 2],
    ])
  })

  it('tells the old host and the new host about a reassignment, and not the customer', async () => {
    const { a } = await start()
    const booking = await book(a)
    await a.teamslot.notifier.runOnce()
    await mail!.waitFor(2)
    const res = await a.request(`/api/admin/bookings/${booking.id}/reassign`, {
      method: 'POST',
      admin: true,
      body: { toMemberId: 'm-eve', by: 'Desk' },
    })
    expect(res.status).toBe(200)
    await a.teamslot.notifier.runOnce()
    const all = await mail!.waitFor(4)
    const later = all.slice(2)
    expect(later.map((m) => [to(m), calendarOf(m).method, calendarOf(m).sequence])).toEqual([
      ['m-ana@example.com', 'CANCEL', 1],
      ['m-eve@example.com', 'REQUEST', 1],
    ])
    expect(later[0]!.subject).toMatch(/^Reassigned: Call with Lee Park/)
    expect(later[1]!.subject).toMatch(/^Assigned to you: Call with Lee Park/)
    expect(all.filter((m) => to(m) === 'lee@example.org')).toHaveLength(1)
  })

  it('tells a host a reschedule took off about the meeting they had, at its time then', async () => {
    const { a } = await start()
    // Thursday 11 March 10:00 on the pooled page; then its host is booked on Friday 13:00.
    const booking = await book(a, 'pooled')
    const hostsOf = async (id: string) => {
      const res = await a.request('/api/admin/workspace', { admin: true })
      const ws = (await res.json()) as Workspace
      return ws.bookings.find((b) => b.id === id)!.hostMemberIds
    }
    const host = (await hostsOf(booking.id))[0]!
    const moveTo = '2027-03-12T13:00:00.000Z'
    await book(a, host.slice(2), moveTo)
    await a.teamslot.notifier.runOnce()
    await mail!.waitFor(4)
    // Moved to Friday 13:00, when its host is not free: the pool gives the seat to another.
    const moved = await a.request(`/api/public/bookings/${booking.id}/reschedule`, {
      method: 'POST',
      body: { token: booking.manageToken, start: moveTo },
    })
    expect(moved.status).toBe(200)
    const taker = (await hostsOf(booking.id))[0]!
    expect(taker).not.toBe(host)
    await a.teamslot.notifier.runOnce()
    const later = (await mail!.waitFor(7)).slice(4)
    const away = later.find((m) => to(m) === `${host}@example.com`)
    const assigned = later.find((m) => to(m) === `${taker}@example.com`)
    expect(away?.subject).toMatch(
      /^Reassigned: .* on Thursday, 11 March 2027, 10:00.*no longer yours/,
    )
    expect(away?.subject).not.toMatch(/12 March/)
    expect(calendarOf(away!).method).toBe('CANCEL')
    expect(assigned?.subject).toMatch(/^Assigned to you: .* on Friday, 12 March 2027/)
    // The customer's email and invitation name whom they now meet, not the host they had.
    const ws = (await (
      await a.request('/api/admin/workspace', { admin: true })
    ).json()) as Workspace
    const firstNameOf = (id: string) => ws.members.find((m) => m.id === id)!.name.split(' ')[0]!
    const customer = later.find((m) => to(m) === 'lee@example.org')
    expect(customer?.subject).toMatch(/^Rescheduled: /)
    expect(customer?.text).toContain(`with ${firstNameOf(taker)}`)
    expect(customer?.text).not.toContain(`with ${firstNameOf(host)}`)
    expect(calendarOf(customer!).summary).toContain(firstNameOf(taker))
  })

  it('tells every host of a panel', async () => {
    const { a } = await start()
    await book(a, 'panel')
    await a.teamslot.notifier.runOnce()
    const all = await mail!.waitFor(3)
    expect(all.map(to).sort()).toEqual([
      'lee@example.org',
      'm-ana@example.com',
      'm-ben@example.com',
    ])
  })

  it('retries a refused message later with the same Message-ID, and fails a permanent refusal', async () => {
    const { a, clock } = await start()
    let refusals = 1
    mail!.answer = (rcpt) => {
      if (!rcpt.includes('lee@example.org')) return null
      if (refusals-- > 0) return { code: 451, message: 'Mailbox lee@example.org busy, try later' }
      return null
    }
    await book(a)
    await a.teamslot.notifier.runOnce()
    await mail!.waitFor(1)
    const waiting = await (
      await a.request('/api/admin/outbox?status=queued', { admin: true })
    ).json()
    expect(waiting.messages).toHaveLength(1)
    expect(waiting.messages[0]).toMatchObject({ kind: 'confirmation', attempts: 1 })
    // The reason is kept, without the customer's address.
    expect(waiting.messages[0].lastError).toContain('busy')
    expect(waiting.messages[0].lastError).not.toContain('lee@example.org')
    await a.teamslot.notifier.runOnce()
    expect(mail!.received()).toBe(2) // not before its retry time
    clock.set('2027-03-10T08:00:30.000Z')
    await a.teamslot.notifier.runOnce()
    const all = await mail!.waitFor(2)
    expect(all.filter((m) => to(m) === 'lee@example.org')).toHaveLength(1)

    mail!.answer = (rcpt) =>
      rcpt.includes('lee@example.org') ? { code: 550, message: 'No such mailbox' } : null
    await book(a, 'solo', '2027-03-11T11:00:00.000Z')
    await a.teamslot.notifier.runOnce()
    const failed = await (
      await a.request('/api/admin/outbox?status=failed', { admin: true })
    ).json()
    expect(failed.messages.map((m: { attempts: number }) => m.attempts)).toEqual([1])
  })

  it('queues a booking’s confirmation again as a new message, refused for cancelled bookings', async () => {
    const { a } = await start()
    const booking = await book(a)
    await a.teamslot.notifier.runOnce()
    await mail!.waitFor(2)
    const res = await a.request(`/api/admin/bookings/${booking.id}/resend-confirmation`, {
      method: 'POST',
      admin: true,
    })
    expect(res.status).toBe(202)
    await a.teamslot.notifier.runOnce()
    const all = await mail!.waitFor(3)
    expect(all[2]!.subject).toMatch(/^Confirmed: Call/)
    expect(all[2]!.messageId).not.toBe(all.find((m) => to(m) === 'lee@example.org')!.messageId)
    expect(
      (
        await a.request('/api/admin/bookings/bk-nope/resend-confirmation', {
          method: 'POST',
          admin: true,
        })
      ).status,
    ).toBe(404)
    await a.request(`/api/public/bookings/${booking.id}/cancel`, {
      method: 'POST',
      body: { token: booking.manageToken },
    })
    const refused = await a.request(`/api/admin/bookings/${booking.id}/resend-confirmation`, {
      method: 'POST',
      admin: true,
    })
    expect(refused.status).toBe(422)
  })
})

describe('shutdown', () => {
  it('is not held up by a mail server that never confirms; the message stays queued', async () => {
    const { a } = await start()
    mail!.hold = true
    await book(a)
    const running = a.teamslot.notifier.runOnce()
    await mail!.waitForHeld(1)
    // Closing cuts the send off (nodemailer would wait 60 s for the reply) without counting it.
    await a.close()
    await running
    app = undefined
    mail!.hold = false
    const { a: again } = await start({ dataDir: a.dataDir, ws: null })
    const queued = await (await again.request('/api/admin/outbox', { admin: true })).json()
    expect(
      queued.messages.map((m: { status: string; attempts: number }) => [m.status, m.attempts]),
    ).toEqual([
      ['queued', 0],
      ['queued', 0],
    ])
    await again.teamslot.notifier.runOnce()
    const delivered = await mail!.waitFor(2)
    expect(delivered.map((m) => m.messageId)).toContain(mail!.held[0]!.messageId)
  })
})

describe('without a mail server', () => {
  it('keeps every message as not sent, visible in the outbox, and refuses to resend', async () => {
    const { a } = await start({ smtp: false })
    await book(a)
    await a.teamslot.notifier.runOnce()
    const res = await a.request('/api/admin/outbox', { admin: true })
    const body = await res.json()
    expect(body.mail).toEqual({ configured: false })
    const rows = body.messages.map((m: { kind: string; status: string; lastError: string }) =>
      [m.kind, m.status, m.lastError].join(' / '),
    )
    expect(rows.sort()).toEqual([
      'confirmation / not-sent / the sync server has no mail server to send through (Settings › Email says how to set one up)',
      'new-booking / not-sent / the sync server has no mail server to send through (Settings › Email says how to set one up)',
    ])
    const id = body.messages[0].id as string
    const resend = await a.request(`/api/admin/outbox/${encodeURIComponent(id)}/resend`, {
      method: 'POST',
      admin: true,
    })
    expect(resend.status).toBe(422)
    const settings = await (await a.request('/api/admin/notifications', { admin: true })).json()
    expect(settings).toEqual({
      publicUrl: PUBLIC_URL,
      mail: { configured: false, from: 'Acme Bookings <bookings@acme.example>' },
    })
  })

  it('derives a page of changes larger than one write, every message once', async () => {
    const { a } = await start({ smtp: false })
    // 32 bookings (Ana's page and the pooled page, hourly on two days): 64 messages, more than
    // one write holds.
    for (const day of ['2027-03-11', '2027-03-12']) {
      for (let hour = 9; hour < 17; hour++) {
        for (const slug of ['solo', 'pooled']) {
          await book(a, slug, `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`)
        }
      }
    }
    await a.teamslot.notifier.runOnce()
    const body = await (await a.request('/api/admin/outbox?limit=200', { admin: true })).json()
    const ids = body.messages.map((m: { id: string }) => m.id)
    expect(ids).toHaveLength(64)
    expect(new Set(ids).size).toBe(64)
    // Nothing more to derive: the page's progress was recorded after its last write.
    await a.teamslot.notifier.runOnce()
    const again = await (await a.request('/api/admin/outbox?limit=200', { admin: true })).json()
    expect(again.messages).toHaveLength(64)
  })

  it('refuses bad outbox filters and needs the admin token', async () => {
    const { a } = await start({ smtp: false })
    expect((await a.request('/api/admin/outbox')).status).toBe(401)
    expect((await a.request('/api/admin/outbox?status=lost', { admin: true })).status).toBe(400)
    expect(
      (await a.request('/api/admin/outbox/__proto__/resend', { method: 'POST', admin: true }))
        .status,
    ).toBe(400)
    expect(
      (await a.request('/api/admin/outbox/nope/resend', { method: 'POST', admin: true })).status,
    ).toBe(404)
    expect((await a.request('/api/admin/outbox/nope', { admin: true })).status).toBe(404)
    expect((await a.request('/api/admin/outbox/__proto__', { admin: true })).status).toBe(400)
    expect((await a.request('/api/admin/outbox/nope')).status).toBe(401)
  })
})

describe('what is never mailed', () => {
  it('mails no one about an imported workspace’s bookings', async () => {
    const { a } = await start()
    const ws = workspace()
    const res = await a.request('/api/admin/workspace', {
      method: 'PUT',
      admin: true,
      body: { ...ws, bookings: [desktopBookingRecord('bk-old', '2027-03-11T12:00:00.000Z')] },
    })
    expect(res.status).toBe(200)
    await a.teamslot.notifier.runOnce()
    const outbox = await (await a.request('/api/admin/outbox', { admin: true })).json()
    expect(outbox.messages).toEqual([])
  })

  it('mails nothing about bookings stored before notifications began, only their later changes', async () => {
    const first = await start({ smtp: false })
    const dataDir = first.a.dataDir
    await first.a.close()
    app = undefined
    // A store as the last release left it: bookings, and no notification state at all.
    const storage = serverStorage(dataDir)
    const db = await openServerDatabase(storage)
    await db.bookings.insert(
      desktopBooking('bk-before', 'm-ana', '2027-03-11T12:00:00.000Z', '2027-03-11T12:30:00.000Z'),
    )
    for (const doc of await db.notifystate.find().exec()) await doc.remove()
    await db.destroy()
    const { a } = await start({ dataDir, ws: null })
    await a.teamslot.notifier.runOnce()
    expect((await (await a.request('/api/admin/outbox', { admin: true })).json()).messages).toEqual(
      [],
    )
    const reassigned = await a.request('/api/admin/bookings/bk-before/reassign', {
      method: 'POST',
      admin: true,
      body: { toMemberId: 'm-eve' },
    })
    expect(reassigned.status).toBe(200)
    await a.teamslot.notifier.runOnce()
    const all = await mail!.waitFor(2)
    expect(all.map((m) => m.subject?.split(':')[0])).toEqual(['Reassigned', 'Assigned to you'])
  })
})

function desktopBookingRecord(id: string, start: string) {
  const {
    manageToken: _t,
    conflict: _c,
    idempotencyKey: _i,
    updatedAt: _u,
    _deleted: _d,
    ...record
  } = desktopBooking(id, 'm-ana', start, new Date(Date.parse(start) + 30 * 60_000).toISOString())
  return record
}
