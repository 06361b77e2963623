import { describe, expect, it } from 'vitest'
import { hoursFormat, hoursParse, overridesFormat, overridesParse } from './hours-text'

describe('hoursParse', () => {
  it.each([
    ['09:00-17:00', [['09:00', '17:00']]],
    [
      '9:00 - 12:00, 13:00–17:30',
      [
        ['09:00', '12:00'],
        ['13:00', '17:30'],
      ],
    ],
    ['', []],
    ['off', []],
    ['22:00-24:00', [['22:00', '24:00']]],
  ])('%j → %j', (text, ranges) => {
    expect(hoursParse(text)).toEqual({ ok: true, value: ranges })
  })

  it.each(['9-17', '09:00', 'nine to five', '09:00-17:00;'])(
    'refuses %j with a message',
    (text) => {
      const result = hoursParse(text)
      expect(result.ok).toBe(false)
    },
  )

  it('round-trips with hoursFormat', () => {
    expect(
      hoursFormat([
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ]),
    ).toBe('09:00-12:00, 13:00-17:00')
    expect(hoursFormat([])).toBe('off')
  })
})

describe('overridesParse', () => {
  it('reads one date per line, off or hours', () => {
    const text = '2027-03-19: off\n\n2027-03-20: 10:00-14:00'
    const parsed = overridesParse(text)
    expect(parsed).toEqual({
      ok: true,
      value: [
        { date: '2027-03-19', hours: [] },
        { date: '2027-03-20', hours: [['10:00', '14:00']] },
      ],
    })
    if (parsed.ok)
      expect(overridesFormat(parsed.value)).toBe('2027-03-19: off\n2027-03-20: 10:00-14:00')
  })

  it('refuses a line without a date', () => {
    expect(overridesParse('Friday: off').ok).toBe(false)
  })
})
