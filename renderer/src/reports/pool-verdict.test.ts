import { describe, expect, it } from 'vitest'
import type { PoolMemberStats } from '../../../core/src/distribution'
import { poolVerdict } from './pool-verdict'

const NAMES: Record<string, string> = {
  ana: 'Ana Silva',
  ben: 'Ben Okafor',
  dev: 'Dev Patel',
  eve: 'Eve Stone',
  old: 'Olga Former',
}
const name = (id: string) => NAMES[id] ?? id

function row(memberId: string, received: number, removed = 0, isCurrentMember = true) {
  return {
    memberId,
    isCurrentMember,
    received,
    removed,
    removedByReason: { cancelled: removed, 'no-show': 0, 'reassigned-away': 0 },
    net: received - removed,
    lastAssignedAt: null,
  } satisfies PoolMemberStats
}

describe('poolVerdict', () => {
  it('calls a round robin even within two bookings, and says who is behind otherwise', () => {
    expect(poolVerdict('round-robin', [row('ana', 5), row('ben', 5)], name)).toBe(
      'Even: every member has 5 this cycle.',
    )
    expect(poolVerdict('round-robin', [row('ana', 18), row('ben', 16, 0)], name)).toBe(
      'Even: every member has between 16 and 18 this cycle.',
    )
    expect(poolVerdict('round-robin', [row('ana', 18), row('ben', 24), row('dev', 16)], name)).toBe(
      'Uneven so far — most: Ben Okafor (24); fewest: Dev Patel (16). Round robin gives each next ' +
        'booking to the member with the fewest who is free then, so the gap closes as those ' +
        'members are free for bookings.',
    )
  })

  it('counts net bookings and leaves former members out', () => {
    // Ben received 9 but 5 were cancelled: net 4, two from Ana's 6 — even.
    expect(
      poolVerdict('round-robin', [row('ana', 6), row('ben', 9, 5), row('old', 30, 0, false)], name),
    ).toBe('Even: every member has between 4 and 6 this cycle.')
  })

  it('says pooled methods do not aim at equal counts, and names the most and the fewest', () => {
    const rows = [row('ana', 25), row('ben', 3), row('dev', 3), row('eve', 3)]
    expect(poolVerdict('pooled', rows, name)).toBe(
      'Not meant to be equal: each booking goes to the member free then who has waited longest. ' +
        'This cycle most: Ana Silva (25); fewest: Ben Okafor, Dev Patel and 1 other (3).',
    )
    expect(poolVerdict('pooled-priority', [row('ana', 4), row('ben', 4)], name)).toBe(
      'Not meant to be equal: each booking goes to the highest-priority member free then (among ' +
        'equals, the one who has waited longest), so higher priorities get more. This cycle ' +
        'every member has 4.',
    )
  })

  it('says when there is nothing to judge', () => {
    expect(poolVerdict('round-robin', [row('ana', 0), row('ben', 0)], name)).toBe(
      'No bookings in this cycle yet.',
    )
    expect(poolVerdict('pooled', [row('old', 3, 0, false)], name)).toBe(
      'No members in this pool now.',
    )
  })
})
