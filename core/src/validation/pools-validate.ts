/**
 * Resource pool records.
 */

import type { Pool } from '../model/workspace'
import type { WorkspaceLookup } from './workspace-lookup'
import type { WorkspaceProblem } from './workspace-problem'
import { problemsForRepeats, unknownMessage } from './workspace-problem'

export { MAX_POOL_PRIORITY } from '../schema/records'

/**
 * Problems with each pool, at `pools.${index}…`: every member exists and is listed once
 * (priorities, `addedAt` and the non-empty member list are the pool shape's).
 */
export function poolsValidate(pools: readonly Pool[], lookup: WorkspaceLookup): WorkspaceProblem[] {
  return pools.flatMap((pool, index) => {
    const path = `pools.${index}`
    const problems: WorkspaceProblem[] = []
    pool.members.forEach((entry, m) => {
      const at = `${path}.members.${m}`
      if (!lookup.members.has(entry.memberId)) {
        problems.push({ path: `${at}.memberId`, message: unknownMessage('member', entry.memberId) })
      }
    })
    const ids = pool.members.map((m) => m.memberId)
    problems.push(...problemsForRepeats(ids, `${path}.members`, '.memberId', 'member'))
    return problems
  })
}
