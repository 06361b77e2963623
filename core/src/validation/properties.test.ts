import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type {
  Assignment,
  Booking,
  BookingPage,
  BookingStatus,
  Condition,
  DynamicRule,
  EventType,
  HistoryEntry,
  LocalRange,
  MasterPage,
  Member,
  Panel,
  Pool,
  Question,
  Target,
  Workspace,
} from '../model/workspace'
import { workspaceValidate } from './workspace-validate'
import { workspaceReferences } from './workspace-references'

type Gen = fc.GeneratorValue

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']
const BASE_MS = Date.UTC(2027, 0, 1)
const DAY_MS = 86_400_000

function hhmm(minutes: number): string {
  if (minutes === 1440) return '24:00'
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** Non-overlapping ranges of one day (touching allowed), in a random order. */
function dayRanges(g: Gen): LocalRange[] {
  const ranges: LocalRange[] = []
  let at = 0
  const count = g(fc.integer, { min: 0, max: 3 })
  for (let i = 0; i < count; i++) {
    const start = at + 15 * g(fc.integer, { min: 0, max: 20 })
    const end = start + 15 * g(fc.integer, { min: 1, max: 24 })
    if (end > 1440) break
    ranges.push([hhmm(start), hhmm(end)])
    at = end
  }
  return g(fc.boolean) ? ranges.toReversed() : ranges
}

function pick<T>(g: Gen, items: readonly T[]): T {
  return items[g(fc.integer, { min: 0, max: items.length - 1 })] as T
}

function subset<T>(g: Gen, items: readonly T[], minLength = 0): T[] {
  return g(fc.shuffledSubarray<T>, [...items], { minLength: Math.min(minLength, items.length) })
}

function member(g: Gen, i: number): Member {
  const dates = g(() => fc.uniqueArray(fc.integer({ min: 0, max: 800 }), { maxLength: 3 }))
  const cap = () => g(fc.option<number>, fc.integer({ min: 1, max: 50 }), { nil: null })
  return {
    id: `m-${i}`,
    name: `Member ${i}`,
    email: `m${i}@example.com`,
    timeZone: pick(g, ZONES),
    weeklyHours: {
      mon: dayRanges(g),
      tue: dayRanges(g),
      wed: dayRanges(g),
      thu: dayRanges(g),
      fri: dayRanges(g),
      sat: dayRanges(g),
      sun: dayRanges(g),
    },
    dateOverrides: dates.map((d) => ({
      date: new Date(BASE_MS + d * DAY_MS).toISOString().slice(0, 10),
      hours: dayRanges(g),
    })),
    maxBookingsPerDay: cap(),
    maxBookingsPerWeek: cap(),
    active: g(fc.boolean),
  }
}

function eventType(g: Gen, i: number): EventType {
  const maxDaysAhead = g(fc.integer, { min: 1, max: 730 })
  const questionIds = g(() =>
    fc.uniqueArray(fc.constantFrom('q-a', 'q-b', 'q-c', 'q-d'), { maxLength: 3 }),
  )
  const questions = questionIds.map((id): Question => {
    const type = pick(g, ['text', 'select', 'phone', 'note'] as const)
    const options = subset(g, ['Red', 'Green', 'Blue', 'Gold'], 1)
    const base = { id, label: id, type, required: g(fc.boolean) }
    return type === 'select' ? { ...base, options } : base
  })
  return {
    id: `et-${i}`,
    name: `Event ${i}`,
    durationMinutes: g(fc.integer, { min: 1, max: 1440 }),
    slotIntervalMinutes: g(fc.integer, { min: 1, max: 1440 }),
    bufferBeforeMinutes: g(fc.integer, { min: 0, max: 1440 }),
    bufferAfterMinutes: g(fc.integer, { min: 0, max: 1440 }),
    minNoticeMinutes: g(fc.integer, { min: 0, max: maxDaysAhead * 1440 - 1 }),
    maxDaysAhead,
    questions,
  }
}

/** A condition that `workspaceValidate` accepts for `question`. */
function condition(g: Gen, question: Question): Condition {
  const op = pick(g, ['equals', 'not-equals', 'in', 'contains'] as const)
  const choices = question.type === 'select' ? (question.options ?? []) : ['x', 'Acme', ' b ']
  const value = op === 'in' ? subset(g, choices, 1) : pick(g, choices)
  return { questionId: question.id, op, value }
}

function masterPage(g: Gen, i: number, w: Omit<Workspace, 'masterPages' | 'bookings'>): MasterPage {
  const eventTypes = subset(g, w.eventTypes, 1)
  const targets: Target[] = [
    ...w.pools.map((p) => ({ poolId: p.id })),
    ...w.panels.map((p) => ({ panelId: p.id })),
    ...w.bookingPages.map((p) => ({ bookingPageId: p.id })),
  ]
  const kind = pick(g, ['customer-choice', 'static', 'dynamic'] as const)
  let assignment: Assignment
  if (kind === 'customer-choice' && w.bookingPages.length > 0) {
    const bookingPageIds = subset(g, w.bookingPages, 1).map((p) => p.id)
    assignment = { type: 'customer-choice', flow: 'event-types-first', bookingPageIds }
  } else if (kind === 'static') {
    assignment = { type: 'static', target: pick(g, targets) }
  } else {
    const rules = Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, (): DynamicRule[] => {
      const et = pick(g, eventTypes)
      const offering = w.bookingPages.filter((p) => p.eventTypeIds.includes(et.id))
      const ruleTargets = targets.filter(
        (t) => !('bookingPageId' in t) || offering.some((p) => p.id === t.bookingPageId),
      )
      if (ruleTargets.length === 0) return []
      const when = subset(g, et.questions).map((q) => condition(g, q))
      return [{ eventTypeId: et.id, when, target: pick(g, ruleTargets) }]
    }).flat()
    assignment = { type: 'dynamic', rules, fallback: pick(g, targets) }
  }
  return {
    id: `mp-${i}`,
    slug: `page-${i}`,
    title: `Page ${i}`,
    eventTypeIds: eventTypes.map((e) => e.id),
    assignment,
  }
}

function booking(g: Gen, i: number, w: Omit<Workspace, 'bookings'>, seats: Map<string, string[]>) {
  const et = pick(g, w.eventTypes)
  const panel = w.panels.length > 0 && g(fc.boolean) ? pick(g, w.panels) : null
  const hosts = panel === null ? [pick(g, w.members).id] : [...(seats.get(panel.id) ?? [])]
  const startMs = BASE_MS + g(fc.integer, { min: 0, max: 2000 }) * 900_000
  const createdMs = startMs - g(fc.integer, { min: 1, max: 100 }) * 3_600_000
  const iso = (ms: number) => new Date(ms).toISOString()
  const history: HistoryEntry[] = [{ at: iso(createdMs), action: 'created', by: 'customer' }]
  const others = w.members.filter((m) => !hosts.includes(m.id))
  if (others.length > 0 && g(fc.boolean)) {
    const seat = g(fc.integer, { min: 0, max: hosts.length - 1 })
    const to = pick(g, others).id
    history.push({
      at: iso(createdMs + 60_000),
      action: 'reassigned',
      by: 'x',
      fromMemberId: hosts[seat],
      toMemberId: to,
    })
    hosts[seat] = to
  }
  const status = pick(g, ['scheduled', 'cancelled', 'no-show', 'completed', 'rescheduled'] as const)
  const action = {
    scheduled: null,
    cancelled: 'cancelled',
    'no-show': 'no-show',
    completed: 'completed',
    rescheduled: 'rescheduled',
  } as const
  const last = action[status as BookingStatus]
  if (last !== null) history.push({ at: iso(createdMs + 120_000), action: last, by: 'x' })
  const seatPools = panel?.seats.flatMap((s) => ('poolId' in s ? [s.poolId] : [])) ?? []
  const poolChoices = panel === null ? w.pools.map((p) => p.id) : seatPools
  const result: Booking = {
    id: `bk-${i}`,
    eventTypeId: et.id,
    masterPageId: w.masterPages.length > 0 && g(fc.boolean) ? pick(g, w.masterPages).id : null,
    start: iso(startMs),
    end: iso(startMs + et.durationMinutes * 60_000),
    hostMemberIds: hosts,
    poolId: poolChoices.length > 0 && g(fc.boolean) ? pick(g, poolChoices) : null,
    panelId: panel?.id ?? null,
    status,
    customer: { name: 'C', email: 'c@example.org', timeZone: pick(g, ZONES) },
    answers: {},
    createdVia: 'public',
    history,
  }
  return result
}

/** A random workspace that satisfies every rule of `workspaceValidate`. */
const validWorkspace = fc.gen().map((g): Workspace => {
  const members = Array.from({ length: g(fc.integer, { min: 1, max: 4 }) }, (_, i) => member(g, i))
  const eventTypes = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, (_, i) =>
    eventType(g, i),
  )
  const bookingPages = Array.from(
    { length: g(fc.integer, { min: 0, max: 3 }) },
    (_, i): BookingPage => ({
      id: `bp-${i}`,
      slug: `bp-${i}`,
      memberId: pick(g, members).id,
      eventTypeIds: subset(g, eventTypes).map((e) => e.id),
    }),
  )
  const pools = Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, (_, i): Pool => ({
    id: `pool-${i}`,
    name: `Pool ${i}`,
    distribution: pick(g, ['round-robin', 'pooled', 'pooled-priority'] as const),
    members: subset(g, members, 1).map((m) => ({
      memberId: m.id,
      priority: g(fc.integer, { min: 1, max: 10 }),
      addedAt: g(fc.boolean) ? null : new Date(BASE_MS + g(fc.nat, 1000) * DAY_MS).toISOString(),
    })),
    reportingCycle: pick(g, ['monthly', 'quarterly', 'continuous'] as const),
    automaticCorrection: g(fc.boolean),
  }))
  // Each panel seat i is meant for a distinct member; it names them or an unused pool holding them.
  const seats = new Map<string, string[]>()
  const panels = Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, (_, i): Panel => {
    const people = subset(g, members, 1)
    const used = new Set<string>()
    seats.set(
      `panel-${i}`,
      people.map((m) => m.id),
    )
    return {
      id: `panel-${i}`,
      name: `Panel ${i}`,
      seats: people.map((m) => {
        const pool = pools.find(
          (p) => !used.has(p.id) && p.members.some((e) => e.memberId === m.id),
        )
        if (pool === undefined || g(fc.boolean)) return { memberId: m.id }
        used.add(pool.id)
        return { poolId: pool.id }
      }),
    }
  })
  const base = {
    version: 1 as const,
    timeZone: pick(g, ZONES),
    members,
    eventTypes,
    bookingPages,
    pools,
    panels,
  }
  const hasTargets = pools.length + panels.length + bookingPages.length > 0
  const masterPages = hasTargets
    ? Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, (_, i) => masterPage(g, i, base))
    : []
  const withPages = { ...base, masterPages }
  const bookings = Array.from({ length: g(fc.integer, { min: 0, max: 5 }) }, (_, i) =>
    booking(g, i, withPages, seats),
  )
  return { ...withPages, bookings }
})

describe('workspaceValidate properties', () => {
  it('finds no problem in a generated valid workspace', () => {
    fc.assert(
      fc.property(validWorkspace, (workspace) => {
        expect(workspaceValidate(workspace)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('finds a problem once a referenced member is deleted, and references name it', () => {
    fc.assert(
      fc.property(validWorkspace, fc.nat(), (workspace, n) => {
        const gone = workspace.members[n % workspace.members.length] as Member
        const references = workspaceReferences(workspace, { kind: 'member', id: gone.id })
        const without = { ...workspace, members: workspace.members.filter((m) => m !== gone) }
        const problems = workspaceValidate(without)
        expect(problems.length > 0).toBe(references.length > 0)
        for (const reference of references) {
          expect(problems.map((p) => p.path)).toContain(reference.path)
        }
      }),
      { numRuns: 200 },
    )
  })
})
