/**
 * Team member records.
 */

import type { Member } from '../model/workspace'
import { WEEKDAYS } from '../model/workspace'
import { dateOverridesValidate, hoursValidate } from './hours-validate'
import { zoneIsKnown } from './value-formats'
import type { WorkspaceProblem } from './workspace-problem'
import { isIntegerIn } from './workspace-problem'

/** Workload caps above this are surely typos: more than one booking per minute of a week. */
const MAX_WORKLOAD_CAP = 7 * 24 * 60

/**
 * Problems with each member, at `members.${index}…`: the time zone is a known IANA zone; weekly
 * hours and date overrides as `hoursValidate` and `dateOverridesValidate` check them; workload caps,
 * when set, are integers from 1 to {@link MAX_WORKLOAD_CAP}; `active` is a boolean. Duplicate ids
 * are `workspaceValidate`'s concern.
 */
export function membersValidate(members: readonly Member[]): WorkspaceProblem[] {
  return members.flatMap((member, index) => {
    const path = `members.${index}`
    const problems: WorkspaceProblem[] = []
    if (!zoneIsKnown(member.timeZone)) {
      const message = `unknown IANA time zone ${JSON.stringify(member.timeZone)}`
      problems.push({ path: `${path}.timeZone`, message })
    }
    for (const day of WEEKDAYS) {
      problems.push(...hoursValidate(member.weeklyHours[day] ?? [], `${path}.weeklyHours.${day}`))
    }
    problems.push(...dateOverridesValidate(member.dateOverrides, `${path}.dateOverrides`))
    for (const field of ['maxBookingsPerDay', 'maxBookingsPerWeek'] as const) {
      const cap = member[field]
      if (cap !== undefined && cap !== null && !isIntegerIn(cap, 1, MAX_WORKLOAD_CAP)) {
        const message = `a workload cap is a whole number from 1 to ${MAX_WORKLOAD_CAP}`
        problems.push({ path: `${path}.${field}`, message })
      }
    }
    if (typeof member.active !== 'boolean') {
      problems.push({ path: `${path}.active`, message: 'expected true or false' })
    }
    return problems
  })
}
