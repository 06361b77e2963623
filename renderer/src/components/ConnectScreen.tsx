import type { SyncTarget } from '../db/replication'
import { SignInForm } from './SignInForm'

export interface ConnectScreenProps {
  readonly defaultServerUrl: string
  readonly onConnect: (target: SyncTarget) => void
}

/** Web mode without a remembered connection: sign in with a token or an invitation link. */
export function ConnectScreen({ defaultServerUrl, onConnect }: ConnectScreenProps) {
  return (
    <main className="connect">
      <h1 style={{ fontSize: 'var(--text-xl)', margin: 0 }}>Sign in to Teamslot</h1>
      <p>
        Paste the token or the invitation link an owner gave you. The first owner uses the admin
        token the sync server printed when it first started.
      </p>
      <SignInForm defaultServerUrl={defaultServerUrl} onSignedIn={onConnect} />
    </main>
  )
}
