import { createContext, useContext, useEffect, useState } from 'react'
import type { MangoQuery } from 'rxdb'
import type { CollectionName } from '../../../core/src/schema/collections'
import type { AppDatabase, AppDoc } from './database'

export const DatabaseContext = createContext<AppDatabase | null>(null)

/** The open local database; throws outside a provider (a wiring bug, not a user error). */
export function useDatabase(): AppDatabase {
  const db = useContext(DatabaseContext)
  if (!db) throw new Error('useDatabase needs a DatabaseContext provider')
  return db
}

/**
 * Live documents of one collection as plain JSON, re-rendering on every change (local or
 * replicated). `undefined` until the first result. `queryKey` identifies the query for re-subscribing.
 */
export function useDocuments<T = AppDoc>(
  collection: CollectionName,
  query: MangoQuery<AppDoc> = {},
  queryKey = '',
): readonly T[] | undefined {
  const db = useDatabase()
  const [docs, setDocs] = useState<readonly T[] | undefined>(undefined)
  useEffect(() => {
    const subscription = db[collection]
      .find(query)
      .$.subscribe((results) => setDocs(results.map((d) => d.toJSON() as unknown as T)))
    return () => subscription.unsubscribe()
    // The query object is described by queryKey; re-subscribing on identity would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, collection, queryKey])
  return docs
}
