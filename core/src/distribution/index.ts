/**
 * Distribution: reporting cycles, pool statistics derived from booking history, and the rankings
 * of the distribution methods (round robin, pooled, pooled with priority).
 */
export * from './booking-history'
export * from './cycle-bounds'
export * from './distribution-methods'
export * from './pool-eligible'
export * from './pool-ledger'
export * from './pool-ledger-merge'
export * from './pool-stats'
export * from './pooled-ranking'
export * from './round-robin-order'
