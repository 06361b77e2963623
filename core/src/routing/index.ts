/**
 * Routing: master page rules (static, dynamic with conditions, customer choice) and the booking-form
 * answers they route on. No availability here.
 */
export * from './answers-validate'
export * from './condition-matches'
export * from './rule-resolve'
