import { describe, expect, it } from 'vitest'
import { slotRulesOf } from './slot-rules'
import { fixtureEventType } from './test-fixtures'

describe('slotRulesOf', () => {
  it('reads the event type in minutes', () => {
    expect(slotRulesOf(fixtureEventType({ bufferAfterMinutes: 10 }))).toEqual({
      durationMin: 30,
      intervalMin: 15,
      beforeMin: 0,
      afterMin: 10,
      noticeMin: 0,
      maxDaysAhead: 365,
    })
  })

  it.each([
    { durationMinutes: 0 },
    { durationMinutes: 1441 },
    { slotIntervalMinutes: 7.5 },
    { bufferBeforeMinutes: -5 },
    { minNoticeMinutes: Number.NaN },
    { maxDaysAhead: -1 },
  ])('refuses %j, naming the event type', (fields) => {
    expect(() => slotRulesOf(fixtureEventType(fields))).toThrow(/et-call/)
  })
})
