import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { hostsHandedOver } from './use-booking-actions'

const ws = demoWorkspace('2027-03-15T08:00:00.000Z')
const names = new Map(ws.members.map((m) => [m.id, m.name]))
const booking = ws.bookings.find((b) => b.hostMemberIds.length === 1)!
const other = ws.members.find((m) => m.id !== booking.hostMemberIds[0])!

describe('hostsHandedOver', () => {
  it('says who takes over a seat from whom after a move, and nothing when the hosts stay', () => {
    const was = names.get(booking.hostMemberIds[0]!)
    expect(hostsHandedOver(ws, { ...booking, start: '2027-03-20T10:00:00.000Z' }, names)).toBeNull()
    expect(hostsHandedOver(ws, { ...booking, hostMemberIds: [other.id] }, names)).toBe(
      `${other.name} takes over from ${was}, who is not free then.`,
    )
  })
})
