/**
 * Booking-decision benchmark group, on the generated team (its members, hours and ~3 bookings per
 * member per working day; now = 2027-03-01T06:00Z):
 * - `panel-3-pools` (size 150 = seat candidates): page availability over 30 days for a 3-seat
 *   panel whose seats are three overlapping pools of 50 members each (members 0–49, 25–74,
 *   50–99; pooled, pooled with priority, round robin);
 * - `dynamic-20-rules` (size 100 = pool members): page availability over 30 days on a dynamic
 *   master page with 20 rules routing into pools of 100 members, for answers matching the last;
 * - `sequential-bookings` (size 1000 = decisions): 1,000 `bookingDecide` calls in a row on a
 *   pooled 100-member page, each stored before the next (the state grows); the timed run is all
 *   1,000, so ms per decision = median / 1000.
 * Each timed run starts from the workspace records; the count returned is slots (or bookings made).
 */

import { bookingDecide } from '../core/src/booking/booking-decide'
import { pageAvailability } from '../core/src/booking/page-availability'
import type {
  Booking,
  DynamicRule,
  EventType,
  MasterPage,
  Pool,
  Workspace,
} from '../core/src/model/workspace'
import { MS_PER_DAY } from '../core/src/time/instant'
import { type BenchCase, benchRegisterGroup } from './registry'
import { type GeneratedTeam, generateTeam } from './team-generator'

const DAYS = 30
const RULES = 20
const DECISIONS = 1000

function poolOf(
  id: string,
  distribution: Pool['distribution'],
  memberIds: readonly string[],
): Pool {
  return {
    id,
    name: id,
    distribution,
    // Priorities 1–3 in turn, so pooled-priority has levels to rank.
    members: memberIds.map((memberId, i) => ({ memberId, priority: 1 + (i % 3) })),
    reportingCycle: 'monthly',
    automaticCorrection: true,
  }
}

function workspaceOf(
  team: GeneratedTeam,
  eventType: EventType,
  fields: Partial<Workspace>,
): Workspace {
  return {
    version: 1,
    timeZone: 'UTC',
    members: team.state.members,
    eventTypes: [eventType],
    bookings: team.state.bookings,
    bookingPages: [],
    pools: [],
    panels: [],
    masterPages: [],
    ...fields,
  }
}

function panelCase(): BenchCase {
  return {
    name: 'panel-3-pools',
    size: 150,
    prepare: () => {
      const team = generateTeam(100)
      const ids = team.memberIds
      const state = workspaceOf(team, team.eventType, {
        pools: [
          poolOf('pool-a', 'pooled', ids.slice(0, 50)),
          poolOf('pool-b', 'pooled-priority', ids.slice(25, 75)),
          poolOf('pool-c', 'round-robin', ids.slice(50, 100)),
        ],
        panels: [
          {
            id: 'panel',
            name: 'Panel',
            seats: [{ poolId: 'pool-a' }, { poolId: 'pool-b' }, { poolId: 'pool-c' }],
          },
        ],
        masterPages: [
          page('mp-panel', [team.eventType.id], { type: 'static', target: { panelId: 'panel' } }),
        ],
      })
      const query = {
        masterPageId: 'mp-panel',
        eventTypeId: team.eventType.id,
        fromMs: team.fromMs,
        toMs: team.fromMs + DAYS * MS_PER_DAY,
      }
      return () => slotsCount(pageAvailability(state, query, team.nowMs))
    },
  }
}

function page(
  id: string,
  eventTypeIds: readonly string[],
  assignment: MasterPage['assignment'],
): MasterPage {
  return { id, slug: id, title: id, eventTypeIds, assignment }
}

function slotsCount(result: ReturnType<typeof pageAvailability>): number {
  if (!result.ok) throw new Error(`${result.reason}: ${result.message}`)
  return result.slots.length
}

function dynamicCase(): BenchCase {
  return {
    name: 'dynamic-20-rules',
    size: 100,
    prepare: () => {
      const team = generateTeam(100)
      const regions = Array.from({ length: RULES }, (_, i) => `R${i + 1}`)
      const eventType: EventType = {
        ...team.eventType,
        questions: [
          { id: 'region', label: 'Region', type: 'select', options: regions, required: true },
        ],
      }
      const methods: readonly Pool['distribution'][] = ['round-robin', 'pooled', 'pooled-priority']
      const pools = regions.map((region, i) =>
        poolOf(`pool-${region}`, methods[i % 3]!, team.memberIds),
      )
      const rules: DynamicRule[] = regions.map((region) => ({
        eventTypeId: eventType.id,
        when: [{ questionId: 'region', op: 'equals', value: region }],
        target: { poolId: `pool-${region}` },
      }))
      const state = workspaceOf(team, eventType, {
        pools,
        masterPages: [
          page('mp-dyn', [eventType.id], {
            type: 'dynamic',
            rules,
            fallback: { poolId: 'pool-R1' },
          }),
        ],
      })
      const query = {
        masterPageId: 'mp-dyn',
        eventTypeId: eventType.id,
        fromMs: team.fromMs,
        toMs: team.fromMs + DAYS * MS_PER_DAY,
        answers: { region: regions.at(-1)! },
      }
      return () => slotsCount(pageAvailability(state, query, team.nowMs))
    },
  }
}

function sequentialCase(): BenchCase {
  return {
    name: 'sequential-bookings',
    size: DECISIONS,
    prepare: () => {
      const team = generateTeam(100)
      const state = workspaceOf(team, team.eventType, {
        pools: [poolOf('pool', 'pooled', team.memberIds)],
        masterPages: [
          page('mp-pool', [team.eventType.id], { type: 'static', target: { poolId: 'pool' } }),
        ],
      })
      const shown = pageAvailability(
        state,
        {
          masterPageId: 'mp-pool',
          eventTypeId: team.eventType.id,
          fromMs: team.fromMs,
          toMs: team.fromMs + DAYS * MS_PER_DAY,
        },
        team.nowMs,
      )
      const starts = shown.ok ? shown.slots.map((slot) => Date.parse(slot.start)) : []
      if (starts.length === 0) throw new Error('No slots to book')
      const customer = { name: 'Lee', email: 'lee@example.org', timeZone: 'UTC' }
      return () => {
        let bookings: readonly Booking[] = state.bookings
        let made = 0
        for (let i = 0; i < DECISIONS; i++) {
          // Walk the shown starts with a stride, so consecutive bookings compete for some members.
          const startMs = starts[(i * 7) % starts.length]!
          const decision = bookingDecide(
            { ...state, bookings },
            {
              masterPageId: 'mp-pool',
              eventTypeId: team.eventType.id,
              startMs,
              customer,
              answers: {},
              createdVia: 'public',
              by: 'customer',
            },
            { nowMs: team.nowMs + i * 1000, bookingId: `bk-bench-${i}` },
          )
          if (decision.ok) {
            bookings = [...bookings, decision.booking]
            made++
          }
        }
        return made
      }
    },
  }
}

benchRegisterGroup({
  name: 'decisions',
  cases: () => [panelCase(), dynamicCase(), sequentialCase()],
})
