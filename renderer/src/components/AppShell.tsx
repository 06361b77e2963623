import type { SyncTarget } from '../db/replication'
import { useWorkspace } from '../db/data-layer'
import type { View } from '../routing/app-route'
import { routeFormat } from '../routing/app-route'
import { useRoute } from '../routing/use-route'
import { useUiStore } from '../stores/ui-store'
import { ToastRegion } from '../ui/ToastRegion'
import { BookingDetails } from './BookingDetails'
import { BookingsView } from './BookingsView'
import { CalendarView } from './CalendarView'
import { ConflictsView } from './ConflictsView'
import { NewBookingDialog } from './NewBookingDialog'
import { OutboxView } from './OutboxView'
import { ReassignDialog } from './ReassignDialog'
import { ReportsView } from './ReportsView'
import { SettingsView } from './SettingsView'
import { SetupView } from './SetupView'
import { SyncStatusBar } from './SyncStatusBar'
import { TeamView } from './TeamView'
import { useBookingOutcomes } from '../hooks/use-booking-outcomes'

const NAV: readonly { view: View; label: string }[] = [
  { view: 'calendar', label: 'Calendar' },
  { view: 'bookings', label: 'Bookings' },
  { view: 'reports', label: 'Reports' },
  { view: 'team', label: 'Team' },
  { view: 'setup', label: 'Setup' },
  { view: 'conflicts', label: 'Conflicts' },
  { view: 'outbox', label: 'Outbox' },
  { view: 'settings', label: 'Settings' },
]

export interface AppShellProps {
  readonly target: SyncTarget
}

/**
 * The signed-in layout: navigation (links: the view lives in the URL), the sync status, the
 * current view, the booking details panel (`booking` in the URL), the reassign and desk-booking
 * dialogs and the toasts.
 */
export function AppShell({ target }: AppShellProps) {
  const [route] = useRoute()
  const reassign = useUiStore((s) => s.reassign)
  const newBooking = useUiStore((s) => s.newBooking)
  const live = useWorkspace()
  useBookingOutcomes()
  const conflictCount = live?.conflictList.length ?? 0
  const bookingId = route.params['booking'] ?? null
  return (
    <div className="shell">
      <header className="shell-header">
        <p className="brand">Teamslot</p>
        <nav aria-label="Main" className="shell-nav">
          {NAV.map((item) => (
            <a
              key={item.view}
              href={routeFormat({
                view: item.view,
                params: route.params['date'] ? { date: route.params['date'] } : {},
              })}
              aria-current={route.view === item.view ? 'page' : undefined}
            >
              {item.label}
              {item.view === 'conflicts' && conflictCount > 0 ? (
                <span className="nav-count" aria-label={`${conflictCount} open`}>
                  {conflictCount}
                </span>
              ) : null}
            </a>
          ))}
        </nav>
        <SyncStatusBar />
      </header>
      <main className="shell-main">
        {live === undefined ? <p>Opening the workspace…</p> : null}
        {live && route.view === 'calendar' ? <CalendarView /> : null}
        {live && route.view === 'bookings' ? <BookingsView /> : null}
        {live && route.view === 'reports' ? <ReportsView /> : null}
        {live && route.view === 'team' ? <TeamView target={target} /> : null}
        {live && route.view === 'setup' ? <SetupView /> : null}
        {live && route.view === 'conflicts' ? <ConflictsView /> : null}
        {route.view === 'outbox' ? <OutboxView target={target} /> : null}
        {route.view === 'settings' ? <SettingsView target={target} /> : null}
      </main>
      {live && bookingId ? (
        <BookingDetails key={bookingId} bookingId={bookingId} target={target} />
      ) : null}
      {reassign && live ? (
        <ReassignDialog key={reassign.bookingId + reassign.fromMemberId} intent={reassign} />
      ) : null}
      {newBooking && live ? (
        <NewBookingDialog key={newBooking.date} initialDate={newBooking.date} target={target} />
      ) : null}
      <ToastRegion />
    </div>
  )
}
