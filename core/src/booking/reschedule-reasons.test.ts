import { describe, expect, it } from 'vitest'
import type { Booking, Member, Workspace } from '../model/workspace'
import { workspaceEmpty } from '../model/workspace'
import { rescheduleHostReasons } from './reschedule-reasons'

const hours = { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }
const member = (id: string): Member =>
  ({
    id,
    name: id,
    email: `${id}@x.example`,
    timeZone: 'UTC',
    weeklyHours: hours,
    dateOverrides: [],
    active: true,
  }) as unknown as Member

const booking = (id: string, start: string, end: string, host = 'm-ana'): Booking => ({
  id,
  eventTypeId: 'et',
  masterPageId: null,
  start,
  end,
  hostMemberIds: [host],
  poolId: null,
  panelId: null,
  status: 'scheduled',
  customer: { name: 'C', email: 'c@x.example', timeZone: 'UTC' },
  answers: {},
  createdVia: 'desktop',
  history: [{ at: '2027-03-01T00:00:00.000Z', action: 'created', by: 'desk' }],
})

const ws: Workspace = {
  ...workspaceEmpty(),
  members: [member('m-ana')],
  eventTypes: [
    {
      id: 'et',
      name: 'Call',
      durationMinutes: 60,
      slotIntervalMinutes: 15,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeMinutes: 0,
      maxDaysAhead: 60,
      questions: [],
    },
  ],
  bookings: [
    booking('bk-move', '2027-03-15T09:00:00.000Z', '2027-03-15T10:00:00.000Z'),
    booking('bk-other', '2027-03-15T13:00:00.000Z', '2027-03-15T14:00:00.000Z'),
  ],
}
const now = Date.parse('2027-03-14T12:00:00.000Z')

describe('rescheduleHostReasons', () => {
  it('says the host is busy at a start another booking holds', () => {
    expect(
      rescheduleHostReasons(ws, 'bk-move', Date.parse('2027-03-15T13:30:00.000Z'), now),
    ).toEqual([{ memberId: 'm-ana', reasons: ['busy'] }])
  })

  it('says the host does not work then, and leaves the booking itself out of busy time', () => {
    expect(
      rescheduleHostReasons(ws, 'bk-move', Date.parse('2027-03-15T16:30:00.000Z'), now),
    ).toEqual([{ memberId: 'm-ana', reasons: ['outside-hours'] }])
    expect(
      rescheduleHostReasons(ws, 'bk-move', Date.parse('2027-03-15T09:30:00.000Z'), now),
    ).toEqual([{ memberId: 'm-ana', reasons: [] }])
  })

  it('knows nothing of an unknown booking', () => {
    expect(rescheduleHostReasons(ws, 'bk-none', now, now)).toEqual([])
  })
})
