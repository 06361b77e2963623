import { describe, expect, it } from 'vitest'
import { questionsFormat, questionsParse } from './questions-text'

describe('questionsParse', () => {
  it('reads one question per line and round-trips', () => {
    const text =
      'region; Region; select; required; EMEA, AMER\nnote; Anything else?; note; optional'
    const parsed = questionsParse(text)
    expect(parsed).toEqual({
      ok: true,
      value: [
        {
          id: 'region',
          label: 'Region',
          type: 'select',
          required: true,
          options: ['EMEA', 'AMER'],
        },
        { id: 'note', label: 'Anything else?', type: 'note', required: false },
      ],
    })
    if (parsed.ok) expect(questionsFormat(parsed.value)).toBe(text)
  })

  it.each([
    ['region', 'id and a label'],
    ['region; Region; dropdown; required', 'type must be one of'],
    ['region; Region; text; maybe', 'required or optional'],
  ])('refuses %j', (text, message) => {
    const parsed = questionsParse(text)
    expect(parsed.ok ? '' : parsed.message).toContain(message)
  })
})
