import { describe, expect, it } from 'vitest'
import { busyCalendarStatusText } from './busy-calendar-text'

const NOW = Date.parse('2027-03-10T08:30:00Z')
const base = {
  url: 'https://calendar.example/ana.ics',
  lastFetchedAt: '2027-03-10T08:27:00Z',
  lastSuccessAt: '2027-03-10T08:27:00Z',
  lastError: null,
  events: 12,
}

describe('busyCalendarStatusText', () => {
  it.each([
    [base, true, 'Read 3 min ago (12 events).'],
    [{ ...base, events: 1 }, true, 'Read 3 min ago (1 event).'],
    [
      { ...base, lastError: 'the server answered 404', lastSuccessAt: '2027-03-10T06:30:00Z' },
      true,
      'Could not be read 3 min ago: the server answered 404. Busy times read 2 h ago are still used.',
    ],
    [
      { ...base, lastError: 'the host name could not be found', lastSuccessAt: null },
      true,
      'Could not be read 3 min ago: the host name could not be found. No busy times from it yet.',
    ],
    [undefined, true, 'Not read yet: the server reads it once this change has synced.'],
    [undefined, false, 'Read by the server once the member is saved.'],
  ])('%j (saved: %s) → %s', (status, isSaved, text) => {
    expect(busyCalendarStatusText(status, isSaved, NOW)).toBe(text)
  })
})
