import { describe, expect, it } from 'vitest'
import { firstScreenChunks, gzipBytes, sizeBudgetPlugin } from './size-budget'
import type { ChunkInfo } from './size-budget'

const chunk = (fileName: string, imports: string[] = [], isEntry = false): ChunkInfo => ({
  fileName,
  imports,
  isEntry,
  code: `export const name = ${JSON.stringify(fileName)}\n`,
})

describe('firstScreenChunks', () => {
  it('is the entry and its static imports, transitively, never the lazily loaded chunks', () => {
    const chunks = [
      chunk('main.js', ['vendor.js'], true),
      chunk('vendor.js', ['shared.js']),
      chunk('shared.js'),
      chunk('zone-picker.js', ['shared.js']),
      chunk('de.js'),
    ]
    expect(firstScreenChunks(chunks).map((c) => c.fileName)).toEqual([
      'main.js',
      'vendor.js',
      'shared.js',
    ])
  })
})

describe('sizeBudgetPlugin', () => {
  /** Runs the plugin's bundle hook on `code` as the one entry chunk; returns the error, if any. */
  function check(code: string, budget: number): string | null {
    const plugin = sizeBudgetPlugin(budget)
    let failure: string | null = null
    const hook = plugin.generateBundle as unknown as (
      this: { error(message: string): never },
      options: unknown,
      bundle: Record<string, unknown>,
    ) => void
    const context = {
      error(message: string): never {
        failure = message
        throw new Error(message)
      },
    }
    const bundle = {
      'main.js': { type: 'chunk', fileName: 'main.js', isEntry: true, imports: [], code },
    }
    try {
      hook.call(context, {}, bundle)
    } catch {
      // the failure is recorded
    }
    return failure
  }

  it('fails the build when the first screen is over budget, and passes under it', () => {
    const code = Array.from({ length: 2000 }, (_, i) => `const v${i} = ${(i * 7919) % 1000}`).join(
      '\n',
    )
    const size = gzipBytes(code)
    expect(check(code, size - 1)).toMatch(/over its budget/)
    expect(check(code, size)).toBeNull()
  })
})
