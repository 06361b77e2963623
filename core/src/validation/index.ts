/**
 * Validation: semantic checks of a workspace (after its JSON shape is known to be right) and the
 * reference queries that guard deletions.
 */
export * from './booking-pages-validate'
export * from './bookings-validate'
export * from './deletion-check'
export * from './event-types-validate'
export * from './hours-validate'
export * from './master-pages-validate'
export * from './members-validate'
export * from './panels-validate'
export * from './pools-validate'
export * from './value-formats'
export * from './workspace-lookup'
export * from './workspace-problem'
export * from './workspace-references'
export * from './workspace-validate'
export * from './record-validate'
