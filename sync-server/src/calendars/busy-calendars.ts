/**
 * Members' busy calendars on the server (issue 11): reads each member's calendar addresses
 * (`busyCalendars` of the member record) on a schedule, on demand and when the addresses change,
 * and keeps per member, durably, each calendar's last good busy time and its status in the
 * server-written `memberbusy` collection (replicated read-only to desktops). Decisions read the
 * busy time from memory ({@link BusyCalendars.busy}); nothing here ever blocks a booking answer.
 *
 * - Horizon: from {@link HORIZON_PAST_DAYS} day back to {@link HORIZON_FUTURE_DAYS} days ahead of
 *   the reading (the longest availability window is 400 days).
 * - Schedule: a calendar is read again {@link DEFAULT_REFRESH_MS} after its last reading; after
 *   failures in a row it waits longer: the interval × 2^(failures − 1), at most
 *   {@link MAX_BACKOFF_MS}. A failed reading keeps the last good busy time and records why.
 * - Conditional requests (ETag / Last-Modified) only while the last good copy is less than a day
 *   old, so the horizon moves on at least daily (a `304` keeps intervals computed for an older
 *   horizon).
 */

import type { Subscription } from 'rxjs'
import {
  type BusyInterval,
  type BusyTimes,
  busyIntervalsWithin,
  busyTimesFromRecords,
} from '../../../core/src/availability/busy-times'
import type { Member } from '../../../core/src/model/workspace'
import type { Clock } from '../app'
import type { AnyDoc, ServerDatabase } from '../database'
import type { ResolveAll } from './address-guard'
import { calendarFetch } from './calendar-fetch'
import { icsBusyIntervals } from './ics-busy'

export const DEFAULT_REFRESH_MS = 15 * 60_000
export const MAX_BACKOFF_MS = 6 * 60 * 60_000
export const DEFAULT_TIMEOUT_MS = 10_000
/** Largest calendar read (decompressed): a busy person's decade of events is ~2 MB. */
export const DEFAULT_MAX_BYTES = 5_000_000
export const HORIZON_PAST_DAYS = 1
export const HORIZON_FUTURE_DAYS = 400
/** Calendars read at once (each may wait up to the timeout). */
const CONCURRENCY = 4
const DAY_MS = 86_400_000

export interface BusyCalendarsOptions {
  /** `--allow-private-calendar-urls`. */
  readonly allowPrivate?: boolean
  readonly refreshMs?: number
  readonly timeoutMs?: number
  readonly maxBytes?: number
  /** Address resolution (tests); default: the system's. */
  readonly resolveAll?: ResolveAll
}

/** One calendar's status and last good copy, as stored (`busyCalendarStatusShape`). */
export interface CalendarStatus {
  readonly url: string
  readonly lastFetchedAt: string | null
  readonly lastSuccessAt: string | null
  readonly lastError: string | null
  readonly failures: number
  readonly events: number
  readonly intervals: readonly number[]
  readonly horizonFrom: string | null
  readonly horizonTo: string | null
  readonly etag: string | null
  readonly lastModified: string | null
}

interface MemberBusyDoc {
  readonly id: string
  readonly calendars: readonly CalendarStatus[]
}

function unread(url: string): CalendarStatus {
  return {
    url,
    lastFetchedAt: null,
    lastSuccessAt: null,
    lastError: null,
    failures: 0,
    events: 0,
    intervals: [],
    horizonFrom: null,
    horizonTo: null,
    etag: null,
    lastModified: null,
  }
}

/** When a calendar is next due (epoch ms): now for one never read. */
export function calendarDueAt(status: CalendarStatus, refreshMs: number): number {
  if (status.lastFetchedAt === null) return Number.NEGATIVE_INFINITY
  const wait =
    status.failures === 0
      ? refreshMs
      : Math.min(refreshMs * 2 ** (status.failures - 1), Math.max(refreshMs, MAX_BACKOFF_MS))
  return Date.parse(status.lastFetchedAt) + wait
}

const urlsOf = (member: Member | undefined): string[] => [
  ...new Set((member?.busyCalendars ?? []).map((calendar) => calendar.url)),
]

/** A tiny semaphore: at most `limit` readings at once. */
class Slots {
  private running = 0
  private readonly waiting: (() => void)[] = []
  constructor(private readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.running++
    try {
      return await task()
    } finally {
      this.running--
      this.waiting.shift()?.()
    }
  }
}

export class BusyCalendars {
  private readonly docs = new Map<string, MemberBusyDoc>()
  private cached: BusyTimes | null = null
  private readonly chains = new Map<string, Promise<void>>()
  private readonly subscriptions: Subscription[] = []
  private readonly slots = new Slots(CONCURRENCY)
  private readonly closing = new AbortController()
  private readonly refreshMs: number

  private constructor(
    private readonly db: ServerDatabase,
    private readonly members: () => readonly Member[],
    private readonly clock: Clock,
    private readonly options: BusyCalendarsOptions,
  ) {
    this.refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS
  }

  /**
   * Loads the stored busy times and follows the collection and the members: a member whose
   * addresses or zone change is read again at once (in the background), a removed member's busy
   * times are deleted.
   */
  static async open(
    db: ServerDatabase,
    members: () => readonly Member[],
    clock: Clock,
    options: BusyCalendarsOptions = {},
  ): Promise<BusyCalendars> {
    const service = new BusyCalendars(db, members, clock, options)
    service.subscriptions.push(
      db.memberbusy.$.subscribe((event) => {
        const doc = event.documentData as unknown as AnyDoc & { _deleted?: boolean }
        if (event.operation === 'DELETE' || doc._deleted) service.docs.delete(event.documentId)
        else service.docs.set(doc.id, doc as unknown as MemberBusyDoc)
        service.cached = null
      }),
    )
    for (const doc of await db.memberbusy.find().exec()) {
      const data = doc.toJSON() as unknown as MemberBusyDoc
      service.docs.set(data.id, data)
    }
    service.subscriptions.push(
      db.members.$.subscribe((event) => {
        // RxDB gives null (not undefined) as the previous state of an insert.
        const before = (event.previousDocumentData ?? undefined) as unknown as Member | undefined
        const after = event.documentData as unknown as Member & { _deleted?: boolean }
        const isGone = event.operation === 'DELETE' || after._deleted === true
        const urlsChanged = isGone || urlsOf(before).join('\n') !== urlsOf(after).join('\n')
        const zoneChanged = !isGone && before !== undefined && before.timeZone !== after.timeZone
        if (urlsChanged || zoneChanged) service.background(event.documentId, zoneChanged)
      }),
    )
    return service
  }

  /** Every member's busy time (the union of their calendars' last good copies), sorted, merged. */
  busy(): BusyTimes {
    this.cached ??= busyTimesFromRecords(this.docs.values())
    return this.cached
  }

  /** A member's busy intervals reaching into `[fromMs, toMs)`. */
  busyBetween(memberId: string, fromMs: number, toMs: number): readonly BusyInterval[] {
    const all = this.busy()
    return Object.hasOwn(all, memberId) ? busyIntervalsWithin(all[memberId]!, fromMs, toMs) : []
  }

  /** Each of the member's current calendar addresses with its status (unread ones included). */
  statusOf(memberId: string): readonly CalendarStatus[] {
    const member = this.members().find((candidate) => candidate.id === memberId)
    const stored = new Map((this.docs.get(memberId)?.calendars ?? []).map((c) => [c.url, c]))
    return urlsOf(member).map((url) => stored.get(url) ?? unread(url))
  }

  /** Reads the calendars that are due, of every member; resolves when they are read. */
  async tick(): Promise<void> {
    const now = this.clock.now()
    const due = this.members().filter((member) =>
      this.statusOf(member.id).some((status) => calendarDueAt(status, this.refreshMs) <= now),
    )
    await Promise.all(due.map((member) => this.refreshMember(member.id, { onlyDue: true })))
  }

  /**
   * Reads the member's calendars now (all of them, or with `onlyDue` those due), one reading of a
   * member at a time; resolves when the result is stored.
   */
  refreshMember(
    memberId: string,
    options: { readonly onlyDue?: boolean; readonly fresh?: boolean } = {},
  ): Promise<void> {
    const previous = this.chains.get(memberId) ?? Promise.resolve()
    const next = previous.then(() => this.read(memberId, options))
    const settled = next.catch(() => undefined)
    this.chains.set(memberId, settled)
    void settled.then(() => {
      if (this.chains.get(memberId) === settled) this.chains.delete(memberId)
    })
    return next
  }

  private background(memberId: string, fresh: boolean): void {
    if (this.closing.signal.aborted) return
    void this.refreshMember(memberId, { fresh }).catch(() => undefined)
  }

  private async read(
    memberId: string,
    options: { readonly onlyDue?: boolean; readonly fresh?: boolean },
  ): Promise<void> {
    if (this.closing.signal.aborted) return
    const member = this.members().find((candidate) => candidate.id === memberId)
    const stored = this.docs.get(memberId)
    if (member === undefined || urlsOf(member).length === 0) {
      if (stored !== undefined) await this.db.memberbusy.findOne(memberId).remove()
      return
    }
    const now = this.clock.now()
    const horizon = {
      fromMs: now - HORIZON_PAST_DAYS * DAY_MS,
      toMs: now + HORIZON_FUTURE_DAYS * DAY_MS,
    }
    const calendars = await Promise.all(
      this.statusOf(memberId).map((status) =>
        options.onlyDue && calendarDueAt(status, this.refreshMs) > now
          ? status
          : this.slots.run(() =>
              this.readOne(status, member.timeZone, horizon, now, options.fresh === true),
            ),
      ),
    )
    if (this.closing.signal.aborted) return
    // The addresses may have changed while reading: keep only those still listed.
    const listed = new Set(urlsOf(this.members().find((candidate) => candidate.id === memberId)))
    await this.db.memberbusy.upsert({
      id: memberId,
      calendars: calendars.filter((calendar) => listed.has(calendar.url)),
      updatedAt: new Date(this.clock.now()).toISOString(),
    } as unknown as AnyDoc)
  }

  private async readOne(
    status: CalendarStatus,
    memberZone: string,
    horizon: { readonly fromMs: number; readonly toMs: number },
    now: number,
    fresh: boolean,
  ): Promise<CalendarStatus> {
    const isRecent =
      !fresh && status.lastSuccessAt !== null && now - Date.parse(status.lastSuccessAt) < DAY_MS
    const fetched = await calendarFetch(status.url, {
      allowPrivate: this.options.allowPrivate === true,
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: this.options.maxBytes ?? DEFAULT_MAX_BYTES,
      etag: isRecent ? status.etag : null,
      lastModified: isRecent ? status.lastModified : null,
      signal: this.closing.signal,
      ...(this.options.resolveAll ? { resolveAll: this.options.resolveAll } : {}),
    })
    const at = new Date(this.clock.now()).toISOString()
    const failed = (message: string): CalendarStatus => ({
      ...status,
      lastFetchedAt: at,
      lastError: message,
      failures: status.failures + 1,
    })
    if (fetched.kind === 'failed') return failed(fetched.message)
    if (fetched.kind === 'not-modified') {
      return { ...status, lastFetchedAt: at, lastSuccessAt: at, lastError: null, failures: 0 }
    }
    const parsed = icsBusyIntervals(fetched.body, { memberZone, ...horizon })
    if (!parsed.ok) return failed(parsed.message)
    return {
      url: status.url,
      lastFetchedAt: at,
      lastSuccessAt: at,
      lastError: null,
      failures: 0,
      events: parsed.events,
      intervals: parsed.intervals.flat(),
      horizonFrom: new Date(horizon.fromMs).toISOString(),
      horizonTo: new Date(horizon.toMs).toISOString(),
      etag: fetched.etag,
      lastModified: fetched.lastModified,
    }
  }

  /** Stops following changes and abandons readings in flight; resolves when they have stopped. */
  async close(): Promise<void> {
    this.closing.abort()
    this.subscriptions.forEach((subscription) => subscription.unsubscribe())
    await Promise.all([...this.chains.values()])
  }
}
