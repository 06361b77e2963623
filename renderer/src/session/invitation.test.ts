import { describe, expect, it } from 'vitest'
import { invitationLink, invitationParse } from './invitation'

describe('invitationParse', () => {
  it.each([
    [
      'https://sync.example.com/app/#invite=ts_abcDEF123-_x',
      { serverUrl: 'https://sync.example.com', token: 'ts_abcDEF123-_x' },
    ],
    [
      'http://127.0.0.1:4400/app/#token=admin-token-123',
      { serverUrl: 'http://127.0.0.1:4400', token: 'admin-token-123' },
    ],
    ['  ts_abcDEF123-_x  ', { serverUrl: 'http://default:4400', token: 'ts_abcDEF123-_x' }],
    ['https://sync.example.com/app/', null],
    ['https://sync.example.com/app/#invite=has space', null],
    ['not a token', null],
    ['', null],
  ])('%j', (text, expected) => {
    expect(invitationParse(text, 'http://default:4400/')).toEqual(expected)
  })

  it('reads back the links it makes', () => {
    const link = invitationLink('https://sync.example.com/', 'ts_abc123456')
    expect(link).toBe('https://sync.example.com/app/#invite=ts_abc123456')
    expect(invitationParse(link, 'x')).toEqual({
      serverUrl: 'https://sync.example.com',
      token: 'ts_abc123456',
    })
  })
})
