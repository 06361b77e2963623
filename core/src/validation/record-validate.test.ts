import { describe, expect, it } from 'vitest'
import { recordParse, workspaceParse } from './record-validate'
import { fixtureWorkspace } from './test-fixtures'

const ws = fixtureWorkspace()
const ana = ws.members[0]!
const salesPage = ws.masterPages[0]!

describe('recordParse', () => {
  it('accepts a valid record, returning a clean copy without stray fields', () => {
    const parsed = recordParse(ws, 'members', { ...ana, updatedAt: 'x', conflict: {} })
    expect(parsed).toEqual({ ok: true, record: ana })
  })

  it('refuses what the server used to refuse but the desktop accepted', () => {
    // Shown by the promises issue: a slug with capitals, an empty name, a bad email.
    const page = recordParse(ws, 'masterPages', { ...salesPage, slug: 'Has Caps!' })
    expect(page).toEqual({
      ok: false,
      problems: [{ path: 'slug', message: expect.stringContaining('lowercase') }],
    })
    const member = recordParse(ws, 'members', { ...ana, name: '', email: 'not-an-email' })
    expect(member.ok ? [] : member.problems.map((p) => p.path)).toEqual(['name', 'email'])
  })

  it('refuses reserved ids', () => {
    for (const id of ['__proto__', 'constructor', 'prototype', 'toString']) {
      expect(recordParse(ws, 'members', { ...ana, id }).ok).toBe(false)
    }
  })

  it('reports semantic problems relative to the record and new problems in other records', () => {
    const intro = ws.eventTypes[0]!
    // Dropping the AMER option breaks a rule of the sales page that compares with it.
    const edited = {
      ...intro,
      questions: intro.questions.map((q) => (q.id === 'region' ? { ...q, options: ['EMEA'] } : q)),
    }
    const parsed = recordParse(ws, 'eventTypes', edited)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems.every((p) => p.path.startsWith('masterPages.0.assignment.rules'))).toBe(
      true,
    )
    expect(parsed.problems[0]?.message).toContain('"AMER" is not an option')

    const overlapping = {
      ...ana,
      weeklyHours: {
        ...ana.weeklyHours,
        mon: [
          ['09:00', '12:00'],
          ['11:00', '13:00'],
        ],
      },
    }
    expect(recordParse(ws, 'members', overlapping)).toEqual({
      ok: false,
      problems: [{ path: 'weeklyHours.mon.1', message: 'overlaps members.0.weeklyHours.mon.0' }],
    })
  })

  it('checks a booking against the setup only', () => {
    const booking = ws.bookings[0]!
    expect(recordParse(ws, 'bookings', booking)).toEqual({ ok: true, record: booking })
    expect(recordParse(ws, 'bookings', { ...booking, eventTypeId: 'et-zed' })).toEqual({
      ok: false,
      problems: [{ path: 'eventTypeId', message: 'unknown event type "et-zed"' }],
    })
  })

  it('checks a new record as added to the collection (slug clashes included)', () => {
    const copy = { ...salesPage, id: 'mp-copy' }
    const parsed = recordParse(ws, 'masterPages', copy)
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('repeats'),
    ])
  })
})

describe('workspaceParse', () => {
  it('accepts the fixture and returns it unchanged', () => {
    expect(workspaceParse(fixtureWorkspace())).toEqual({ ok: true, workspace: fixtureWorkspace() })
  })

  it('refuses a non-object with one root problem', () => {
    expect(workspaceParse('nope')).toEqual({
      ok: false,
      problems: [{ path: '(root)', message: 'expected an object' }],
    })
  })
})

describe('v1.1 fields', () => {
  const intro = ws.eventTypes[0]!
  const page = ws.masterPages[0]!

  it('accepts locations, reminders and a cancellation notice, and refuses bad ones', () => {
    for (const location of [
      { type: 'in-person', address: 'Hauptstraße 1, Berlin' },
      { type: 'phone', number: '+49 30 1234567' },
      { type: 'video', url: 'https://meet.example.com/abc' },
      null,
    ]) {
      expect(recordParse(ws, 'eventTypes', { ...intro, location }).ok).toBe(true)
    }
    for (const location of [
      { type: 'video', url: 'http://meet.example.com' },
      { type: 'video', url: 'javascript:alert(1)' },
      { type: 'phone', number: 'call me' },
      { type: 'in-person', address: ' ' },
      { type: 'carrier-pigeon' },
    ]) {
      expect(recordParse(ws, 'eventTypes', { ...intro, location }).ok).toBe(false)
    }
    expect(recordParse(ws, 'eventTypes', { ...intro, reminderMinutesBefore: [1440, 60] }).ok).toBe(
      true,
    )
    expect(recordParse(ws, 'eventTypes', { ...intro, reminderMinutesBefore: [0] }).ok).toBe(false)
    expect(recordParse(ws, 'eventTypes', { ...intro, cancelNoticeMinutes: 1440 }).ok).toBe(true)
    expect(recordParse(ws, 'eventTypes', { ...intro, cancelNoticeMinutes: -1 }).ok).toBe(false)
  })

  it('accepts a page branding with a small data-URL logo, and refuses scripts and odd colours', () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo='
    const branding = { logo, accentColor: '#3056d3', description: 'Talk to us' }
    expect(recordParse(ws, 'masterPages', { ...page, branding }).ok).toBe(true)
    for (const bad of [
      { logo: 'data:image/svg+xml;base64,PHN2Zz4=' },
      { logo: 'javascript:alert(1)' },
      { accentColor: 'red' },
    ]) {
      expect(recordParse(ws, 'masterPages', { ...page, branding: bad }).ok).toBe(false)
    }
  })

  it("accepts a member's busy calendars at http(s) addresses only", () => {
    const ana = ws.members[0]!
    const busyCalendars = [{ url: 'https://calendar.example.com/ana/basic.ics' }]
    expect(recordParse(ws, 'members', { ...ana, busyCalendars }).ok).toBe(true)
    for (const url of ['file:///etc/passwd', 'ftp://x.example/a.ics', 'not a url']) {
      expect(recordParse(ws, 'members', { ...ana, busyCalendars: [{ url }] }).ok).toBe(false)
    }
  })
})
