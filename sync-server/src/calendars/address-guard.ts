/**
 * SSRF guard for members' calendar addresses (issue 11): the server fetches addresses that admins
 * type, so it must not be turned into a way to reach the machine itself or the network behind
 * it. Without `--allow-private-calendar-urls` an address may only resolve to public unicast
 * addresses; loopback, private (RFC 1918), shared (CGNAT), link-local, unique-local, multicast,
 * unspecified, documentation and benchmarking ranges are refused, also when embedded in an IPv6
 * address (`::ffff:127.0.0.1`, NAT64, 6to4).
 *
 * DNS rebinding: the check happens inside the connection's own `lookup` (see
 * {@link guardedLookup}), so the address that was checked is the address connected to — a second
 * resolution that answers differently is never made.
 */

import { lookup as dnsLookup } from 'node:dns'
import type { LookupAddress, LookupAllOptions } from 'node:dns'
import { BlockList, isIP } from 'node:net'

const BLOCKED = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (CGNAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6')
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or null. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase()
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  if (dotted) return dotted[1] ?? null
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower)
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(lower)
  const parts = hex ?? sixToFour
  if (!parts) return null
  const high = Number.parseInt(parts[1] ?? '0', 16)
  const low = Number.parseInt(parts[2] ?? '0', 16)
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`
}

/**
 * True when `address` (an IP literal, v4 or v6) is one the server may fetch from without
 * `--allow-private-calendar-urls`. A string that is not an IP address is not public.
 */
export function addressIsPublic(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(bare)
  if (family === 4) return !BLOCKED.check(bare, 'ipv4')
  if (family !== 6) return false
  const inner = embeddedIpv4(bare)
  if (inner !== null && BLOCKED.check(inner, 'ipv4')) return false
  return !BLOCKED.check(bare, 'ipv6')
}

/** Thrown (as the connection's error) when an address is refused; `code` tells it apart. */
export class PrivateAddressError extends Error {
  readonly code = 'ERR_PRIVATE_ADDRESS'
  constructor(readonly host: string) {
    super(`${host} points to a private or local network address`)
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/** A `dns.lookup`-compatible resolver of every address of a host (tests inject one). */
export type ResolveAll = (host: string) => Promise<readonly LookupAddress[]>

/** The system resolver (`dns.lookup` with `all: true`, as connections do). */
export const systemResolveAll: ResolveAll = (host) =>
  new Promise((resolve, reject) => {
    const options: LookupAllOptions = { all: true }
    dnsLookup(host, options, (error, addresses) => (error ? reject(error) : resolve(addresses)))
  })

/** Which addresses may be connected to: every one with the flag, else public ones. */
export function addressPolicy(allowPrivate: boolean): (address: string) => boolean {
  return allowPrivate ? () => true : addressIsPublic
}

/**
 * A `lookup` for `http.request`: resolves every address of the host, refuses the host when ANY
 * of them is not `allowed`, and hands the connection the address it checked.
 */
export function guardedLookup(
  allowed: (address: string) => boolean,
  resolveAll: ResolveAll = systemResolveAll,
) {
  return (
    hostname: string,
    options: { readonly all?: boolean },
    callback: LookupCallback,
  ): void => {
    resolveAll(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no address`)
          error.code = 'ENOTFOUND'
          callback(error, '')
          return
        }
        if (addresses.some((entry) => !allowed(entry.address))) {
          callback(new PrivateAddressError(hostname), '')
          return
        }
        if (options.all) callback(null, [...addresses])
        else callback(null, addresses[0]!.address, addresses[0]!.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    )
  }
}
