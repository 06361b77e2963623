import { describe, expect, it } from 'vitest'
import {
  webhookAddressProblems,
  webhookHealthText,
  webhookIsPlainHttpAway,
  webhookTestText,
} from './WebhooksView'

describe('webhook words', () => {
  it('says how a test went', () => {
    expect(webhookTestText({ delivered: true, statusCode: 204, error: null })).toBe(
      'Delivered: the receiver answered 204.',
    )
    expect(webhookTestText({ delivered: false, statusCode: 404, error: 'answered 404' })).toBe(
      'Not delivered: the receiver answered 404 (no such page there: check the address).',
    )
    expect(webhookTestText({ delivered: false, statusCode: 500, error: 'answered 500' })).toBe(
      'Not delivered: the receiver answered 500 (it failed on its side: real changes are tried again later).',
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

describe('how a webhook stands', () => {
  const none = { waiting: 0, retrying: 0, failed: 0, lastDeliveredAt: null, lastProblem: null }
  it('says what needs a look first: failures, then retries', () => {
    expect(
      webhookHealthText(
        { ...none, failed: 2, retrying: 1, waiting: 1, lastProblem: 'answered 500' },
        'UTC',
      ),
    ).toEqual({
      text: '2 changes never delivered (last answer: answered 500): see Deliveries.',
      isProblem: true,
    })
    expect(
      webhookHealthText({ ...none, retrying: 1, waiting: 1, lastProblem: 'answered 500' }, 'UTC'),
    ).toEqual({
      text: '1 change not delivered yet, to be tried again (last answer: answered 500).',
      isProblem: true,
    })
    expect(webhookHealthText({ ...none, waiting: 3 }, 'UTC')).toEqual({
      text: '3 changes being sent.',
      isProblem: false,
    })
    expect(webhookHealthText(none, 'UTC')).toEqual({ text: 'Nothing sent yet.', isProblem: false })
    expect(
      webhookHealthText({ ...none, lastDeliveredAt: '2027-03-10T08:00:00.000Z' }, 'UTC').text,
    ).toMatch(/^Everything delivered; the last /)
  })

  it('asks before sending unencrypted beyond this computer only', () => {
    expect(webhookIsPlainHttpAway('http://hooks.example.com/x')).toBe(true)
    expect(webhookIsPlainHttpAway('https://hooks.example.com/x')).toBe(false)
    expect(webhookIsPlainHttpAway('http://127.0.0.1:8080/x')).toBe(false)
    expect(webhookIsPlainHttpAway('http://localhost/x')).toBe(false)
    expect(webhookIsPlainHttpAway('not an address')).toBe(false)
  })
})
