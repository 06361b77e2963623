import { describe, expect, it } from 'vitest'
import { rescheduleDecide } from '../../../core/src/booking'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { moveRefusalText } from './move-refusal'

const now = '2027-03-15T08:00:00.000Z'
const ws = demoWorkspace(now)
const nowMs = Date.parse(now)

describe('moveRefusalText', () => {
  it('names the host and why when a move onto another booking is refused', () => {
    const future = ws.bookings.filter(
      (b) =>
        b.status === 'scheduled' &&
        b.hostMemberIds.length === 1 &&
        Date.parse(b.start) > nowMs + 86_400_000,
    )
    const [moving, other] = [
      future[0]!,
      future.find(
        (b) => b.hostMemberIds[0] === future[0]!.hostMemberIds[0] && b.id !== future[0]!.id,
      )!,
    ]
    const startMs = Date.parse(other.start)
    const decision = rescheduleDecide(ws, { bookingId: moving.id, startMs, by: 'desk' }, nowMs)
    expect(decision.ok).toBe(false)
    const text = moveRefusalText(ws, moving.id, startMs, nowMs, decision.ok ? '' : decision.message)
    const host = ws.members.find((m) => m.id === moving.hostMemberIds[0])!.name
    expect(text).toContain(`${host}: busy`)
  })

  it('keeps core’s message when no host is the cause', () => {
    expect(moveRefusalText(ws, 'bk-nothing', nowMs, nowMs, 'No such booking')).toBe(
      'No such booking',
    )
  })
})
