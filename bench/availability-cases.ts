/**
 * Availability benchmark group: Teamslot's generated team at 10, 100 and 1000 members —
 * (a) pooled union over every member with the members able to serve each slot, and
 * (b) a five-member all-must-attend panel. Each timed run starts from the workspace records
 * (builds the per-member indexes) and ends with the slots.
 */

import { availabilityIndexBuild } from '../core/src/availability/availability-index'
import { slotsForCollective } from '../core/src/availability/panel-slots'
import { slotsUnion } from '../core/src/availability/slot-union'
import { type BenchCase, benchRegisterGroup } from './registry'
import { generateTeam } from './team-generator'

const SIZES = [10, 100, 1000] as const

function pooledCase(size: number): BenchCase {
  return {
    name: 'pooled-union',
    size,
    prepare: () => {
      const team = generateTeam(size)
      return () => {
        const index = availabilityIndexBuild(team.state, { fromMs: team.fromMs, toMs: team.toMs })
        return slotsUnion(index, team.memberIds, team.eventType, team.nowMs).startsMs.length
      }
    },
  }
}

function panelCase(size: number): BenchCase {
  return {
    name: 'collective-panel-5',
    size,
    prepare: () => {
      const team = generateTeam(size)
      return () => {
        const index = availabilityIndexBuild(team.state, {
          fromMs: team.fromMs,
          toMs: team.toMs,
          memberIds: team.panelMemberIds,
        })
        return slotsForCollective(index, team.panelMemberIds, team.eventType, team.nowMs).length
      }
    },
  }
}

benchRegisterGroup({
  name: 'availability',
  cases: () => SIZES.flatMap((size) => [pooledCase(size), panelCase(size)]),
})
