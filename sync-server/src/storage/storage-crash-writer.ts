/**
 * Child process for storage-crash.test.ts (not production code). Run with
 * `node --import tsx storage-crash-writer.ts <directory> <mode>`:
 * - `write`: writes documents `doc-0`, `doc-1`, … one bulkWrite at a time and prints each id on its
 *   own stdout line only after its bulkWrite resolved, forever (until killed). Each bulkWrite also
 *   updates one `tally` document (every fourth time as a deletion, then a revival), and the
 *   storage keeps the test collection's derived tables (`ITEM_DERIVED`) in step;
 * - `open`: tries to open the database and prints `opened` or `locked`, then exits.
 * It runs on the parent's Node (`process.execPath`) and driver (`TEAMSLOT_TEST_SQLITE_DRIVER`).
 */
import type { BulkWriteRow, RxDocumentData } from 'rxdb'
import type { ItemDoc } from './storage-test-support'
import {
  crashWriterDoc,
  ITEM_DERIVED,
  newItem,
  openItems,
  testStorage,
  updateRow,
} from './storage-test-support'

/** The `tally` write that goes with write number `index`, after the `previous` tally. */
function tallyWrite(index: number, previous?: RxDocumentData<ItemDoc>): BulkWriteRow<ItemDoc> {
  if (!previous) {
    return { document: newItem({ id: 'tally', name: 'tally-0' }) }
  }
  return updateRow(previous, {
    name: `tally-${index % 17}`,
    rank: index % 1000,
    _deleted: index % 4 === 3,
  })
}

async function main(directory: string, mode: string): Promise<void> {
  const storage = testStorage(directory, ITEM_DERIVED)
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
  let tally: RxDocumentData<ItemDoc> | undefined
  for (let index = 0; ; index += 1) {
    const nextTally = tallyWrite(index, tally)
    const { error } = await items.bulkWrite(
      [{ document: crashWriterDoc(index) }, nextTally],
      'crash-writer',
    )
    if (error.length > 0) {
      throw new Error(`write ${index} failed with status ${error[0]?.status}`)
    }
    tally = nextTally.document
    process.stdout.write(`doc-${index}\n`)
  }
}

const [directory, mode] = process.argv.slice(2)
if (!directory || !mode) {
  throw new Error('usage: storage-crash-writer.ts <directory> <write|open>')
}
await main(directory, mode)
