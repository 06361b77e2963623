/**
 * Child process for storage-crash.test.ts (not production code). Run with
 * `node --import tsx storage-crash-writer.ts <directory> <mode>`:
 * - `write`: writes documents `doc-0`, `doc-1`, … one bulkWrite at a time and prints each id on its
 *   own stdout line only after its bulkWrite resolved, forever (until killed);
 * - `open`: tries to open the database and prints `opened` or `locked`, then exits.
 * It runs on the parent's Node (`process.execPath`) and driver (`TEAMSLOT_TEST_SQLITE_DRIVER`).
 */
import { crashWriterDoc, openItems, testStorage } from './storage-test-support'

async function main(directory: string, mode: string): Promise<void> {
  const storage = testStorage(directory)
  if (mode === 'open') {
    try {
      const items = await openItems(storage)
      process.stdout.write('opened\n')
      await items.close()
    } catch {
      process.stdout.write('locked\n')
    }
    return
  }
  const items = await openItems(storage)
  for (let index = 0; ; index += 1) {
    const { error } = await items.bulkWrite([{ document: crashWriterDoc(index) }], 'crash-writer')
    if (error.length > 0) {
      throw new Error(`write ${index} failed with status ${error[0]?.status}`)
    }
    process.stdout.write(`doc-${index}\n`)
  }
}

const [directory, mode] = process.argv.slice(2)
if (!directory || !mode) {
  throw new Error('usage: storage-crash-writer.ts <directory> <write|open>')
}
await main(directory, mode)
