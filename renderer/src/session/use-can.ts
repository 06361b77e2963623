import { createContext, useContext } from 'react'
import type { Action, Role } from '../../../core/src/people'
import { roleAllows } from '../../../core/src/people'
import type { SignedInPerson } from '../db/admin-api'
import { useSessionStore } from '../stores/session-store'

/** The sync server this window works with (the session is kept per server). */
export const ServerUrlContext = createContext<string>('')

/** Who is signed in to this window's server, as last confirmed by it (null: not known yet). */
export function useSignedIn(): SignedInPerson | null {
  const serverUrl = useContext(ServerUrlContext)
  return useSessionStore((s) => s.byServer[serverUrl] ?? null)
}

/**
 * The role the desktop acts with: the signed-in person's, or `viewer` until the server has said
 * who this is (nothing is offered that might be refused).
 */
export function useRole(): Role {
  return useSignedIn()?.role ?? 'viewer'
}

/** Who acts, for history written on this desk (the server records the signed-in person anyway). */
export function useActorName(): string {
  return useSignedIn()?.name ?? 'front desk'
}

/** True when the signed-in role may do `action` (core's table, the server's too). */
export function useCan(action: Action): boolean {
  return roleAllows(useRole(), action)
}
