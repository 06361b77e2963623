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
    expect(migrateUp('bookings', { id: 'b' }, 0, 0)).toEqual({ id: 'b' })
  })

  it('throws for a version with no migration', () => {
    expect(() => migrateUp('bookings', { id: 'b' }, 0, 1)).toThrow(RangeError)
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
