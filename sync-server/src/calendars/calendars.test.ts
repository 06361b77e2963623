/**
 * Members' busy calendars end to end: a loopback "calendar provider" serving Google, Outlook and
 * Apple shaped exports, a real server on a real SQLite store and a fixed clock.
 */

import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import type { Member, Workspace } from '../../../core/src/model/workspace'
import type { AppDeps } from '../app'
import { startCalendarHost } from '../test-support/calendar-host'
import type { CalendarHost } from '../test-support/calendar-host'
import {
  bookingBody,
  desktopBooking,
  FIXTURE_NOW,
  fixtureMember,
  fixtureWorkspace,
} from '../test-support/fixtures'
import { COLLECTION_SCHEMAS } from '../../../core/src/schema/collections'
import { fixedClock, startTestApp } from '../test-support/test-app'
import type { TestApp } from '../test-support/test-app'

let app: TestApp | undefined
let host: CalendarHost | undefined
afterEach(async () => {
  await app?.close()
  await host?.close()
  app = undefined
  host = undefined
})

/** Ana (Berlin) reads the Google file, Ben (Los Angeles) the Outlook one, Cai (New York) Apple's. */
function workspaceWith(calendars: Readonly<Record<string, string | null>>): Workspace {
  const base = fixtureWorkspace()
  const zones: Record<string, string> = {
    'm-ana': 'Europe/Berlin',
    'm-ben': 'America/Los_Angeles',
    'm-cai': 'America/New_York',
  }
  const members = base.members.map((member): Member => {
    const zone = zones[member.id]
    const url = calendars[member.id]
    return {
      ...fixtureMember(member.id, member.name, zone ?? member.timeZone),
      ...(url ? { busyCalendars: [{ url }] } : {}),
    }
  })
  return {
    ...base,
    members,
    masterPages: [
      ...base.masterPages,
      ...['ben', 'cai'].map((name) => ({
        id: `mp-${name}`,
        slug: `only-${name}`,
        title: name,
        eventTypeIds: ['et-call'],
        assignment: { type: 'static' as const, target: { bookingPageId: `bp-${name}` } },
      })),
    ],
  }
}

async function start(
  calendars: Readonly<Record<string, string | null>>,
  deps: Partial<AppDeps> = {},
  dataDir?: string,
) {
  const clock = fixedClock(FIXTURE_NOW)
  app = await startTestApp({
    workspace: workspaceWith(calendars),
    clock,
    ...(dataDir ? { dataDir } : {}),
    deps: {
      publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000 },
      calendars: { allowPrivate: true },
      ...deps,
    },
  })
  return { a: app, clock }
}

const RANGE = 'from=2027-03-10T00:00:00.000Z&to=2027-04-09T00:00:00.000Z'

async function slots(a: TestApp, slug: string): Promise<{ start: string; end: string }[]> {
  const res = await a.request(`/api/public/pages/${slug}/availability?eventTypeId=et-call&${RANGE}`)
  expect(res.status).toBe(200)
  return (await res.json()).slots
}

async function busyOf(a: TestApp, memberId: string) {
  const res = await a.request(`/api/admin/members/${memberId}/busy?${RANGE}`, { admin: true })
  expect(res.status).toBe(200)
  return (await res.json()) as {
    busy: { start: string; end: string }[]
    calendars: {
      url: string
      lastFetchedAt: string | null
      lastSuccessAt: string | null
      lastError: string | null
      events: number
    }[]
  }
}

const overlaps = (slot: { start: string; end: string }, busy: { start: string; end: string }[]) =>
  busy.some(
    (b) => Date.parse(b.start) < Date.parse(slot.end) && Date.parse(slot.start) < Date.parse(b.end),
  )

/** What each file makes busy within RANGE (read by hand from the fixtures, see ics-busy.test.ts). */
const EXPECTED: Record<string, readonly [string, string][]> = {
  'm-ana': [
    ['2027-03-17T13:00', '2027-03-17T13:30'],
    ['2027-03-22T13:00', '2027-03-22T14:00'],
    ['2027-03-23T23:00', '2027-03-25T23:00'],
    ['2027-03-29T08:00', '2027-03-29T09:00'],
  ],
  'm-ben': [
    ['2027-03-16T16:00', '2027-03-16T16:30'],
    ['2027-03-17T17:00', '2027-03-17T18:00'],
    ['2027-03-18T18:00', '2027-03-18T18:30'],
    ['2027-03-19T07:00', '2027-03-20T07:00'],
    ['2027-03-23T16:00', '2027-03-23T16:30'],
    ['2027-03-25T16:00', '2027-03-25T16:30'],
    ['2027-03-30T16:00', '2027-03-30T16:30'],
  ],
  'm-cai': [
    ['2027-03-11T13:00', '2027-03-11T13:30'],
    ['2027-03-12T13:00', '2027-03-12T13:30'],
    ['2027-03-14T12:00', '2027-03-14T12:30'],
    ['2027-03-15T12:00', '2027-03-15T12:30'],
    ['2027-03-16T04:00', '2027-03-17T04:00'],
    ['2027-03-17T12:00', '2027-03-17T12:30'],
    ['2027-03-18T12:00', '2027-03-18T12:30'],
    ['2027-03-18T15:00', '2027-03-18T16:00'],
  ],
}
const expectedBusy = (memberId: string) =>
  (EXPECTED[memberId] ?? []).map(([s, e]) => ({ start: `${s}:00.000Z`, end: `${e}:00.000Z` }))

const PAGES: Record<string, string> = { 'm-ana': 'solo', 'm-ben': 'only-ben', 'm-cai': 'only-cai' }
const FILES: Record<string, string> = {
  'm-ana': 'google.ics',
  'm-ben': 'outlook.ics',
  'm-cai': 'apple.ics',
}

describe('busy calendars in availability and decisions', () => {
  it('availability excludes exactly the busy times of each export, and nothing else', async () => {
    host = await startCalendarHost()
    // Without calendars first: the slots each page offers.
    const { a: plain } = await start({})
    const before = Object.fromEntries(
      await Promise.all(
        Object.entries(PAGES).map(async ([id, slug]) => [id, await slots(plain, slug)]),
      ),
    )
    await plain.close()
    app = undefined
    const calendarUrls = Object.fromEntries(
      Object.entries(FILES).map(([id, file]) => [id, `${host!.url}/${file}`]),
    )
    const { a } = await start(calendarUrls)
    for (const id of Object.keys(FILES)) await a.teamslot.calendars.refreshMember(id)
    for (const [id, slug] of Object.entries(PAGES)) {
      const { busy, calendars } = await busyOf(a, id)
      expect(busy).toEqual(expectedBusy(id))
      expect(calendars).toEqual([
        {
          url: calendarUrls[id],
          lastFetchedAt: FIXTURE_NOW,
          lastSuccessAt: FIXTURE_NOW,
          lastError: null,
          events: expect.any(Number),
        },
      ])
      const after = await slots(a, slug)
      const expected = (before[id] as { start: string; end: string }[]).filter(
        (slot) => !overlaps(slot, busy),
      )
      expect(after.length).toBeLessThan((before[id] as unknown[]).length)
      expect(after).toEqual(expected)
    }
  })

  it('refuses a booking in busy time, offers free alternatives, and never shows titles', async () => {
    host = await startCalendarHost()
    const { a } = await start({ 'm-ana': `${host.url}/google.ics` })
    await a.teamslot.calendars.refreshMember('m-ana')
    // Dentist, 13:00–13:30 UTC on 17 March (Ana works 09:00–17:00 Berlin).
    const refused = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody('2027-03-17T13:00:00.000Z'),
    })
    expect(refused.status).toBe(409)
    const text = await refused.text()
    expect(text).not.toMatch(/Dentist|Sales weekly|Vacation|calendar/i)
    const page = await a.request(`/api/public/pages/solo/availability?eventTypeId=et-call&${RANGE}`)
    expect(await page.text()).not.toMatch(/Dentist|Sales|Vacation|ics|127\.0\.0\.1/)
    const ok = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody('2027-03-17T13:30:00.000Z'),
    })
    expect(ok.status).toBe(201)
  })

  it('reassignment candidates say "busy-in-calendar", apart from bookings', async () => {
    host = await startCalendarHost()
    const { a } = await start({ 'm-ben': `${host.url}/outlook.ics` })
    await a.teamslot.calendars.refreshMember('m-ben')
    // Ben's standup, 16:00–16:30 UTC on 16 March (09:00 in Los Angeles): the pool passes him by.
    const created = await a.request('/api/public/pages/pooled/bookings', {
      method: 'POST',
      body: bookingBody('2027-03-16T16:00:00.000Z'),
    })
    expect(created.status).toBe(201)
    const { booking } = await created.json()
    const stored = await a.teamslot.service.bookingDoc(booking.id)
    expect(stored?.hostMemberIds).not.toContain('m-ben')
    const res = await a.request(`/api/admin/bookings/${booking.id}/reassign-candidates`, {
      admin: true,
    })
    const ben = (await res.json()).candidates.find(
      (c: { memberId: string }) => c.memberId === 'm-ben',
    )
    expect(ben).toEqual({
      memberId: 'm-ben',
      isPoolMember: true,
      status: 'unavailable',
      reasons: ['busy-in-calendar'],
    })
    const refused = await a.request(`/api/admin/bookings/${booking.id}/reassign`, {
      method: 'POST',
      admin: true,
      body: { toMemberId: 'm-ben' },
    })
    expect(refused.status).toBe(409)
    const forced = await a.request(`/api/admin/bookings/${booking.id}/reassign`, {
      method: 'POST',
      admin: true,
      body: { toMemberId: 'm-ben', force: true },
    })
    expect(forced.status).toBe(200)
  })
})

describe('the server re-checks desk bookings decided offline', () => {
  it('a pushed booking in a host’s calendar time is kept and shown as a conflict until resolved', async () => {
    host = await startCalendarHost()
    const { a } = await start({ 'm-ana': `${host.url}/google.ics` })
    await a.teamslot.calendars.refreshMember('m-ana')
    // A desktop that had not synced Ana's dentist appointment booked her into it.
    const {
      manageToken: _token,
      conflict: _conflict,
      ...booking
    } = desktopBooking(
      'bk-desk-dentist',
      'm-ana',
      '2027-03-17T13:00:00.000Z',
      '2027-03-17T13:30:00.000Z',
    )
    const push = await a.request(
      `/replication/bookings/${COLLECTION_SCHEMAS.bookings.version}/push`,
      {
        method: 'POST',
        admin: true,
        body: [{ newDocumentState: booking, assumedMasterState: null }],
      },
    )
    expect(push.status).toBe(200)
    const listed = await (await a.request('/api/admin/conflicts', { admin: true })).json()
    expect(listed.conflicts).toEqual([
      {
        kind: 'calendar',
        bookingId: 'bk-desk-dentist',
        memberId: 'm-ana',
        busyStart: '2027-03-17T13:00:00.000Z',
        busyEnd: '2027-03-17T13:30:00.000Z',
      },
    ])
    const resolved = await a.request('/api/admin/conflicts/bk-desk-dentist/resolve', {
      method: 'POST',
      admin: true,
      body: { by: 'Maya' },
    })
    expect(resolved.status).toBe(200)
    expect(
      (await (await a.request('/api/admin/conflicts', { admin: true })).json()).conflicts,
    ).toEqual([])
  })
})

describe('reading calendars', () => {
  it('keeps the last good busy times when a reading fails, and says why', async () => {
    host = await startCalendarHost()
    const { a, clock } = await start({ 'm-ana': `${host.url}/google.ics` })
    await a.teamslot.calendars.refreshMember('m-ana')
    const good = await busyOf(a, 'm-ana')
    // From the next day: the minimum notice moves the first slots as the clock moves.
    const later = (list: { start: string }[]) => list.filter((slot) => slot.start >= '2027-03-11')
    const slotsBefore = later(await slots(a, 'solo'))
    host.behave('/google.ics', { kind: 'status', status: 500 })
    clock.set('2027-03-10T08:16:00.000Z')
    await a.teamslot.calendars.tick()
    const failed = await busyOf(a, 'm-ana')
    expect(failed.busy).toEqual(good.busy)
    expect(failed.calendars[0]).toMatchObject({
      lastFetchedAt: '2027-03-10T08:16:00.000Z',
      lastSuccessAt: FIXTURE_NOW,
      lastError: 'the server answered 500',
    })
    expect(later(await slots(a, 'solo'))).toEqual(slotsBefore)
    expect(slotsBefore.some((slot) => slot.start === '2027-03-17T13:00:00.000Z')).toBe(false)
    // Backoff: 15 minutes later it is not read again (the second failure waits 15, then 30).
    const asked = host.requests.length
    clock.set('2027-03-10T08:25:00.000Z')
    await a.teamslot.calendars.tick()
    expect(host.requests.length).toBe(asked)
    host.behave('/google.ics', { kind: 'status', status: 404 })
    clock.set('2027-03-10T08:31:00.000Z')
    await a.teamslot.calendars.tick()
    expect((await busyOf(a, 'm-ana')).calendars[0]?.lastError).toBe('the server answered 404')
    clock.set('2027-03-10T08:50:00.000Z')
    await a.teamslot.calendars.tick()
    expect(host.requests.length).toBe(asked + 1)
    // Not iCalendar at all (a sign-in page): also kept, also said.
    host.behave('/google.ics', { kind: 'body', body: '<html>Please sign in</html>' })
    await a.teamslot.calendars.refreshMember('m-ana')
    const html = await busyOf(a, 'm-ana')
    expect(html.busy).toEqual(good.busy)
    expect(html.calendars[0]?.lastError).toBe(
      'the address did not answer with an iCalendar (.ics) file',
    )
  })

  it('reads on schedule with conditional requests (ETag), and again at once when the addresses change', async () => {
    host = await startCalendarHost()
    const { a, clock } = await start({ 'm-ana': `${host.url}/google.ics` })
    await a.teamslot.calendars.refreshMember('m-ana')
    const first = host.requests.filter((r) => r.path === '/google.ics')
    expect(first[0]?.headers['if-none-match']).toBeUndefined()
    clock.set('2027-03-10T08:14:00.000Z')
    await a.teamslot.calendars.tick()
    expect(host.requests.filter((r) => r.path === '/google.ics')).toHaveLength(first.length)
    clock.set('2027-03-10T08:15:00.000Z')
    await a.teamslot.calendars.tick()
    const conditional = host.requests.filter((r) => r.path === '/google.ics').at(-1)
    expect(conditional?.headers['if-none-match']).toMatch(/^"/)
    expect(conditional?.headers['if-modified-since']).toBe('Mon, 01 Mar 2027 10:00:00 GMT')
    const after = await busyOf(a, 'm-ana')
    expect(after.calendars[0]).toMatchObject({
      lastSuccessAt: '2027-03-10T08:15:00.000Z',
      lastError: null,
    })
    expect(after.busy).toEqual(expectedBusy('m-ana'))
    // The member's addresses change (a desktop edit replicates): read at once, old one dropped.
    const member = (await a.teamslot.db.members.findOne('m-ana').exec())!
    await member.incrementalPatch({ busyCalendars: [{ url: `${host.url}/apple.ics` }] })
    await a.teamslot.calendars.refreshMember('m-ana', { onlyDue: true })
    await expect
      .poll(async () => (await busyOf(a, 'm-ana')).calendars.map((c) => c.lastSuccessAt))
      .toEqual(['2027-03-10T08:15:00.000Z'])
    expect((await busyOf(a, 'm-ana')).calendars.map((c) => c.url)).toEqual([
      `${host.url}/apple.ics`,
    ])
    expect(host.requests.some((r) => r.path === '/apple.ics')).toBe(true)
  })

  it('keeps busy times across a restart', async () => {
    host = await startCalendarHost()
    const { a } = await start({ 'm-ana': `${host.url}/google.ics` })
    await a.teamslot.calendars.refreshMember('m-ana')
    const dataDir = a.dataDir
    await a.close()
    app = undefined
    await host.close()
    host = undefined
    const clock = fixedClock(FIXTURE_NOW)
    app = await startTestApp({ dataDir, clock, deps: { calendars: { allowPrivate: true } } })
    expect((await busyOf(app, 'm-ana')).busy).toEqual(expectedBusy('m-ana'))
  })
})

describe('the SSRF guard', () => {
  it('refuses loopback addresses without --allow-private-calendar-urls, before any request', async () => {
    host = await startCalendarHost()
    for (const url of [
      `${host.url}/google.ics`,
      host.url.replace('127.0.0.1', 'localhost') + '/google.ics',
    ]) {
      const { a } = await start({ 'm-ana': url }, { calendars: {} })
      await a.teamslot.calendars.refreshMember('m-ana')
      const { busy, calendars } = await busyOf(a, 'm-ana')
      expect(busy).toEqual([])
      expect(calendars[0]?.lastError).toMatch(/private or local network/)
      await a.close()
      app = undefined
    }
    expect(host.requests).toEqual([])
  })

  it('with the flag, follows a redirect to the calendar', async () => {
    host = await startCalendarHost()
    host.behave('/moved.ics', { kind: 'redirect', location: '/google.ics' })
    const { a } = await start({ 'm-ana': `${host.url}/moved.ics` })
    await a.teamslot.calendars.refreshMember('m-ana')
    expect((await busyOf(a, 'm-ana')).busy).toEqual(expectedBusy('m-ana'))
  })

  it('refuses pushes to the busy-time collection (the server writes it)', async () => {
    const { a } = await start({})
    const res = await a.request('/replication/memberbusy/0/push', {
      method: 'POST',
      admin: true,
      body: [
        {
          newDocumentState: { id: 'm-ana', calendars: [], updatedAt: FIXTURE_NOW },
          assumedMasterState: null,
        },
      ],
    })
    expect(res.status).toBe(400)
    expect(await a.teamslot.db.memberbusy.findOne('m-ana').exec()).toBeNull()
  })
})

describe('the calendar feed', () => {
  it('serves the member’s bookings as iCalendar, follows a move, rotates to a new address', async () => {
    const { a } = await start({})
    const created = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody('2027-03-11T10:00:00.000Z'),
    })
    const { booking } = await created.json()
    const feedRes = await a.request('/api/admin/members/m-ana/calendar-feed', { admin: true })
    expect(feedRes.status).toBe(200)
    const { url } = (await feedRes.json()) as { url: string }
    expect(url).toMatch(new RegExp(`^${a.url}/feeds/[A-Za-z0-9_-]{40,}\\.ics$`))
    expect((await a.request('/api/admin/members/m-ana/calendar-feed')).status).toBe(401)
    const read = async (headers: Record<string, string> = {}) => fetch(url, { headers })
    const first = await read()
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/)
    expect(first.headers.get('cache-control')).toBe('no-store')
    const etag = first.headers.get('etag')!
    const events = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => {
        const event = new ICAL.Event(c)
        return {
          uid: event.uid,
          start: event.startDate.toJSDate().toISOString(),
          end: event.endDate.toJSDate().toISOString(),
          summary: event.summary,
        }
      })
    expect(events(await first.text())).toEqual([
      {
        uid: `${booking.id}@teamslot`,
        start: '2027-03-11T10:00:00.000Z',
        end: '2027-03-11T10:30:00.000Z',
        summary: 'Call: Lee Park',
      },
    ])
    expect((await read({ 'if-none-match': etag })).status).toBe(304)
    // Other members' feeds do not show it.
    const ben = await (
      await a.request('/api/admin/members/m-ben/calendar-feed', { admin: true })
    ).json()
    expect(events(await (await fetch(ben.url)).text())).toEqual([])
    const moved = await a.request(`/api/public/bookings/${booking.id}/reschedule`, {
      method: 'POST',
      body: { token: booking.manageToken, start: '2027-03-12T11:00:00.000Z' },
    })
    expect(moved.status).toBe(200)
    const second = await read({ 'if-none-match': etag })
    expect(second.status).toBe(200)
    expect(events(await second.text())).toMatchObject([
      { uid: `${booking.id}@teamslot`, start: '2027-03-12T11:00:00.000Z' },
    ])
    const rotated = await a.request('/api/admin/members/m-ana/calendar-feed/rotate', {
      method: 'POST',
      admin: true,
    })
    const next = (await rotated.json()).url as string
    expect(next).not.toBe(url)
    expect((await read()).status).toBe(404)
    expect((await fetch(next)).status).toBe(200)
    expect((await fetch(`${a.url}/feeds/not-a-token-at-all-000000.ics`)).status).toBe(404)
  })
})
