import { describe, expect, it } from 'vitest'
import { webhookAddressProblems, webhookTestText } from './WebhooksView'

describe('webhook words', () => {
  it('says how a test went', () => {
    expect(webhookTestText({ delivered: true, statusCode: 204, error: null })).toBe(
      'Delivered: the receiver answered 204.',
    )
    expect(webhookTestText({ delivered: false, statusCode: 404, error: 'answered 404' })).toBe(
      'Not delivered: the receiver answered 404 (no such page there: check the address).',
    )
    expect(webhookTestText({ delivered: false, statusCode: 500, error: 'answered 500' })).toBe(
      'Not delivered: the receiver answered 500.',
    )
    expect(
      webhookTestText({
        delivered: false,
        statusCode: null,
        error: 'nothing answers at that address (ECONNREFUSED)',
      }),
    ).toBe('Not delivered: nothing answers at that address (ECONNREFUSED).')
  })

  it('takes a whole http(s) address without credentials, and says what is wrong otherwise', () => {
    expect(webhookAddressProblems(' https://hooks.example.com/in ')).toEqual([])
    expect(webhookAddressProblems('http://127.0.0.1:8080/x')).toEqual([])
    expect(webhookAddressProblems('hooks.example.com/in')).toEqual([
      'Paste the whole address, starting with https://',
    ])
    expect(webhookAddressProblems('ftp://example.com')).toEqual([
      'The address must start with https:// (or http://)',
    ])
    expect(webhookAddressProblems('https://me:pw@example.com')).toEqual([
      'Leave the user name and password out of the address; the secret signs each request',
    ])
  })
})
