import { describe, expect, it } from 'vitest'
import type { AppDoc } from './database'
import { bookingConflictHandler } from './conflict-handler'
import { pushRefusalsNote } from './push-refusals'
import { clockNow } from '../clock'

const base = {
  id: 'bk-1',
  start: '2027-03-11T10:00:00.000Z',
  end: '2027-03-11T10:30:00.000Z',
  hostMemberIds: ['m-ana'],
  status: 'scheduled',
  history: [{ at: '2027-03-01T10:00:00.000Z', action: 'created', by: 'customer' }],
  updatedAt: '2027-03-01T10:00:00.000Z',
  _deleted: false,
} as unknown as AppDoc & { _deleted: boolean }

const handler = bookingConflictHandler()

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
    expect(data['history']).toEqual([
      ...(base['history'] as object[]),
      {
        // Dated at the latest entry of either version: the handler is deterministic.
        at: '2027-03-10T09:00:00.000Z',
        action: 'change-superseded',
        by: 'desk',
        reason: 'Changed offline (reassigned) while it was changed elsewhere',
        supersededVersion: {
          start: base['start'],
          end: base['end'],
          hostMemberIds: ['m-eve'],
          status: 'scheduled',
        },
      },
    ])
    expect(data).not.toHaveProperty('conflict')
    const again = await handler(
      { newDocumentState: local, realMasterState: master, assumedMasterState: base },
      'test',
    )
    expect(again).toEqual(result)
  })

  it('takes the server version when only non-decision fields differ', async () => {
    const master = { ...base, answers: { note: 'edited on the server' } }
    const result = await handler({ newDocumentState: base, realMasterState: master }, 'test')
    expect(result).toEqual({ isEqual: false, documentData: master })
  })
})

describe('bookingConflictHandler after a refusal', () => {
  it('keeps the server version of a booking the server refused for the role, without a superseded entry', async () => {
    pushRefusalsNote(
      'bookings',
      [{ id: 'bk-refused', reason: 'a viewer may not cancel bookings' }],
      clockNow(),
    )
    const master = { ...base, id: 'bk-refused' } as typeof base
    const local = { ...master, status: 'cancelled' } as typeof base
    const result = await handler({ newDocumentState: local, realMasterState: master }, 'test')
    expect(result).toEqual({ isEqual: false, documentData: master })
  })
})
