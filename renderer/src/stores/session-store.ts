import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { SignedInPerson } from '../db/admin-api'

/**
 * Who is signed in, per sync server: what `GET /api/admin/me` last said, kept across restarts so
 * the desktop works offline with the role it last knew (the server re-checks every request and
 * every synced change). `isTokenRefused`: the server no longer accepts this desk's token.
 */
export interface SessionState {
  readonly byServer: Readonly<Record<string, SignedInPerson>>
  readonly isTokenRefused: boolean
  remember(serverUrl: string, person: SignedInPerson): void
  tokenRefused(): void
  forget(serverUrl: string): void
}

/** Builds a fresh store (tests build their own); the people known per server are persisted. */
export function createSessionStore() {
  return create<SessionState>()(
    persist(
      (set) => ({
        byServer: {},
        isTokenRefused: false,
        remember: (serverUrl, person) =>
          set((state) => ({
            byServer: { ...state.byServer, [serverUrl]: person },
            isTokenRefused: false,
          })),
        tokenRefused: () => set({ isTokenRefused: true }),
        forget: (serverUrl) =>
          set((state) => {
            const { [serverUrl]: _gone, ...rest } = state.byServer
            return { byServer: rest, isTokenRefused: false }
          }),
      }),
      {
        name: 'teamslot.session',
        storage: createJSONStorage(() => localStorage),
        partialize: (state) => ({ byServer: state.byServer }),
      },
    ),
  )
}

/** The app's session store. */
export const useSessionStore = createSessionStore()
