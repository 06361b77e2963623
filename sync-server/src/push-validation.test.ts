import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Workspace } from '../../core/src/model/workspace'
import {
  RECORD_COLLECTIONS,
  COLLECTION_TO_WORKSPACE_KEY,
} from '../../core/src/schema/workspace-documents'
import type { RecordCollection } from '../../core/src/schema/workspace-documents'
import { recordParse } from '../../core/src/validation'
import type { AnyDoc } from './database'
import { pushCheck } from './push-validation'
import { fixtureWorkspace } from './test-support/fixtures'

/** Values a person, a buggy desktop or an attacker might put into any field. */
const JUNK: readonly unknown[] = [
  '',
  '   ',
  'Has Caps!',
  'ok-slug',
  'ana@example.com',
  'not-an-email',
  'Europe/Berlin',
  'Mars/Olympus',
  '__proto__',
  'constructor',
  'm-ana',
  'm-nobody',
  'et-call',
  'pool-rr',
  '09:00',
  '25:00',
  '2027-03-11T10:00:00.000Z',
  '2027-02-30T10:00:00.000Z',
  0,
  1,
  -1,
  1.5,
  60,
  100_000,
  true,
  null,
  [],
  [['09:00', '17:00']],
  [['17:00', '09:00']],
  {},
  { poolId: 'pool-rr' },
]

/** A record of `collection` from the fixture with up to three fields replaced by junk. */
function mutated(workspace: Workspace) {
  return fc
    .record({
      collection: fc.constantFrom(...RECORD_COLLECTIONS),
      pick: fc.nat(),
      edits: fc.array(fc.tuple(fc.nat(), fc.nat({ max: JUNK.length - 1 })), { maxLength: 3 }),
      isNew: fc.boolean(),
    })
    .map(({ collection, pick, edits, isNew }) => {
      const records = workspace[COLLECTION_TO_WORKSPACE_KEY[collection]] as readonly Record<
        string,
        unknown
      >[]
      const base = records[pick % records.length] ?? {}
      const record: Record<string, unknown> = { ...base, ...(isNew ? { id: 'x-new' } : {}) }
      const keys = Object.keys(record)
      for (const [field, junk] of edits) record[keys[field % keys.length]!] = JUNK[junk]
      return { collection, record }
    })
}

describe('whatever the desktop accepts, the server accepts (and the reverse)', () => {
  const workspace = fixtureWorkspace()
  const stored = (): AnyDoc | undefined => undefined

  it('holds for random edits of every record kind', () => {
    fc.assert(
      fc.property(mutated(workspace), ({ collection, record }) => {
        const key = COLLECTION_TO_WORKSPACE_KEY[collection as RecordCollection]
        // What the desktop's editors run before saving (renderer/src/team/record-problems.ts).
        const desktop = recordParse(workspace, key, record)
        // What the desktop writes, and the server then checks on the replicated push.
        const doc = { ...record, updatedAt: '2027-03-10T08:00:00.000Z', _deleted: false }
        const server = pushCheck(
          collection,
          [{ newDocumentState: doc as unknown as AnyDoc }],
          workspace,
          stored,
        )
        expect(server.ok).toBe(desktop.ok)
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses the records the promises issue found the desktop accepting', () => {
    const page = { ...workspace.masterPages[0]!, slug: 'Has Caps!' }
    const member = { ...workspace.members[0]!, name: '', email: 'bad' }
    for (const [collection, record] of [
      ['masterpages', page],
      ['members', member],
    ] as const) {
      const key = COLLECTION_TO_WORKSPACE_KEY[collection]
      expect(recordParse(workspace, key, record).ok).toBe(false)
      const check = pushCheck(
        collection,
        [{ newDocumentState: record as AnyDoc }],
        workspace,
        stored,
      )
      expect(check.ok).toBe(false)
    }
  })
})
