/**
 * People and roles (api.md v1.1 "People and roles"): the one table that decides what each role
 * may do. The server's route guards, its replication push check and the desktop's hiding of
 * what a role cannot do all ask {@link roleAllows}; nothing else decides.
 *
 * Roles are nested: each may do everything the roles before it in {@link ROLES} may do.
 */

import { sentenceStart } from '../text/sentence'

/** Every role, least to most. */
export const ROLES = ['viewer', 'scheduler', 'manager', 'owner'] as const
export type Role = (typeof ROLES)[number]

/**
 * The id the sync server's admin token signs in as: the owner key, not a stored person (it cannot
 * be removed, and the activity log names it "Owner").
 */
export const BOOTSTRAP_OWNER_ID = 'owner'

/** True when `value` names a role. */
export function roleIsValid(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Everything a person may ask of the server, in the words the table below uses. */
export const ACTIONS = [
  'read',
  'book',
  'cancel',
  'reschedule',
  'no-show',
  'resolve-conflict',
  'edit-booking',
  'resend',
  'reassign',
  'setup',
  'audit',
  'people',
  'webhooks',
  'workspace-import',
] as const
export type Action = (typeof ACTIONS)[number]

/**
 * The least role that may do each action. A `Record` over every action, so a new action does not
 * compile until someone decides who may do it.
 */
export const ACTION_LEAST_ROLE: Readonly<Record<Action, Role>> = {
  read: 'viewer',
  // The desk's work on bookings: on a customer's behalf, and conflicts about bookings.
  book: 'scheduler',
  cancel: 'scheduler',
  reschedule: 'scheduler',
  'no-show': 'scheduler',
  'resolve-conflict': 'scheduler',
  'edit-booking': 'scheduler',
  resend: 'scheduler',
  // Distribution and setup (members, event types, pages, pools, panels, settings, feeds).
  reassign: 'manager',
  setup: 'manager',
  audit: 'manager',
  // The workspace itself.
  people: 'owner',
  webhooks: 'owner',
  'workspace-import': 'owner',
}

/** What each action is, in plain words, for refusals ("a viewer may not change setup"). */
export const ACTION_TEXT: Readonly<Record<Action, string>> = {
  read: 'read the workspace',
  book: 'book on a customer’s behalf',
  cancel: 'cancel bookings',
  reschedule: 'reschedule bookings',
  'no-show': 'mark no-shows',
  'resolve-conflict': 'resolve conflicts',
  'edit-booking': 'change bookings',
  resend: 'send messages again',
  reassign: 'reassign bookings',
  setup: 'change setup',
  audit: 'see the activity log',
  people: 'manage people',
  webhooks: 'manage webhooks',
  'workspace-import': 'replace the workspace',
}

/** What each role is for, in one line (the people screen and the sign-in screen show it). */
export const ROLE_TEXT: Readonly<Record<Role, string>> = {
  viewer: 'sees everything, changes nothing',
  scheduler: 'books, cancels, reschedules and marks no-shows',
  manager: 'also reassigns and changes setup',
  owner: 'also manages people, webhooks and the workspace import',
}

/** Rank of a role in {@link ROLES} (0 = viewer). */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role)
}

/** True when `role` may do `action` ({@link ACTION_LEAST_ROLE}). */
export function roleAllows(role: Role, action: Action): boolean {
  return roleRank(role) >= roleRank(ACTION_LEAST_ROLE[action])
}

/** The first of `actions` that `role` may not do, or null when it may do them all. */
export function roleRefusedAction(role: Role, actions: readonly Action[]): Action | null {
  return actions.find((action) => !roleAllows(role, action)) ?? null
}

/** "a viewer", "an owner". */
function roleWithArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`
}

/** "a viewer may not change setup": the refusal in plain words. */
export function roleRefusalText(role: Role, action: Action): string {
  return `${roleWithArticle(role)} may not ${ACTION_TEXT[action]}`
}

/**
 * Who can help when `action` is refused: "An owner can do this, or give you a role that may." /
 * "A manager or an owner can …" (the roles that may, least first).
 */
export function roleHelpText(action: Action): string {
  const may = ROLES.filter((role) => roleAllows(role, action)).map(roleWithArticle)
  const who =
    may.length <= 1 ? (may[0] ?? 'an owner') : `${may.slice(0, -1).join(', ')} or ${may.at(-1)}`
  return `${sentenceStart(who)} can do this, or give you a role that may.`
}
