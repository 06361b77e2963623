import type { Booking, Workspace } from '../../../core/src/model/workspace'
import type { CollectionName } from '../../../core/src/schema/collections'
import { SETTINGS_ID } from '../../../core/src/schema/records'
import { deletionCheck, recordParse, zoneIsKnown } from '../../../core/src/validation'
import type {
  RecordKey,
  WorkspaceProblem,
  WorkspaceRecord,
  WorkspaceRef,
} from '../../../core/src/validation'
import { clockIso } from '../clock'
import type { AppDatabase } from './database'
import type { UnsyncedChanges } from './unsynced-changes'

/** The workspace arrays the setup editors write (bookings change only through decisions). */
export type EditableKey = Exclude<RecordKey, 'bookings'>

/** Where each editable workspace array is stored, and what kind of reference it is. */
const STORAGE: Readonly<
  Record<EditableKey, { collection: CollectionName; kind: WorkspaceRef['kind'] }>
> = {
  members: { collection: 'members', kind: 'member' },
  eventTypes: { collection: 'eventtypes', kind: 'event-type' },
  pools: { collection: 'pools', kind: 'pool' },
  panels: { collection: 'panels', kind: 'panel' },
  masterPages: { collection: 'masterpages', kind: 'master-page' },
  bookingPages: { collection: 'bookingpages', kind: 'booking-page' },
}

export type SaveResult<T> =
  | { readonly ok: true; readonly record: T }
  | { readonly ok: false; readonly problems: readonly WorkspaceProblem[] }

export type RemoveResult = { readonly ok: true } | { readonly ok: false; readonly message: string }

/** Every write of the renderer goes through these functions (one door, works offline). */
export interface Writes {
  /**
   * Saves a setup record into the local replica after core's one validation (`recordParse`,
   * the same the server runs on the push); refuses with every problem, writing nothing.
   */
  recordSave<K extends EditableKey>(
    workspace: Workspace,
    key: K,
    input: unknown,
  ): Promise<SaveResult<WorkspaceRecord<K>>>
  /** Deletes a setup record unless something references it (core's `deletionCheck`). */
  recordRemove(workspace: Workspace, key: EditableKey, id: string): Promise<RemoveResult>
  /** The workspace zone (reporting cycles). */
  settingsSave(timeZone: string): Promise<RemoveResult>
  /**
   * Stores a booking exactly as a core decision returned it (new, or changed: the server's own
   * fields such as the manage token are kept). A new desk booking may carry the manage token the
   * desk generated for it (the server takes it for bookings it does not have yet).
   */
  bookingPut(booking: Booking, manageToken?: string): Promise<void>
}

/** The writes module of one database; every write is marked as waiting to sync. */
export function writesCreate(db: AppDatabase, unsynced: UnsyncedChanges): Writes {
  async function upsert(collection: CollectionName, record: { readonly id: string }) {
    const updatedAt = clockIso()
    await db[collection].upsert({ ...record, updatedAt })
    unsynced.mark(collection, record.id, updatedAt)
  }
  return {
    async recordSave(workspace, key, input) {
      const parsed = recordParse(workspace, key, input)
      if (!parsed.ok) return parsed
      await upsert(STORAGE[key].collection, parsed.record)
      return parsed
    },
    async recordRemove(workspace, key, id) {
      const { collection, kind } = STORAGE[key]
      const check = deletionCheck(workspace, { kind, id })
      if (!check.ok) return { ok: false, message: check.message }
      const doc = await db[collection].findOne(id).exec()
      if (doc) {
        await doc.remove()
        unsynced.mark(collection, id, clockIso())
      }
      return { ok: true }
    },
    async settingsSave(timeZone) {
      if (!zoneIsKnown(timeZone)) return { ok: false, message: `Unknown time zone ${timeZone}` }
      await upsert('settings', { id: SETTINGS_ID, timeZone } as { id: string })
      return { ok: true }
    },
    async bookingPut(booking, manageToken) {
      const updatedAt = clockIso()
      const doc = await db.bookings.findOne(booking.id).exec()
      if (doc) {
        await doc.incrementalModify((current) => ({ ...current, ...booking, updatedAt }))
      } else {
        await db.bookings.insert({ ...booking, ...(manageToken ? { manageToken } : {}), updatedAt })
      }
      unsynced.mark('bookings', booking.id, updatedAt)
    },
  }
}
