/**
 * The workspace records, exactly as the v1 workspace JSON (`../shared/docs/api.md`) spells them.
 * Each type is derived from its one declaration in `../schema/records.ts` (the same declaration
 * gives the runtime parse and the RxDB schema), so the three can never disagree.
 *
 * Conventions used by every record:
 * - instants are ISO-8601 UTC strings (`2027-03-15T09:00:00.000Z`);
 * - wall-clock times are `"HH:mm"` in the owning member's IANA zone; `"24:00"` may end a range;
 * - dates are `"YYYY-MM-DD"` local to the member;
 * - ids pass `idIsValid` (replication checkpoints are not URL-encoded by rxdb-server).
 */

import type {
  assignmentShape,
  bookingPageShape,
  bookingShape,
  conditionShape,
  customerShape,
  dateOverrideShape,
  dynamicRuleShape,
  eventTypeShape,
  historyEntryShape,
  masterPageShape,
  memberShape,
  panelSeatShape,
  panelShape,
  poolMemberShape,
  poolShape,
  questionShape,
  settingsShape,
  supersededVersionShape,
  targetShape,
  weeklyHoursShape,
  workspaceShape,
} from '../schema/records'
import type {
  BOOKING_STATUSES,
  CONDITION_OPS,
  CREATED_VIA,
  CUSTOMER_CHOICE_FLOWS,
  DISTRIBUTIONS,
  HISTORY_ACTIONS,
  QUESTION_TYPES,
  REPORTING_CYCLES,
  WEEKDAYS,
} from '../schema/records'
import type { ShapeType } from '../schema/shape'

export { ID_PATTERN, WEEKDAYS, idIsValid } from '../schema/records'

export type Weekday = (typeof WEEKDAYS)[number]
/** A local wall-clock range `[start, end)`, e.g. `["09:00", "17:00"]`. */
export type LocalRange = readonly [start: string, end: string]
export type WeeklyHours = ShapeType<typeof weeklyHoursShape>
export type DateOverride = ShapeType<typeof dateOverrideShape>
export type Member = ShapeType<typeof memberShape>
export type QuestionType = (typeof QUESTION_TYPES)[number]
export type Question = ShapeType<typeof questionShape>
export type EventType = ShapeType<typeof eventTypeShape>
export type BookingPage = ShapeType<typeof bookingPageShape>
export type Distribution = (typeof DISTRIBUTIONS)[number]
export type ReportingCycle = (typeof REPORTING_CYCLES)[number]
export type PoolMember = ShapeType<typeof poolMemberShape>
export type Pool = ShapeType<typeof poolShape>
/** A panel seat: a specific member, or a pool that supplies one member. */
export type PanelSeat = ShapeType<typeof panelSeatShape>
export type Panel = ShapeType<typeof panelShape>
export type Target = ShapeType<typeof targetShape>
export type ConditionOp = (typeof CONDITION_OPS)[number]
export type Condition = ShapeType<typeof conditionShape>
export type DynamicRule = ShapeType<typeof dynamicRuleShape>
export type CustomerChoiceFlow = (typeof CUSTOMER_CHOICE_FLOWS)[number]
export type Assignment = ShapeType<typeof assignmentShape>
export type MasterPage = ShapeType<typeof masterPageShape>
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
export type CreatedVia = (typeof CREATED_VIA)[number]
export type Customer = ShapeType<typeof customerShape>
export type HistoryAction = (typeof HISTORY_ACTIONS)[number]
export type SupersededVersion = ShapeType<typeof supersededVersionShape>
export type HistoryEntry = ShapeType<typeof historyEntryShape>
export type Booking = ShapeType<typeof bookingShape>
export type WorkspaceSettings = ShapeType<typeof settingsShape>
export type Workspace = ShapeType<typeof workspaceShape>

/** An empty v1 workspace. */
export function workspaceEmpty(): Workspace {
  return {
    version: 1,
    members: [],
    eventTypes: [],
    bookingPages: [],
    pools: [],
    panels: [],
    masterPages: [],
    bookings: [],
  }
}
