import { useEffect, useState } from 'react'
import { combineLatest } from 'rxjs'
import { bookingConflicts, conflictsByBooking } from '../../../core/src/conflicts/booking-conflicts'
import type { BookingConflict } from '../../../core/src/conflicts/booking-conflicts'
import type { Workspace } from '../../../core/src/model/workspace'
import { COLLECTION_NAMES } from '../../../core/src/schema/collections'
import type { CollectionName } from '../../../core/src/schema/collections'
import { SETTINGS_ID } from '../../../core/src/schema/records'
import { documentToRecord, recordsToWorkspace } from '../../../core/src/schema/workspace-documents'
import type { AppDoc } from './database'
import { useDatabase } from './hooks'

export interface LiveWorkspace {
  /** The local replica as a v1 workspace: what core's decisions read. */
  readonly workspace: Workspace
  /** Every open conflict, derived from the bookings by core (never stored). */
  readonly conflictList: readonly BookingConflict[]
  /** The same conflicts by the booking ids they involve. */
  readonly conflicts: ReadonlyMap<string, readonly BookingConflict[]>
}

/**
 * The whole local workspace, live: re-assembled whenever any collection changes (locally or by
 * replication), with its conflicts derived. `undefined` until every collection answered once.
 */
export function useWorkspace(): LiveWorkspace | undefined {
  const db = useDatabase()
  const [live, setLive] = useState<LiveWorkspace | undefined>(undefined)
  useEffect(() => {
    const subscription = combineLatest(COLLECTION_NAMES.map((name) => db[name].find().$)).subscribe(
      (results) => {
        const docs = new Map<CollectionName, AppDoc[]>()
        COLLECTION_NAMES.forEach((name, i) => {
          docs.set(
            name,
            (results[i] ?? []).map((doc) => doc.toJSON() as AppDoc),
          )
        })
        const settings = docs.get('settings')?.find((doc) => doc.id === SETTINGS_ID) ?? null
        const workspace = recordsToWorkspace(settings, (name) =>
          (docs.get(name) ?? []).map(documentToRecord),
        )
        const conflictList = bookingConflicts(workspace.bookings)
        setLive({ workspace, conflictList, conflicts: conflictsByBooking(conflictList) })
      },
    )
    return () => subscription.unsubscribe()
  }, [db])
  return live
}
