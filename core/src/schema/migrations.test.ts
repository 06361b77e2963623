import { describe, expect, it } from 'vitest'
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from './collections'
import {
  COLLECTION_MIGRATIONS,
  MEMBER_COLORS,
  memberColorFor,
  migrateDown,
  migrateUp,
  migrationStrategiesFor,
} from './migrations'

const v0Member = { id: 'm-ana', name: 'Ana Silva', active: true }

describe('memberColorFor', () => {
  it('gives the same palette color to the same id every time', () => {
    expect(memberColorFor('m-ana')).toBe(memberColorFor('m-ana'))
    expect(MEMBER_COLORS).toContain(memberColorFor('m-ben'))
  })
})

describe('migrateUp and migrateDown', () => {
  it('adds a color going up and removes exactly that going down, without mutating', () => {
    const up = migrateUp('members', v0Member, 0, 1)
    expect(up).toEqual({ ...v0Member, color: memberColorFor('m-ana') })
    expect(v0Member).toEqual({ id: 'm-ana', name: 'Ana Silva', active: true })
    expect(migrateDown('members', up, 1, 0)).toEqual(v0Member)
  })

  it('is the identity for a collection at the same version', () => {
    expect(migrateUp('bookings', { id: 'b' }, 1, 1)).toEqual({ id: 'b' })
  })

  it('throws for a version with no migration', () => {
    expect(() => migrateUp('bookings', { id: 'b' }, 0, 2)).toThrow(RangeError)
  })
})

describe('bookings v1: the stored conflict mark leaves', () => {
  const history = [{ at: '2027-03-01T10:00:00.000Z', action: 'created', by: 'customer' }]
  const v0 = {
    id: 'bk-1',
    start: '2027-03-15T09:00:00.000Z',
    end: '2027-03-15T09:30:00.000Z',
    hostMemberIds: ['m-ana'],
    status: 'scheduled',
    history,
  }

  it('drops an overlap mark (the overlap is derived again)', () => {
    const marked = {
      ...v0,
      conflict: {
        withBookingIds: ['bk-2'],
        memberIds: ['m-ana'],
        detectedAt: '2027-03-02T10:00:00.000Z',
        message: 'overlaps bk-2',
      },
    }
    expect(migrateUp('bookings', marked, 0, 1)).toEqual(v0)
    expect(migrateUp('bookings', { ...v0, conflict: null }, 0, 1)).toEqual(v0)
  })

  it('keeps an offline version that lost as a change-superseded history entry', () => {
    const local = { start: v0.start, end: v0.end, hostMemberIds: ['m-ben'], status: 'scheduled' }
    const marked = {
      ...v0,
      conflict: {
        withBookingIds: [],
        memberIds: [],
        localVersion: { ...local, history: [] },
        detectedAt: '2027-03-02T10:00:00.000Z',
        message: 'changed on this desktop while offline',
      },
    }
    expect(migrateUp('bookings', marked, 0, 1)).toEqual({
      ...v0,
      history: [
        ...history,
        {
          at: '2027-03-02T10:00:00.000Z',
          action: 'change-superseded',
          by: 'system',
          reason: 'changed on this desktop while offline',
          supersededVersion: local,
        },
      ],
    })
  })

  it('never dates the entry before the last history entry', () => {
    const marked = {
      ...v0,
      conflict: {
        localVersion: { start: v0.start, end: v0.end, hostMemberIds: ['m-ben'], status: 'x' },
        detectedAt: '2027-02-01T00:00:00.000Z',
        message: 'm',
      },
    }
    const up = migrateUp('bookings', marked, 0, 1) as { history: { at: string }[] }
    expect(up.history[1]?.at).toBe('2027-03-01T10:00:00.000Z')
  })
})

describe('schema versions', () => {
  it('has one migration for every version step of every collection', () => {
    for (const name of COLLECTION_NAMES) {
      const version = COLLECTION_SCHEMAS[name].version
      const steps = Object.keys(COLLECTION_MIGRATIONS[name] ?? {})
        .map(Number)
        .sort()
      expect(steps).toEqual(Array.from({ length: version }, (_, i) => i + 1))
      expect(Object.keys(migrationStrategiesFor(name)).map(Number)).toEqual(steps)
    }
  })
})
