import type { MemberCannotTakeReason } from '../../../core/src/availability'

const REASON_TEXT: Readonly<Record<MemberCannotTakeReason, string>> = {
  inactive: 'inactive',
  'off-grid': 'not on the time grid',
  'too-soon': 'too soon',
  'too-far-ahead': 'too far ahead',
  'outside-hours': 'outside working hours',
  busy: 'busy',
  'busy-in-calendar': 'busy in their own calendar',
  'over-daily-limit': 'daily limit reached',
  'over-weekly-limit': 'weekly limit reached',
}

/** "busy, daily limit reached": why a member cannot take a booking, for people. */
export function reassignReasonsText(reasons: readonly MemberCannotTakeReason[]): string {
  return reasons.map((reason) => REASON_TEXT[reason]).join(', ')
}
