import { describe, expect, it } from 'vitest'
import {
  localDateFormat,
  localDateFromCivil,
  localDateParse,
  localDateToCivil,
  localDateWeekday,
  localDateWeekStart,
} from './local-date'

describe('localDateParse', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', 11_016],
    ['2027-03-01', 20_878],
  ])('reads %s as day %i', (date, day) => {
    expect(localDateParse(date)).toBe(day)
  })

  it.each(['2027-02-29', '2027-13-01', '2027-00-10', '2027-04-31', '2027-3-1', '27-03-01', ''])(
    'refuses %j',
    (date) => {
      expect(() => localDateParse(date)).toThrow(RangeError)
    },
  )
})

describe('localDateFormat', () => {
  it('round-trips every day across four centuries', () => {
    for (let day = -150_000; day < 150_000; day += 37) {
      expect(localDateParse(localDateFormat(day))).toBe(day)
    }
  })

  it('writes 2028-02-29 for the leap day', () => {
    expect(localDateFormat(localDateFromCivil(2028, 2, 29))).toBe('2028-02-29')
  })
})

describe('localDateToCivil', () => {
  it('inverts localDateFromCivil at the turn of a century', () => {
    expect(localDateToCivil(localDateFromCivil(2100, 3, 1))).toEqual({
      year: 2100,
      month: 3,
      day: 1,
    })
  })
})

describe('localDateWeekday', () => {
  it.each([
    ['2027-03-01', 0],
    ['2027-03-14', 6],
    ['1970-01-01', 3],
    ['1969-12-29', 0],
  ])('gives %s the ISO weekday %i (0 = Monday)', (date, weekday) => {
    expect(localDateWeekday(localDateParse(date))).toBe(weekday)
  })
})

describe('localDateWeekStart', () => {
  it('takes a Sunday back to the Monday six days before', () => {
    expect(localDateFormat(localDateWeekStart(localDateParse('2027-03-14')))).toBe('2027-03-08')
  })

  it('keeps a Monday', () => {
    expect(localDateFormat(localDateWeekStart(localDateParse('2027-03-08')))).toBe('2027-03-08')
  })
})
