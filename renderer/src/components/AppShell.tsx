import { useUiStore } from '../stores/ui-store'
import type { View } from '../stores/ui-store'
import type { SyncTarget } from '../db/replication'
import { BookingsView } from './BookingsView'
import { ConflictsView } from './ConflictsView'
import { DayBoard } from './DayBoard'
import { PoolsView } from './PoolsView'
import { SetupView } from './SetupView'
import { ReassignDialog } from './ReassignDialog'
import { useWorkspace } from '../db/use-workspace'
import { SettingsView } from './SettingsView'
import { SyncStatusBar } from './SyncStatusBar'
import { TeamView } from './TeamView'

const VIEWS: readonly { id: View; label: string }[] = [
  { id: 'team', label: 'Team' },
  { id: 'calendar', label: 'Calendar' },
  { id: 'bookings', label: 'Bookings' },
  { id: 'pools', label: 'Pools' },
  { id: 'setup', label: 'Setup' },
  { id: 'conflicts', label: 'Conflicts' },
  { id: 'settings', label: 'Settings' },
]

export interface AppShellProps {
  readonly target: SyncTarget
}

/** The signed-in layout: navigation, the current view, the sync status. */
export function AppShell({ target }: AppShellProps) {
  const view = useUiStore((s) => s.view)
  const setView = useUiStore((s) => s.setView)
  const reassign = useUiStore((s) => s.reassign)
  const live = useWorkspace()
  const conflictCount = live?.conflictList.length ?? 0
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
              {v.id === 'conflicts' && conflictCount > 0 ? (
                <span className="nav-count" aria-label={`${conflictCount} open`}>
                  {conflictCount}
                </span>
              ) : null}
            </button>
          ))}
        </nav>
        <SyncStatusBar />
      </header>
      <main className="shell-main">
        {view === 'team' ? <TeamView /> : null}
        {view === 'calendar' ? <DayBoard /> : null}
        {view === 'bookings' ? <BookingsView /> : null}
        {view === 'pools' ? <PoolsView /> : null}
        {view === 'setup' ? <SetupView /> : null}
        {view === 'conflicts' ? <ConflictsView /> : null}
        {view === 'settings' ? <SettingsView target={target} /> : null}
      </main>
      {reassign && live ? (
        <ReassignDialog
          key={reassign.bookingId + reassign.fromMemberId}
          intent={reassign}
          live={live}
        />
      ) : null}
    </div>
  )
}
