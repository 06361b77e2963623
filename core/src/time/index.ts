/**
 * Time: the one module that converts wall-clock rules (local date + `"HH:mm"` in an IANA zone)
 * to UTC instants and back. Instants are epoch ms (epoch minutes in the integer kernels).
 */

export * from './instant'
export * from './local-date'
export * from './wall-clock'
export * from './zone'
export * from './zone-convert'
