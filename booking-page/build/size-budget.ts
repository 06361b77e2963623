/**
 * The booking page's JavaScript size budget, checked in its build: the gzip size of the
 * JavaScript the first screen loads — the entry chunk and every chunk it imports statically
 * (what the browser fetches before the page can render), not the chunks loaded later on demand
 * (the zone search, other languages' messages).
 */
import { gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** 80 kB of compressed JavaScript for the first screen (issue 13). */
export const FIRST_SCREEN_BUDGET_BYTES = 80 * 1024

/** The part of a Rollup output chunk this needs. */
export interface ChunkInfo {
  readonly fileName: string
  readonly isEntry: boolean
  readonly imports: readonly string[]
  readonly code: string
}

/** The entry chunks and everything they import statically, transitively; each file once. */
export function firstScreenChunks(chunks: readonly ChunkInfo[]): readonly ChunkInfo[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const seen = new Set<string>()
  const visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    for (const imported of byName.get(name)?.imports ?? []) visit(imported)
  }
  chunks.filter((chunk) => chunk.isEntry).forEach((chunk) => visit(chunk.fileName))
  return chunks.filter((chunk) => seen.has(chunk.fileName))
}

/** Gzip size of `code` (level 9, as servers and CDNs compress static files). */
export function gzipBytes(code: string): number {
  return gzipSync(code, { level: 9 }).length
}

/** "71.3 kB". */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`
}

/**
 * Chunks of which one is loaded before the first screen, depending on the visitor: the message
 * catalogs of the languages other than English (a German browser loads `de` before rendering).
 * The largest of them counts towards the budget.
 */
export const ONE_OF_BEFORE_FIRST_SCREEN = /(^|\/)(de|fr|es)-[\w-]+\.js$/

/**
 * Prints the first screen's JavaScript (gzip): the entry with its static imports plus the
 * largest chunk matching `oneOf` — and fails the build when it is over `budgetBytes`. Also
 * prints the chunks loaded later, for the record.
 */
export function sizeBudgetPlugin(
  budgetBytes = FIRST_SCREEN_BUDGET_BYTES,
  oneOf: RegExp = ONE_OF_BEFORE_FIRST_SCREEN,
): Plugin {
  return {
    name: 'teamslot-book-size-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk' ? [output] : [],
      )
      const entry = firstScreenChunks(chunks)
      const alternatives = chunks
        .filter((chunk) => !entry.includes(chunk) && oneOf.test(chunk.fileName))
        .toSorted((a, b) => gzipBytes(b.code) - gzipBytes(a.code))
      const first = [...entry, ...alternatives.slice(0, 1)]
      const total = first.reduce((sum, chunk) => sum + gzipBytes(chunk.code), 0)
      const later = chunks.filter((chunk) => !first.includes(chunk))
      const lines = [
        `booking page: first screen JavaScript ${kilobytes(total)} gzip ` +
          `(budget ${kilobytes(budgetBytes)}; ${first.map((c) => c.fileName).join(', ')})`,
        ...later.map((c) => `  loaded later: ${c.fileName} ${kilobytes(gzipBytes(c.code))} gzip`),
      ]
      console.log(lines.join('\n'))
      if (total > budgetBytes) {
        this.error(
          `the booking page's first screen needs ${kilobytes(total)} of gzipped JavaScript, ` +
            `over its budget of ${kilobytes(budgetBytes)}`,
        )
      }
    },
  }
}
