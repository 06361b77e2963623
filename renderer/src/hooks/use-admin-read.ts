import { useCallback, useEffect, useState } from 'react'
import { adminApi, AdminApiError } from '../db/admin-api'
import type { SyncTarget } from '../db/replication'

/** What a view read from the admin API: the value (null until it came), or why it did not come. */
export interface AdminRead<T> {
  readonly value: T | null
  readonly error: string | null
  /** Reads again (after a change); the last value stays until the new one comes. */
  readonly reload: () => void
}

/**
 * Reads `read` from the admin API of `target` when the view opens and whenever `key` changes (what
 * it reads: a webhook's id), and on `reload`. A failure is kept in words (offline: "cannot be
 * reached"), and the next success clears it.
 */
export function useAdminRead<T>(
  target: SyncTarget,
  key: string,
  read: (api: ReturnType<typeof adminApi>) => Promise<T>,
): AdminRead<T> {
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(() => {
    read(adminApi(target)).then(
      (next) => {
        setValue(next)
        setError(null)
      },
      (err: unknown) => setError(err instanceof AdminApiError ? err.message : String(err)),
    )
    // `key` names what `read` reads: a new key reads anew (`read` itself is new every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, key])
  useEffect(reload, [reload])
  return { value, error, reload }
}
