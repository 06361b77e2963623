import { useState } from 'react'
import type { FormEvent } from 'react'
import { adminApi, AdminApiError } from '../db/admin-api'
import type { SyncTarget } from '../db/replication'
import { invitationParse } from '../session/invitation'
import { useSessionStore } from '../stores/session-store'

export interface SignInFormProps {
  readonly defaultServerUrl: string
  readonly onSignedIn: (target: SyncTarget) => void
  readonly submitLabel?: string
}

/**
 * Signs in with a person's token, pasted once, or with the invitation link an owner sent
 * (`<server>/app/#invite=<token>`): the server is asked who the token belongs to before the desk
 * switches to it, so a wrong token is said at once, in words.
 */
export function SignInForm({ defaultServerUrl, onSignedIn, submitLabel }: SignInFormProps) {
  const [serverUrl, setServerUrl] = useState(defaultServerUrl)
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [isChecking, setIsChecking] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    let server: URL
    try {
      server = new URL(serverUrl)
      if (server.protocol !== 'http:' && server.protocol !== 'https:') throw new Error('protocol')
    } catch {
      setError('Enter the server address, e.g. http://127.0.0.1:4400')
      return
    }
    const invitation = invitationParse(secret, server.origin + server.pathname)
    if (!invitation) {
      setError('Paste your token, or the invitation link you were sent.')
      return
    }
    const target = { serverUrl: invitation.serverUrl, adminToken: invitation.token }
    setIsChecking(true)
    setError(null)
    try {
      const me = await adminApi(target).me()
      useSessionStore.getState().remember(target.serverUrl, me)
      onSignedIn(target)
    } catch (err) {
      setError(
        err instanceof AdminApiError && err.status === 401
          ? 'This token is not valid: it may have been replaced or removed. Ask an owner for a new one.'
          : err instanceof Error
            ? err.message
            : String(err),
      )
    } finally {
      setIsChecking(false)
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)} className="stack">
      <label className="field">
        <span>Server address</span>
        <input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
      </label>
      <label className="field">
        <span>Your token or invitation link</span>
        <input
          type="password"
          autoComplete="off"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" className="btn btn-primary" disabled={isChecking}>
        {isChecking ? 'Checking…' : (submitLabel ?? 'Sign in')}
      </button>
    </form>
  )
}
