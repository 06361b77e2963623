import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { bookingMatcher } from '../../core/src/booking/bookings-search'
import type { Booking } from '../../core/src/model/workspace'
import { bookingCustomerText, hasSurrogateHalf } from './booking-index'

const sqlite = new Database(':memory:')
const instr = sqlite.prepare('SELECT instr(?, ?) > 0 AS found')
afterAll(() => sqlite.close())

const bookingWith = (name: string, email: string) =>
  ({ customer: { name, email, timeZone: 'UTC' } }) as unknown as Booking

describe('the booking list index’s customer text', () => {
  it('holds every query the list’s rule matches, as SQLite finds text (UTF-8, any script)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'grapheme-composite' }),
    )
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), fc.boolean(), (name, email, a, b, inName) => {
        // A query cut out of the name or the e-mail (any case, outer spaces), or any other text.
        const source = inName ? name : email
        const cut = source.slice(Math.min(a, b) % (source.length + 1), Math.max(a, b))
        for (const query of [cut, cut.toUpperCase(), ` ${cut} `, name + email]) {
          if (hasSurrogateHalf(query)) continue
          const q = query.trim().toLowerCase()
          if (q === '' || !bookingMatcher({ query })(bookingWith(name, email))) continue
          const row = instr.get(bookingCustomerText({ customer: { name, email } }), q) as {
            found: number
          }
          expect(row.found, JSON.stringify({ name, email, query })).toBe(1)
        }
      }),
      { numRuns: 2000, seed: 11 },
    )
  })

  it('is written for any stored document without throwing (a derived row that throws refuses the write)', () => {
    expect(bookingCustomerText({})).toBe('\n')
    expect(bookingCustomerText({ customer: null })).toBe('\n')
    expect(bookingCustomerText({ customer: { name: 3, email: 'A@B.ORG' } })).toBe('\na@b.org')
    expect(bookingCustomerText({ customer: { name: 'ÖZGE', email: 'x' } })).toBe('özge\nx')
  })

  it('sends a query holding half a surrogate pair to the documents instead', () => {
    expect(hasSurrogateHalf('\uD83D')).toBe(true)
    expect(hasSurrogateHalf('a\uDE00')).toBe(true)
    expect(hasSurrogateHalf('\uDE00\uD83D')).toBe(true)
    expect(hasSurrogateHalf('😀 𝒜 özge')).toBe(false)
    expect(hasSurrogateHalf('')).toBe(false)
  })
})
