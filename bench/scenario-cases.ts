/**
 * Cases for a shared `peer-bench-scenario/v1` file: pooled union over `roundRobin.memberIds` and
 * all-must-attend over `collective.memberIds`, each from records to slots.
 */

import { readFileSync } from 'node:fs'
import { availabilityIndexBuild } from '../core/src/availability/availability-index'
import { slotsForCollective } from '../core/src/availability/panel-slots'
import { slotsUnion } from '../core/src/availability/slot-union'
import type { BenchCase } from './registry'
import { type AdaptedScenario, scenarioAdapt } from './scenario-adapter'

/** Reads and adapts a scenario file. Throws when it cannot be read or is another format. */
export function scenarioLoad(file: string): AdaptedScenario {
  return scenarioAdapt(JSON.parse(readFileSync(file, 'utf8')))
}

/** The two scenario cases; the size is the member count of each computation. */
export function scenarioCases(file: string): readonly BenchCase[] {
  const size = (ids: readonly string[]): number => ids.length
  const loaded = scenarioLoad(file)
  return [
    {
      name: 'scenario-pooled-union',
      size: size(loaded.poolMemberIds),
      prepare: () => {
        const s = scenarioLoad(file)
        return () => {
          const index = availabilityIndexBuild(s.state, {
            fromMs: s.fromMs,
            toMs: s.toMs,
            memberIds: s.poolMemberIds,
          })
          return slotsUnion(index, s.poolMemberIds, s.eventType, s.nowMs).startsMs.length
        }
      },
    },
    {
      name: 'scenario-collective',
      size: size(loaded.collectiveMemberIds),
      prepare: () => {
        const s = scenarioLoad(file)
        return () => {
          const index = availabilityIndexBuild(s.state, {
            fromMs: s.fromMs,
            toMs: s.toMs,
            memberIds: s.collectiveMemberIds,
          })
          return slotsForCollective(index, s.collectiveMemberIds, s.eventType, s.nowMs).length
        }
      },
    },
  ]
}
