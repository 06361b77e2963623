/**
 * Team member records.
 */

import type { Member } from '../model/workspace'
import { WEEKDAYS } from '../model/workspace'
import { dateOverridesValidate, hoursValidate } from './hours-validate'
import type { WorkspaceProblem } from './workspace-problem'

/**
 * Problems with each member's hours, at `members.${index}…`: weekly hours and date overrides as
 * `hoursValidate` and `dateOverridesValidate` check them. Formats, zones and workload caps are the
 * member shape's (`../schema/records.ts`); duplicate ids are `workspaceValidate`'s concern.
 */
export function membersValidate(members: readonly Member[]): WorkspaceProblem[] {
  return members.flatMap((member, index) => {
    const path = `members.${index}`
    const problems: WorkspaceProblem[] = []
    for (const day of WEEKDAYS) {
      problems.push(...hoursValidate(member.weeklyHours[day] ?? [], `${path}.weeklyHours.${day}`))
    }
    problems.push(...dateOverridesValidate(member.dateOverrides, `${path}.dateOverrides`))
    return problems
  })
}
