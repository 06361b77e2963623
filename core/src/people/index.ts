/**
 * People and roles: who may do what (`roles.ts`) and what a write to a record does in those terms
 * (`record-change.ts`). Pure.
 */

export * from './record-change'
export * from './roles'
