import { useEffect, useState, useSyncExternalStore } from 'react'
import { offlineShellState, offlineShellSubscribe } from '../offline-shell'
import type { FormEvent } from 'react'
import type { DesktopSettings } from '../../../electron/shared/ipc-contract'
import { connectionForget, connectionRemember } from '../connection'
import type { SyncTarget } from '../db/replication'
import { useSessionStore } from '../stores/session-store'
import { useSignedIn } from '../session/use-can'
import { ROLE_TEXT } from '../../../core/src/people'
import { SignInForm } from './SignInForm'
import { invitationParse } from '../session/invitation'
import { WorkspaceZoneSetting } from './WorkspaceZoneSetting'
import { MailSettings } from './MailSettings'

export interface SettingsViewProps {
  readonly target: SyncTarget
}

/**
 * Where this app syncs. In the desktop app: the embedded local server (default) or a remote server
 * (URL and admin token, applied at the next start). In web mode: the server in use and signing out.
 */
export function SettingsView({ target }: SettingsViewProps) {
  const bridge = window.teamslot
  const person = useSignedIn()
  return (
    <section aria-labelledby="settings-heading" className="view">
      <h2 id="settings-heading">Settings</h2>
      <div className="card stack" style={{ maxWidth: '36rem' }}>
        <h3>Signed in</h3>
        <p>
          {person ? (
            <>
              <strong>{person.name}</strong>, {person.role}: {ROLE_TEXT[person.role]}. Booking
              history and the activity log name you.
            </>
          ) : (
            'The server has not said yet who this desk is; until it does, nothing can be changed.'
          )}
        </p>
        <WorkspaceZoneSetting />
      </div>
      <div className="card stack" style={{ maxWidth: '36rem' }}>
        <h3>Sync server</h3>
        <p>
          Syncing with <strong>{target.serverUrl}</strong>
        </p>
        {bridge ? <DesktopServerForm /> : <WebSignOut target={target} />}
      </div>
      <MailSettings target={target} />
      {bridge ? null : <OfflineShell />}
    </section>
  )
}

/** Whether this browser keeps the app for use without a network (web mode). */
function OfflineShell() {
  const state = useSyncExternalStore(offlineShellSubscribe, offlineShellState)
  return (
    <div className="card stack" style={{ maxWidth: '36rem' }}>
      <h3>Offline use</h3>
      <p role="status" aria-label="Offline use">
        {state === 'ready'
          ? 'Ready: this browser keeps the app, so it opens without a network and syncs later.'
          : state === 'installing'
            ? 'Saving the app in this browser for use without a network…'
            : 'This browser cannot keep the app for use without a network; keep this tab open.'}
      </p>
    </div>
  )
}

function WebSignOut({ target }: { readonly target: SyncTarget }) {
  return (
    <>
      <details>
        <summary>Sign in as someone else</summary>
        <SignInForm
          defaultServerUrl={target.serverUrl}
          submitLabel="Sign in"
          onSignedIn={(next) => {
            connectionRemember(next)
            window.location.reload()
          }}
        />
      </details>
      <button
        type="button"
        className="btn"
        onClick={() => {
          connectionForget()
          useSessionStore.getState().forget(target.serverUrl)
          window.location.reload()
        }}
      >
        Sign out of this server
      </button>
    </>
  )
}

function DesktopServerForm() {
  const [settings, setSettings] = useState<DesktopSettings | null>(null)
  const [url, setUrl] = useState('')
  const [token, setToken] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    void window.teamslot?.getSettings().then((loaded) => {
      setSettings(loaded)
      setUrl(loaded.remoteServerUrl ?? '')
    })
  }, [])
  const save = async (next: DesktopSettings) => {
    try {
      setSettings(await window.teamslot!.setRemoteServer(next))
      setMessage('Saved. Restart Teamslot to connect with the new setting.')
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err))
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    // A pasted invitation link names its server and carries the token.
    const invitation = invitationParse(token, url.trim())
    void save({
      remoteServerUrl: invitation?.serverUrl ?? url.trim(),
      remoteAdminToken: invitation?.token ?? token.trim(),
    })
  }
  if (!settings) return <p>Loading settings…</p>
  return (
    <form onSubmit={submit} className="stack">
      <p>
        {settings.remoteServerUrl
          ? `Configured remote server: ${settings.remoteServerUrl}`
          : 'Using the sync server built into this app (data stays on this computer).'}
      </p>
      <label className="field">
        <span>Remote sync server</span>
        <input
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://sync.example.com"
        />
      </label>
      <label className="field">
        <span>Your token (or the admin token)</span>
        <input type="password" value={token} onChange={(e) => setToken(e.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" className="btn btn-primary">
          Use remote server
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void save({ remoteServerUrl: null, remoteAdminToken: null })}
        >
          Use built-in server
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
    </form>
  )
}
