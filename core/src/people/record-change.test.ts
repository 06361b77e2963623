import { describe, expect, it } from 'vitest'
import type { Booking } from '../model/workspace'
import {
  bookingChangeActions,
  historyEntriesAdded,
  historyWithActor,
  recordChangedFields,
  recordWriteActions,
  recordWriteKind,
} from './record-change'

const created = { at: '2027-03-01T10:00:00.000Z', action: 'created', by: 'customer' } as const
const booking: Booking = {
  id: 'bk-1',
  eventTypeId: 'et-intro',
  masterPageId: null,
  start: '2027-03-15T09:00:00.000Z',
  end: '2027-03-15T09:30:00.000Z',
  hostMemberIds: ['m-ana'],
  poolId: null,
  panelId: null,
  status: 'scheduled',
  customer: { name: 'Lee', email: 'lee@example.org', timeZone: 'Europe/Berlin' },
  answers: {},
  createdVia: 'public',
  history: [created],
}
const at = '2027-03-10T08:00:00.000Z'

describe('bookingChangeActions', () => {
  it.each<[string, Booking | undefined, Booking, readonly string[]]>([
    ['a new booking', undefined, booking, ['book']],
    ['nothing changed', booking, { ...booking }, []],
    [
      'cancelled',
      booking,
      {
        ...booking,
        status: 'cancelled',
        history: [...booking.history, { at, action: 'cancelled', by: 'Ana' }],
      },
      ['cancel'],
    ],
    [
      'no-show',
      booking,
      {
        ...booking,
        status: 'no-show',
        history: [...booking.history, { at, action: 'no-show', by: 'Ana' }],
      },
      ['no-show'],
    ],
    [
      'moved (hosts re-filled too)',
      booking,
      {
        ...booking,
        status: 'rescheduled',
        start: '2027-03-16T09:00:00.000Z',
        end: '2027-03-16T09:30:00.000Z',
        hostMemberIds: ['m-eve'],
      },
      ['reschedule'],
    ],
    ['new hosts at the same time', booking, { ...booking, hostMemberIds: ['m-eve'] }, ['reassign']],
    [
      'a conflict kept',
      booking,
      {
        ...booking,
        history: [...booking.history, { at, action: 'conflict-resolved', by: 'Ana' }],
      },
      ['resolve-conflict'],
    ],
    ['answers changed', booking, { ...booking, answers: { region: 'EMEA' } }, ['edit-booking']],
    ['history rewritten', booking, { ...booking, history: [] }, ['edit-booking']],
    [
      'completed',
      booking,
      {
        ...booking,
        status: 'completed',
        history: [...booking.history, { at, action: 'completed', by: 'system' }],
      },
      ['edit-booking'],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(bookingChangeActions(before, after)).toEqual(expected)
  })
})

describe('recordWriteActions', () => {
  const member = { id: 'm-ana', name: 'Ana', updatedAt: '2027-01-01T00:00:00.000Z' }
  it('needs setup for any change of a setup record, nothing for a write that changes nothing', () => {
    expect(recordWriteActions('members', undefined, member)).toEqual(['setup'])
    expect(recordWriteActions('members', member, { ...member, name: 'Ana S' })).toEqual(['setup'])
    expect(recordWriteActions('members', member, { ...member, _deleted: true })).toEqual(['setup'])
    expect(recordWriteActions('members', member, { ...member, updatedAt: 'later' })).toEqual([])
  })

  it('judges bookings by what changed (deleting one, which pushes never may, needs setup)', () => {
    const doc = booking as unknown as Record<string, unknown>
    expect(recordWriteActions('bookings', undefined, doc)).toEqual(['book'])
    expect(recordWriteActions('bookings', doc, { ...doc, _deleted: true })).toEqual([
      'cancel',
      'setup',
    ])
  })
})

describe('recordChangedFields and recordWriteKind', () => {
  it('lists changed fields (sorted, bookkeeping left out) and says what a write does', () => {
    const before = { id: 'p', name: 'A', distribution: 'pooled', updatedAt: 'x' }
    const after = { id: 'p', name: 'B', distribution: 'pooled', members: [], updatedAt: 'y' }
    expect(recordChangedFields(before, after)).toEqual(['members', 'name'])
    expect(recordChangedFields(undefined, { id: 'p', name: 'A' })).toEqual(['id', 'name'])
    expect(recordWriteKind(undefined, after)).toBe('create')
    expect(recordWriteKind(before, after)).toBe('update')
    expect(recordWriteKind(before, { ...after, _deleted: true })).toBe('delete')
  })
})

describe('historyWithActor', () => {
  it('names the person on added entries only, whatever the client wrote', () => {
    const added = { at, action: 'cancelled', by: 'Somebody else' } as const
    const after = historyWithActor([created], [created, added], 'Ana Silva')
    expect(after).toEqual([created, { ...added, by: 'Ana Silva' }])
    expect(historyWithActor(undefined, [created], 'Ana Silva')).toEqual([
      { ...created, by: 'Ana Silva' },
    ])
  })

  it('matches repeated entries one by one', () => {
    expect(historyEntriesAdded([created], [created, created])).toEqual([created])
  })
})
