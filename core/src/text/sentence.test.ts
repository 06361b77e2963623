import { describe, expect, it } from 'vitest'
import { sentenceStart } from './sentence'

describe('sentenceStart', () => {
  it('capitalises the first letter only, and leaves empty text empty', () => {
    expect(sentenceStart('a viewer may not change setup')).toBe('A viewer may not change setup')
    expect(sentenceStart('Already')).toBe('Already')
    expect(sentenceStart('')).toBe('')
  })
})
