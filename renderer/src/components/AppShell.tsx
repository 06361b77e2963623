import { useUiStore } from '../stores/ui-store'
import type { View } from '../stores/ui-store'
import type { SyncTarget } from '../db/replication'
import { BookingsView } from './BookingsView'
import { SettingsView } from './SettingsView'
import { SyncStatusBar } from './SyncStatusBar'
import { TeamView } from './TeamView'

const VIEWS: readonly { id: View; label: string }[] = [
  { id: 'team', label: 'Team' },
  { id: 'bookings', label: 'Bookings' },
  { id: 'settings', label: 'Settings' },
]

export interface AppShellProps {
  readonly target: SyncTarget
}

/** The signed-in layout: navigation, the current view, the sync status. */
export function AppShell({ target }: AppShellProps) {
  const view = useUiStore((s) => s.view)
  const setView = useUiStore((s) => s.setView)
  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Teamslot</h1>
        <nav aria-label="Main">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              aria-current={view === v.id ? 'page' : undefined}
              onClick={() => setView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </nav>
        <SyncStatusBar />
      </header>
      <main className="shell-main">
        {view === 'team' ? <TeamView /> : null}
        {view === 'bookings' ? <BookingsView /> : null}
        {view === 'settings' ? <SettingsView target={target} /> : null}
      </main>
    </div>
  )
}
