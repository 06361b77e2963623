import { describe, expect, it } from 'vitest'
import { signedInText } from './SignedInLine'

describe('signedInText', () => {
  it('names the person and their role', () => {
    expect(signedInText('Ana Silva', 'scheduler')).toBe('Signed in as Ana Silva (scheduler)')
  })

  it('leaves the role out where the name says it already', () => {
    expect(signedInText('Owner', 'owner')).toBe('Signed in as Owner')
    expect(signedInText('Owner', 'manager')).toBe('Signed in as Owner (manager)')
  })
})
