import type { SyncTarget } from './replication'

/**
 * The sync server's admin API as the data layer reads it (history, the ledger baseline): GET with
 * the admin token, JSON back. A request that never reached the server (no network, server down)
 * rejects with {@link ServerUnreachable}, any other failure with {@link ServerRefused}; views say
 * the first as "not available offline".
 */
export class ServerUnreachable extends Error {
  constructor(cause: unknown) {
    super(
      `The sync server cannot be reached (${cause instanceof Error ? cause.message : 'network'})`,
    )
    this.name = 'ServerUnreachable'
  }
}

export class ServerRefused extends Error {
  constructor(readonly status: number) {
    super(`The sync server answered ${status}`)
    this.name = 'ServerRefused'
  }
}

/** GET `path` (with its query) from the server as JSON. */
export async function remoteGetJson(
  target: SyncTarget,
  path: string,
  signal?: AbortSignal,
): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(`${target.serverUrl}${path}`, {
      headers: { Authorization: `Bearer ${target.adminToken}`, Accept: 'application/json' },
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    })
  } catch (err) {
    if (signal?.aborted) throw err
    throw new ServerUnreachable(err)
  }
  if (!response.ok) throw new ServerRefused(response.status)
  try {
    return (await response.json()) as unknown
  } catch (err) {
    // The connection dropped while the body was read.
    throw new ServerUnreachable(err)
  }
}
