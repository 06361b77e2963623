import { describe, expect, it } from 'vitest'
import {
  ACTIONS,
  ROLES,
  roleAllows,
  roleHelpText,
  roleRefusalText,
  roleRefusedAction,
} from './roles'
import type { Action, Role } from './roles'

/** api.md "People and roles", written out by hand: what each role may do. */
const EXPECTED: Readonly<Record<Role, readonly Action[]>> = {
  viewer: ['read'],
  scheduler: [
    'read',
    'book',
    'cancel',
    'reschedule',
    'no-show',
    'resolve-conflict',
    'edit-booking',
    'resend',
  ],
  manager: [
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
  ],
  owner: [...ACTIONS],
}

describe('roleAllows', () => {
  it.each(ROLES.flatMap((role) => ACTIONS.map((action) => [role, action] as const)))(
    '%s may %s exactly when api.md says so',
    (role, action) => {
      expect(roleAllows(role, action)).toBe(EXPECTED[role].includes(action))
    },
  )

  it('nests the roles: each may do what the ones before it may', () => {
    for (let i = 1; i < ROLES.length; i++) {
      for (const action of ACTIONS) {
        if (roleAllows(ROLES[i - 1]!, action)) expect(roleAllows(ROLES[i]!, action)).toBe(true)
      }
    }
  })
})

describe('roleRefusedAction', () => {
  it('names the first action the role may not do, or null', () => {
    expect(roleRefusedAction('scheduler', ['cancel', 'reassign', 'setup'])).toBe('reassign')
    expect(roleRefusedAction('manager', ['cancel', 'reassign'])).toBeNull()
    expect(roleRefusedAction('viewer', [])).toBeNull()
  })
})

describe('roleRefusalText', () => {
  it('says the refusal in plain words', () => {
    expect(roleRefusalText('viewer', 'setup')).toBe('a viewer may not change setup')
    expect(roleRefusalText('owner', 'read')).toBe('an owner may not read the workspace')
  })
})

describe('roleHelpText', () => {
  it('names the roles that may, least first', () => {
    expect(roleHelpText('webhooks')).toBe('An owner can do this, or give you a role that may.')
    expect(roleHelpText('setup')).toBe(
      'A manager or an owner can do this, or give you a role that may.',
    )
    expect(roleHelpText('book')).toBe(
      'A scheduler, a manager or an owner can do this, or give you a role that may.',
    )
  })
})
