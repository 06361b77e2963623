import { useSessionStore } from '../stores/session-store'
import { useSignedIn } from '../session/use-can'

/**
 * "Signed in as Ana Silva (scheduler)"; the role left out where the name says it already (the
 * server's first token is the person "Owner", an owner: "Signed in as Owner", not "Owner (owner)").
 */
export function signedInText(name: string, role: string): string {
  return name.trim().toLowerCase() === role.toLowerCase()
    ? `Signed in as ${name}`
    : `Signed in as ${name} (${role})`
}

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
      {person ? signedInText(person.name, person.role) : 'Signing in…'}
    </span>
  )
}
