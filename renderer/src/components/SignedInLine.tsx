import { useSessionStore } from '../stores/session-store'
import { useSignedIn } from '../session/use-can'

/**
 * Who this desk is signed in as, and with which role ("Signed in as Ana Silva (scheduler)"), as
 * the server last said; or that the server no longer accepts the token.
 */
export function SignedInLine() {
  const person = useSignedIn()
  const isTokenRefused = useSessionStore((s) => s.isTokenRefused)
  if (isTokenRefused) {
    return (
      <p role="alert" className="signed-in">
        The server no longer accepts this desk’s token. Sign in again in Settings.
      </p>
    )
  }
  return (
    <p className="signed-in" role="status" aria-label="Signed in">
      {person ? `Signed in as ${person.name} (${person.role})` : 'Signing in…'}
    </p>
  )
}
