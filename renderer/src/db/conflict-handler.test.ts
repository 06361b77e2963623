import { describe, expect, it } from 'vitest'
import type { AppDoc } from './database'
import { bookingConflictHandler } from './conflict-handler'

const base = {
  id: 'bk-1',
  start: '2027-03-11T10:00:00.000Z',
  end: '2027-03-11T10:30:00.000Z',
  hostMemberIds: ['m-ana'],
  status: 'scheduled',
  history: [{ at: '2027-03-01T10:00:00.000Z', action: 'created', by: 'customer' }],
  conflict: null,
  updatedAt: '2027-03-01T10:00:00.000Z',
  _deleted: false,
} as unknown as AppDoc & { _deleted: boolean }

const handler = bookingConflictHandler(() => '2027-03-11T08:00:00.000Z')

describe('bookingConflictHandler', () => {
  it('treats versions that differ only in bookkeeping as equal', async () => {
    const result = await handler(
      { newDocumentState: { ...base, updatedAt: 'later' }, realMasterState: base },
      'test',
    )
    expect(result).toEqual({ isEqual: true })
  })

  it('keeps an offline reassignment that lost to a server cancellation as a conflict', async () => {
    const local = {
      ...base,
      hostMemberIds: ['m-eve'],
      history: [
        ...(base['history'] as object[]),
        {
          at: '2027-03-10T09:00:00.000Z',
          action: 'reassigned',
          by: 'desk',
          fromMemberId: 'm-ana',
          toMemberId: 'm-eve',
        },
      ],
    }
    const master = { ...base, status: 'cancelled' }
    const result = await handler(
      { newDocumentState: local, realMasterState: master, assumedMasterState: base },
      'test',
    )
    expect(result.isEqual).toBe(false)
    const data = (result as { documentData: Record<string, unknown> }).documentData
    expect(data['status']).toBe('cancelled')
    expect(data['hostMemberIds']).toEqual(['m-ana'])
    expect(data['conflict']).toEqual({
      withBookingIds: [],
      memberIds: [],
      localVersion: {
        hostMemberIds: ['m-eve'],
        start: base['start'],
        end: base['end'],
        status: 'scheduled',
        history: local.history,
      },
      detectedAt: '2027-03-11T08:00:00.000Z',
      message: 'changed on this desktop while offline, and on the server meanwhile',
    })
  })

  it('takes the server version when only non-decision fields differ', async () => {
    const master = { ...base, conflict: { withBookingIds: ['bk-2'], memberIds: ['m-ana'] } }
    const result = await handler({ newDocumentState: base, realMasterState: master }, 'test')
    expect(result).toEqual({ isEqual: false, documentData: master })
  })
})
