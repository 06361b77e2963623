import type { ChildProcessByStdio } from 'node:child_process'
import { spawn } from 'node:child_process'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DerivedTable } from './index'
import {
  crashWriterDoc,
  derivedRowsActualAndExpected,
  ITEM_DERIVED,
  openItems,
  tempDirectory,
  testReader,
  testStorage,
} from './storage-test-support'

const WRITER = fileURLToPath(new URL('./storage-crash-writer.ts', import.meta.url))
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url))
/** Acknowledged writes to wait for before killing the writer. */
const WRITES_BEFORE_KILL = 60

type Child = ChildProcessByStdio<null, Readable, Readable>

let temp: ReturnType<typeof tempDirectory>
beforeEach(() => {
  temp = tempDirectory()
})
afterEach(() => {
  temp.remove()
})

function spawnWriter(directory: string, mode: 'write' | 'open'): Child {
  return spawn(process.execPath, ['--import', 'tsx', WRITER, directory, mode], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Complete stdout lines as they arrive, a way to wait for the n-th one, and the exit. */
function watchLines(child: Child) {
  const lines: string[] = []
  let partial = ''
  let stderr = ''
  const listeners = new Set<() => void>()
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n')
    partial = parts.pop() ?? ''
    lines.push(...parts)
    listeners.forEach((listener) => listener())
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const closed = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('close', (code, signal) => resolve(signal ?? code)),
  )
  const lineCount = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (lines.length >= count) {
          listeners.delete(check)
          resolve()
        }
      }
      listeners.add(check)
      check()
      void closed.then(() => {
        if (lines.length < count) {
          reject(new Error(`child exited after ${lines.length} lines: ${stderr}`))
        }
      })
    })
  return { lines, lineCount, closed }
}

describe('crash safety', () => {
  it('keeps every acknowledged write when the writer process is killed with SIGKILL', async () => {
    const child = spawnWriter(temp.directory, 'write')
    const { lines, lineCount, closed } = watchLines(child)
    await lineCount(WRITES_BEFORE_KILL)

    child.kill('SIGKILL')
    expect(await closed).toBe('SIGKILL')

    const acknowledged = lines.filter((line) => line.startsWith('doc-'))
    expect(acknowledged.length).toBeGreaterThanOrEqual(WRITES_BEFORE_KILL)
    // The same tables with rows() counted: opening must not rebuild them (they are up to date).
    let rebuiltRows = 0
    const counted: DerivedTable[] = (ITEM_DERIVED['items'] ?? []).map((table) => ({
      ...table,
      rows: (doc) => ((rebuiltRows += 1), table.rows(doc)),
    }))
    const storage = testStorage(temp.directory, { items: counted })
    const items = await openItems(storage)
    expect(rebuiltRows).toBe(0)
    const stored = new Map(
      (await items.findDocumentsById(acknowledged, false)).map((doc) => [doc.id, doc]),
    )
    acknowledged.forEach((id, index) => {
      expect(id).toBe(`doc-${index}`)
      expect(stored.get(id)).toEqual(crashWriterDoc(index))
    })
    // The derived rows are exactly those of the stored documents, tally included.
    const reader = testReader(storage)
    for (const table of ITEM_DERIVED['items'] ?? []) {
      const { actual, expected } = derivedRowsActualAndExpected(reader, '"docs:items:0"', table)
      expect(actual.length).toBeGreaterThanOrEqual(acknowledged.length)
      expect(actual, table.name).toEqual(expected)
    }
    await items.close()
  })

  it('refuses a second process while the file is open, and admits it after close', async () => {
    const items = await openItems(testStorage(temp.directory, ITEM_DERIVED))
    const whileOpen = watchLines(spawnWriter(temp.directory, 'open'))
    await whileOpen.closed
    await items.close()
    const afterClose = watchLines(spawnWriter(temp.directory, 'open'))
    await afterClose.closed

    expect(whileOpen.lines).toEqual(['locked'])
    expect(afterClose.lines).toEqual(['opened'])
  })
})
