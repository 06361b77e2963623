import { describe, expect, it } from 'vitest'
import { detailsProblems, serverDetailsProblems } from './details-check'

describe('detailsProblems', () => {
  it('asks for a name and an address of the shape the server takes', () => {
    expect(detailsProblems({ name: 'Lee Park', email: 'lee@example.org' })).toEqual({})
    expect(detailsProblems({ name: '   ', email: 'x@y' })).toEqual({
      name: 'details.nameMissing',
      email: 'details.emailInvalid',
    })
    expect(detailsProblems({ name: 'Maria', email: 'maria@example' })).toEqual({
      email: 'details.emailInvalid',
    })
    // Spaces around a good address are trimmed before sending, so they are no problem.
    expect(detailsProblems({ name: 'Maria', email: ' maria@example.org ' })).toEqual({})
  })
})

describe('serverDetailsProblems', () => {
  it('turns the schema’s field paths into the page’s own messages', () => {
    expect(
      serverDetailsProblems([
        { path: 'customer.name' },
        { path: 'customer.email' },
        { path: 'answers.region' },
      ]),
    ).toEqual({ name: 'details.nameMissing', email: 'details.emailInvalid' })
    expect(serverDetailsProblems([{ path: 'answers.region' }])).toBeNull()
    expect(serverDetailsProblems(undefined)).toBeNull()
  })
})
