/**
 * Availability: members' free time and bookable slots, single, pooled and panel. All instants are
 * UTC epoch ms at this surface; every interval is half-open `[start, end)`.
 */

export * from './availability-index'
export { BUSY_STATUSES, bookingIsBusy } from './busy'
export * from './busy-times'
export * from './free-time'
export * from './intervals'
export * from './member-can-take'
export * from './panel-matching'
export * from './panel-slots'
export { slotGridContains } from './slot-grid'
export * from './slot-rules'
export * from './slot-union'
export * from './slots'
export * from './working-hours'
export * from './workload'
