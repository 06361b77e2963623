import { useEffect, useState } from 'react'
import { combineLatest } from 'rxjs'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import { COLLECTION_NAMES } from '../../../core/src/schema/collections'
import {
  COLLECTION_TO_WORKSPACE_KEY,
  documentToRecord,
} from '../../../core/src/schema/workspace-documents'
import type { AppDoc } from './database'
import { useDatabase } from './hooks'

/** The conflict mark the server (or this desktop's conflict handler) put on a booking. */
export interface BookingConflictMark {
  readonly withBookingIds: readonly string[]
  readonly memberIds: readonly string[]
  readonly localVersion?: Readonly<Partial<Booking>> | null
  readonly detectedAt: string
  readonly message: string
}

export interface LiveWorkspace {
  /** The local replica as a v1 workspace: what core's decisions read. */
  readonly workspace: Workspace
  /** Conflict marks by booking id (stored next to the records, not part of the workspace). */
  readonly conflicts: ReadonlyMap<string, BookingConflictMark>
}

/**
 * The whole local workspace, live: re-assembled whenever any collection changes (locally or by
 * replication). `undefined` until every collection answered once.
 */
export function useWorkspace(): LiveWorkspace | undefined {
  const db = useDatabase()
  const [live, setLive] = useState<LiveWorkspace | undefined>(undefined)
  useEffect(() => {
    const subscription = combineLatest(COLLECTION_NAMES.map((name) => db[name].find().$)).subscribe(
      (results) => {
        const workspace: Record<string, unknown> = { version: 1 }
        const conflicts = new Map<string, BookingConflictMark>()
        COLLECTION_NAMES.forEach((name, i) => {
          const docs = (results[i] ?? []).map((doc) => doc.toJSON() as AppDoc)
          workspace[COLLECTION_TO_WORKSPACE_KEY[name]] = docs.map(documentToRecord)
          if (name === 'bookings') {
            for (const doc of docs) {
              if (doc['conflict']) conflicts.set(doc.id, doc['conflict'] as BookingConflictMark)
            }
          }
        })
        setLive({ workspace: workspace as unknown as Workspace, conflicts })
      },
    )
    return () => subscription.unsubscribe()
  }, [db])
  return live
}
