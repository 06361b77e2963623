import { useUiStore } from '../stores/ui-store'
import type { View } from '../stores/ui-store'
import { BookingsView } from './BookingsView'
import { SyncStatusBar } from './SyncStatusBar'
import { TeamView } from './TeamView'

const VIEWS: readonly { id: View; label: string }[] = [
  { id: 'team', label: 'Team' },
  { id: 'bookings', label: 'Bookings' },
]

/** The signed-in layout: navigation, the current view, the sync status. */
export function AppShell() {
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
      <main className="shell-main">{view === 'team' ? <TeamView /> : <BookingsView />}</main>
    </div>
  )
}
