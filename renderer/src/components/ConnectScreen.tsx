import { useState } from 'react'
import type { FormEvent } from 'react'
import type { SyncTarget } from '../db/replication'

export interface ConnectScreenProps {
  readonly defaultServerUrl: string
  readonly onConnect: (target: SyncTarget) => void
}

/** Web mode without a remembered connection: ask for the sync server and its admin token. */
export function ConnectScreen({ defaultServerUrl, onConnect }: ConnectScreenProps) {
  const [serverUrl, setServerUrl] = useState(defaultServerUrl)
  const [adminToken, setAdminToken] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    try {
      const url = new URL(serverUrl)
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol')
    } catch {
      setError('Enter the server address, e.g. http://127.0.0.1:4400')
      return
    }
    if (adminToken.trim() === '') {
      setError('Enter the admin token the sync server printed when it first started.')
      return
    }
    onConnect({ serverUrl: serverUrl.replace(/\/+$/, ''), adminToken: adminToken.trim() })
  }
  return (
    <main className="connect">
      <h1 style={{ fontSize: 'var(--text-xl)', margin: 0 }}>Connect Teamslot to a sync server</h1>
      <form onSubmit={submit} className="stack">
        <label className="field">
          <span>Server address</span>
          <input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        </label>
        <label className="field">
          <span>Admin token</span>
          <input
            type="password"
            value={adminToken}
            onChange={(e) => setAdminToken(e.target.value)}
          />
        </label>
        {error ? <p role="alert">{error}</p> : null}
        <button type="submit" className="btn btn-primary">
          Connect
        </button>
      </form>
    </main>
  )
}
