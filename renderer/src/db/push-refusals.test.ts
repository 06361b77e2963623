import { describe, expect, it } from 'vitest'
import {
  pushRefusalIsRecent,
  pushRefusalsNote,
  pushRefusalsParse,
  pushRefusalWhat,
} from './push-refusals'

describe('pushRefusalsParse', () => {
  it('reads the server header and ignores anything malformed', () => {
    const refused = [{ id: 'm-ana', reason: 'a viewer may not change setup' }]
    expect(pushRefusalsParse(encodeURIComponent(JSON.stringify(refused)))).toEqual(refused)
    expect(pushRefusalsParse(null)).toEqual([])
    expect(pushRefusalsParse('%E0%A4%A')).toEqual([])
    expect(pushRefusalsParse(encodeURIComponent('{"id":"x"}'))).toEqual([])
    expect(pushRefusalsParse(encodeURIComponent('[{"id":1,"reason":"r"}]'))).toEqual([])
  })
})

describe('pushRefusalWhat', () => {
  it('names the record in words, never by id', () => {
    expect(pushRefusalWhat('members', { id: 'm-ana', name: 'Ana Silva' })).toBe(
      'member “Ana Silva”',
    )
    expect(pushRefusalWhat('masterpages', { id: 'mp', title: 'Sales' })).toBe('master page “Sales”')
    expect(pushRefusalWhat('bookings', { id: 'bk', customer: { name: 'Lee' } })).toBe(
      'booking of Lee',
    )
    expect(pushRefusalWhat('settings', { id: 'workspace' })).toBe('workspace settings')
  })
})

describe('pushRefusalIsRecent', () => {
  it('remembers a refusal for a minute', () => {
    pushRefusalsNote('members', [{ id: 'm-x', reason: 'r' }], 1_000)
    expect(pushRefusalIsRecent('members', 'm-x', 60_999)).toBe(true)
    expect(pushRefusalIsRecent('members', 'm-x', 61_000)).toBe(false)
    expect(pushRefusalIsRecent('pools', 'm-x', 1_000)).toBe(false)
  })
})
