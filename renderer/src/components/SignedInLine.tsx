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
      <span role="alert" className="signed-in">
        Token no longer accepted: sign in again in Settings
      </span>
    )
  }
  return (
    <span className="signed-in">
      {person ? `Signed in as ${person.name} (${person.role})` : 'Signing in…'}
    </span>
  )
}
