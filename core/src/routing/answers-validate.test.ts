import { describe, expect, it } from 'vitest'
import type { EventType } from '../model/workspace'
import {
  MAX_NOTE_ANSWER_LENGTH,
  MAX_TEXT_ANSWER_LENGTH,
  answersCanonical,
  answersValidate,
} from './answers-validate'

const eventType: EventType = {
  id: 'et-intro',
  name: 'Intro',
  durationMinutes: 30,
  slotIntervalMinutes: 15,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 0,
  maxDaysAhead: 60,
  questions: [
    { id: 'region', label: 'Region', type: 'select', options: ['EMEA', 'AMER'], required: true },
    { id: 'company', label: 'Company', type: 'text', required: false },
    { id: 'phone', label: 'Phone', type: 'phone', required: false },
    { id: 'note', label: 'Note', type: 'note', required: false },
  ],
}

describe('answersValidate', () => {
  const cases: readonly [string, Record<string, unknown>, [string, string][]][] = [
    [
      'a full valid form',
      { region: 'EMEA', company: 'Acme', phone: '+49 30 1234-567', note: 'Hi\nthere' },
      [],
    ],
    ['only the required answer', { region: 'AMER' }, []],
    ['a select answer in another case with spaces', { region: ' emea ' }, []],
    ['blank optional answers', { region: 'EMEA', company: '', phone: '  ' }, []],
    ['a missing required answer', {}, [['answers.region', 'required']]],
    ['a blank required answer', { region: '   ' }, [['answers.region', 'required']]],
    [
      'a select answer outside the options',
      { region: 'APAC' },
      [['answers.region', 'not one of the options']],
    ],
    [
      'an unknown question id',
      { region: 'EMEA', budget: '1M' },
      [['answers.budget', 'unknown question']],
    ],
    [
      'an inherited-looking id',
      { region: 'EMEA', constructor: 'x' },
      [['answers.constructor', 'unknown question']],
    ],
    ['a non-text answer', { region: 'EMEA', company: 42 }, [['answers.company', 'must be text']]],
    [
      'a text answer over its cap',
      { region: 'EMEA', company: 'x'.repeat(MAX_TEXT_ANSWER_LENGTH + 1) },
      [['answers.company', 'longer than 500 characters']],
    ],
    [
      'a text answer at its cap',
      { region: 'EMEA', company: 'x'.repeat(MAX_TEXT_ANSWER_LENGTH) },
      [],
    ],
    [
      'a line break in a text answer',
      { region: 'EMEA', company: 'Acme\nEvil' },
      [['answers.company', 'must be a single line']],
    ],
    [
      'a note over its cap',
      { region: 'EMEA', note: 'x'.repeat(MAX_NOTE_ANSWER_LENGTH + 1) },
      [['answers.note', 'longer than 2000 characters']],
    ],
    [
      'a NUL in a note',
      { region: 'EMEA', note: 'a\u0000b' },
      [['answers.note', 'contains control characters']],
    ],
    [
      'letters in a phone number',
      { region: 'EMEA', phone: 'call me' },
      [['answers.phone', 'not a phone number']],
    ],
    [
      'too few digits',
      { region: 'EMEA', phone: '+1 2' },
      [['answers.phone', 'not a phone number']],
    ],
    [
      'more than 15 digits',
      { region: 'EMEA', phone: '1234567890123456' },
      [['answers.phone', 'not a phone number']],
    ],
    [
      'a phone number over its cap',
      { region: 'EMEA', phone: '1'.padEnd(41, ' ') + '2345' },
      [['answers.phone', 'longer than 40 characters']],
    ],
    [
      'problems come in question order, unknown ids last',
      { zzz: 'x', region: 'APAC', phone: 'x' },
      [
        ['answers.region', 'not one of the options'],
        ['answers.phone', 'not a phone number'],
        ['answers.zzz', 'unknown question'],
      ],
    ],
  ]

  it.each(cases)('%s', (_, answers, expected) => {
    expect(answersValidate(eventType, answers).map((p) => [p.path, p.message])).toEqual(expected)
  })
})

describe('answersCanonical', () => {
  it('trims, drops blanks and unknown keys, and spells select answers as their option', () => {
    const answers = { region: ' emea ', company: ' Acme ', phone: ' ', extra: 'x' }
    expect(answersCanonical(eventType, answers)).toEqual({ region: 'EMEA', company: 'Acme' })
    expect(answers.region).toBe(' emea ')
  })
})
