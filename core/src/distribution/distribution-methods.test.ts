import { describe, expect, it } from 'vitest'
import { DISTRIBUTIONS } from '../schema/records'
import { DISTRIBUTION_METHODS } from './distribution-methods'

describe('DISTRIBUTION_METHODS', () => {
  it('describes every method the record shape allows, and nothing else', () => {
    expect(Object.keys(DISTRIBUTION_METHODS).sort()).toEqual([...DISTRIBUTIONS].sort())
  })

  it('offers only the next in line for round robin and the union for the pooled methods', () => {
    expect(DISTRIBUTION_METHODS['round-robin'].offers).toBe('next-in-line')
    expect(DISTRIBUTION_METHODS.pooled.offers).toBe('union')
    expect(DISTRIBUTION_METHODS['pooled-priority'].offers).toBe('union')
  })

  it('lets priorities matter only where the method uses them', () => {
    const usesPriority = DISTRIBUTIONS.filter((d) => DISTRIBUTION_METHODS[d].usesPriority)
    expect(usesPriority).toEqual(['pooled-priority'])
  })
})
