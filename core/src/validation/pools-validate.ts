/**
 * Resource pool records.
 */

import type { Pool } from '../model/workspace'
import { instantMs } from './value-formats'
import type { WorkspaceLookup } from './workspace-lookup'
import type { WorkspaceProblem } from './workspace-problem'
import { isIntegerIn, problemsForRepeats, unknownMessage } from './workspace-problem'

/** Priority levels run from 1 (highest) to this (the workspace schema's range). */
export const MAX_POOL_PRIORITY = 10

/**
 * Problems with each pool, at `pools.${index}…`: at least one member; every member exists and is
 * listed once; priorities are whole numbers from 1 to {@link MAX_POOL_PRIORITY}; `addedAt`, when
 * set, is an ISO UTC instant; `automaticCorrection` is a boolean.
 */
export function poolsValidate(pools: readonly Pool[], lookup: WorkspaceLookup): WorkspaceProblem[] {
  return pools.flatMap((pool, index) => {
    const path = `pools.${index}`
    const problems: WorkspaceProblem[] = []
    if (pool.members.length === 0) {
      problems.push({ path: `${path}.members`, message: 'a pool needs at least one member' })
    }
    pool.members.forEach((entry, m) => {
      const at = `${path}.members.${m}`
      if (!lookup.members.has(entry.memberId)) {
        problems.push({ path: `${at}.memberId`, message: unknownMessage('member', entry.memberId) })
      }
      if (!isIntegerIn(entry.priority, 1, MAX_POOL_PRIORITY)) {
        const message = `a priority is a whole number from 1 (highest) to ${MAX_POOL_PRIORITY}`
        problems.push({ path: `${at}.priority`, message })
      }
      if (entry.addedAt != null && instantMs(entry.addedAt) === null) {
        problems.push({ path: `${at}.addedAt`, message: 'expected an ISO-8601 UTC instant' })
      }
    })
    const ids = pool.members.map((m) => m.memberId)
    problems.push(...problemsForRepeats(ids, `${path}.members`, '.memberId', 'member'))
    if (typeof pool.automaticCorrection !== 'boolean') {
      problems.push({ path: `${path}.automaticCorrection`, message: 'expected true or false' })
    }
    return problems
  })
}
