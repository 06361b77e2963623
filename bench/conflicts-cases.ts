/**
 * Conflicts benchmark group, on the generated team (~3 bookings per member per working day, now =
 * 2027-03-01T06:00Z): core's `hostsOutsideHours`, what the desktop's Conflicts view runs on every
 * workspace change and once a minute ("Booked outside their hours"). Size = members; the count
 * returned is the bookings found outside their member's hours.
 * - `outside-hours-warm`: the same records asked again a minute later (its answers remembered per
 *   member and booking record: what the minute tick and an unrelated change cost);
 * - `outside-hours-cold`: every member record new (as after opening the app): all checked again.
 */

import { hostsOutsideHours } from '../core/src/booking/reassign'
import type { Workspace } from '../core/src/model/workspace'
import { type BenchCase, benchRegisterGroup } from './registry'
import { generateTeam, TEAM_NOW } from './team-generator'

const SIZES = [100, 1000]

function workspaceOf(size: number): Workspace {
  const team = generateTeam(size)
  return {
    version: 1,
    timeZone: 'UTC',
    members: team.state.members,
    eventTypes: team.state.eventTypes,
    bookings: team.state.bookings,
    bookingPages: [],
    pools: [],
    panels: [],
    masterPages: [],
  }
}

function cases(): readonly BenchCase[] {
  const nowMs = Date.parse(TEAM_NOW)
  return SIZES.flatMap((size): BenchCase[] => [
    {
      name: 'outside-hours-warm',
      size,
      prepare: () => {
        const ws = workspaceOf(size)
        hostsOutsideHours(ws, nowMs)
        let minute = 0
        return () => hostsOutsideHours(ws, nowMs + ++minute * 60_000).length
      },
    },
    {
      name: 'outside-hours-cold',
      size,
      prepare: () => {
        const ws = workspaceOf(size)
        return () =>
          hostsOutsideHours({ ...ws, members: ws.members.map((m) => ({ ...m })) }, nowMs).length
      },
    },
  ])
}

benchRegisterGroup({ name: 'conflicts', cases })
