import type {
  Booking,
  BookingStatus,
  HistoryEntry,
  Workspace,
} from '../../../core/src/model/workspace'
import { fixtureWorkspace } from './fixtures'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS
const iso = (ms: number) => new Date(ms).toISOString()

/** The round-robin pool's members, who host the generated bookings in turn. */
const HOSTS = ['m-ben', 'm-cai', 'm-dee'] as const

export interface HistoryBookingOptions {
  /** `pool` (round robin, the default), `panel` (Ana + a pooled seat) or `none` (Ana's page). */
  readonly via?: 'pool' | 'panel' | 'none'
  /** Which pool member hosts it (index into Ben, Cai, Dee). */
  readonly host?: number
  readonly status?: BookingStatus
}

/**
 * A valid 30-minute booking of the fixture workspace starting at `startMs`, with the history the
 * server's decisions would have written: created three days before, then (by `status`)
 * completed at its end, cancelled a day before, or a no-show marked an hour after it ended.
 */
export function historyBooking(
  id: string,
  startMs: number,
  options: HistoryBookingOptions = {},
): Booking {
  const via = options.via ?? 'pool'
  const status = options.status ?? 'completed'
  const host = HOSTS[(options.host ?? 0) % HOSTS.length]!
  const endMs = startMs + 30 * MINUTE_MS
  const history: HistoryEntry[] = [
    { at: iso(startMs - 3 * DAY_MS), action: 'created', by: 'customer' },
  ]
  if (status === 'completed') history.push({ at: iso(endMs), action: 'completed', by: 'system' })
  if (status === 'cancelled')
    history.push({ at: iso(startMs - DAY_MS), action: 'cancelled', by: 'customer' })
  if (status === 'no-show') {
    history.push({ at: iso(endMs), action: 'completed', by: 'system' })
    history.push({ at: iso(endMs + HOUR_MS), action: 'no-show', by: 'Ana' })
  }
  return {
    id,
    eventTypeId: 'et-call',
    masterPageId: via === 'pool' ? 'mp-rr' : via === 'panel' ? 'mp-panel' : 'mp-solo',
    start: iso(startMs),
    end: iso(endMs),
    hostMemberIds: via === 'panel' ? ['m-ana', host] : via === 'pool' ? [host] : ['m-ana'],
    poolId: via === 'pool' ? 'pool-rr' : null,
    panelId: via === 'panel' ? 'panel-duo' : null,
    status,
    customer: { name: `Customer ${id}`, email: `${id}@example.org`, timeZone: 'UTC' },
    answers: {},
    createdVia: 'public',
    history,
  }
}

/**
 * `count` bookings starting every `stepHours` hours from `fromMs` (hosts, ways in and statuses
 * rotating; all scheduled when `isFuture`), ids `${prefix}-0…`: no two overlap.
 */
export function historyBookings(
  prefix: string,
  fromMs: number,
  count: number,
  options: { readonly stepHours?: number; readonly isFuture?: boolean } = {},
): Booking[] {
  const statuses: BookingStatus[] = options.isFuture
    ? ['scheduled', 'scheduled', 'cancelled', 'scheduled']
    : ['completed', 'completed', 'cancelled', 'no-show']
  const ways = ['pool', 'pool', 'panel', 'none'] as const
  const stepMs = (options.stepHours ?? 7) * HOUR_MS
  return Array.from({ length: count }, (_, i) =>
    historyBooking(`${prefix}-${i}`, fromMs + i * stepMs, {
      via: ways[i % ways.length],
      host: i,
      status: statuses[(i >> 2) % statuses.length],
    }),
  )
}

/** The fixture workspace with `bookings`. */
export function historyWorkspace(bookings: readonly Booking[]): Workspace {
  return { ...fixtureWorkspace(), bookings: [...bookings] }
}
