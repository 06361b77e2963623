import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRxDatabase } from 'rxdb'
import type { RxJsonSchema } from 'rxdb'
import { afterEach, describe, expect, it } from 'vitest'
import { bookingSchema } from '../../core/src/schema/collections'
import type { AnyDoc } from './database'
import { getRxStorageSqlite } from './storage'
import { startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** The bookings collection as servers before derived conflicts stored it (v0, with `conflict`). */
function bookingSchemaV0(): RxJsonSchema<AnyDoc> {
  return {
    ...bookingSchema,
    version: 0,
    properties: { ...bookingSchema.properties, conflict: { type: ['object', 'null'] } },
  } as unknown as RxJsonSchema<AnyDoc>
}

const created = { at: '2027-03-01T10:00:00.000Z', action: 'created', by: 'customer' }
function v0Booking(id: string, conflict: unknown) {
  return {
    id,
    eventTypeId: 'et-call',
    masterPageId: null,
    start: '2027-03-15T09:00:00.000Z',
    end: '2027-03-15T09:30:00.000Z',
    hostMemberIds: ['m-ana'],
    poolId: null,
    panelId: null,
    status: 'scheduled',
    customer: { name: 'Lee', email: 'lee@example.org', timeZone: 'UTC' },
    answers: {},
    createdVia: 'public',
    history: [created],
    manageToken: 'secret',
    idempotencyKey: null,
    conflict,
    updatedAt: '2027-03-01T10:00:00.000Z',
  }
}

describe('a server store from before derived conflicts', () => {
  it('migrates bookings on open: marks leave, a lost offline version stays as history', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'teamslot-upgrade-'))
    const old = await createRxDatabase({
      name: 'teamslot',
      storage: getRxStorageSqlite({ directory: dataDir }),
      multiInstance: false,
    })
    await old.addCollections({ bookings: { schema: bookingSchemaV0() } })
    await old['bookings']!.bulkInsert([
      v0Booking('bk-overlap', {
        withBookingIds: ['bk-other'],
        memberIds: ['m-ana'],
        detectedAt: '2027-03-02T10:00:00.000Z',
        message: 'overlaps bk-other for m-ana',
      }),
      v0Booking('bk-lost', {
        withBookingIds: [],
        memberIds: [],
        localVersion: {
          start: '2027-03-15T09:00:00.000Z',
          end: '2027-03-15T09:30:00.000Z',
          hostMemberIds: ['m-ben'],
          status: 'scheduled',
          history: [],
        },
        detectedAt: '2027-03-02T10:00:00.000Z',
        message: 'changed on this desktop while offline, and on the server meanwhile',
      }),
    ])
    await old.destroy()

    app = await startTestApp({ dataDir })
    const overlap = (await app.teamslot.db.bookings.findOne('bk-overlap').exec())!.toJSON()
    expect(overlap).not.toHaveProperty('conflict')
    expect(overlap.history).toEqual([created])
    expect(overlap['manageToken']).toBe('secret')
    const lost = (await app.teamslot.db.bookings.findOne('bk-lost').exec())!.toJSON()
    expect(lost).not.toHaveProperty('conflict')
    expect(lost.history).toEqual([
      created,
      {
        at: '2027-03-02T10:00:00.000Z',
        action: 'change-superseded',
        by: 'system',
        reason: 'changed on this desktop while offline, and on the server meanwhile',
        supersededVersion: {
          start: '2027-03-15T09:00:00.000Z',
          end: '2027-03-15T09:30:00.000Z',
          hostMemberIds: ['m-ben'],
          status: 'scheduled',
        },
      },
    ])
  })
})
