import { useRef } from 'react'
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
import type { Action } from '../../../core/src/people'
import { roleAllows, roleHelpText, roleRefusalText } from '../../../core/src/people'
import { sentenceStart } from '../../../core/src/text/sentence'
import { useRole } from '../session/use-can'
import { ActivityView } from './ActivityView'
import { PeopleView } from './PeopleView'
import { WebhooksView } from './WebhooksView'

/** Every view, and what a role must be allowed to see it (core's table; the server's too). */
/**
 * The main navigation in four groups (drawn apart): the bookings themselves, the team and what
 * customers book, what was sent and done, and who signs in and how this computer connects. Each
 * item says what it holds on hover (its title) and, to a keyboard, when it has the focus (the same
 * words shown under it, kept out of its accessible name: screen readers read the title as its
 * description).
 */
const NAV: readonly {
  view: View
  label: string
  action: Action
  group: number
  title: string
}[] = [
  {
    view: 'calendar',
    label: 'Calendar',
    action: 'read',
    group: 0,
    title: 'The day, a column per member: book, move and reassign',
  },
  {
    view: 'bookings',
    label: 'Bookings',
    action: 'read',
    group: 0,
    title: 'Bookings by week, month or list; search and export',
  },
  {
    view: 'conflicts',
    label: 'Conflicts',
    action: 'read',
    group: 0,
    title: 'Bookings that clash after changes made offline',
  },
  {
    view: 'reports',
    label: 'Reports',
    action: 'read',
    group: 0,
    title: 'Bookings counted, and how each pool shares them out',
  },
  {
    view: 'team',
    label: 'Team',
    action: 'read',
    group: 1,
    title: 'The members who take bookings: hours, zones, their own calendars',
  },
  {
    view: 'setup',
    label: 'Setup',
    action: 'setup',
    group: 1,
    title: 'What customers book: event types, booking and master pages, pools, panels',
  },
  {
    view: 'outbox',
    label: 'Outbox',
    action: 'read',
    group: 2,
    title: 'Emails sent, waiting and failed, and reminders to come',
  },
  {
    view: 'activity',
    label: 'Activity',
    action: 'audit',
    group: 2,
    title: 'Who changed what, and when',
  },
  {
    view: 'people',
    label: 'People',
    action: 'people',
    group: 3,
    title: 'Who may sign in, and with which role',
  },
  {
    view: 'webhooks',
    label: 'Webhooks',
    action: 'webhooks',
    group: 3,
    title: 'Other systems told about bookings as they happen',
  },
  {
    view: 'settings',
    label: 'Settings',
    action: 'read',
    group: 3,
    title: 'This computer, the sync server, email and the workspace’s zone',
  },
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
  const bookingsMode = useUiStore((s) => s.bookingsMode)
  const live = useWorkspace()
  useBookingOutcomes()
  const conflictCount = live?.conflictList.length ?? 0
  const bookingId = route.params['booking'] ?? null
  const role = useRole()
  const nav = NAV.filter((item) => roleAllows(role, item.action))
  const viewAction = NAV.find((item) => item.view === route.view)?.action ?? 'read'
  const isAllowed = roleAllows(role, viewAction)
  const view = isAllowed ? route.view : null
  const mainRef = useRef<HTMLElement>(null)
  return (
    <div className="shell">
      <header className="shell-header">
        {/* The keyboard's first stop: past the eleven navigation links to the view (a button, not a
            #fragment link: the address's fragment is the app's route). */}
        <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
          Skip to the view
        </button>
        <p className="brand">Teamslot</p>
        <nav aria-label="Main" className="shell-nav">
          {nav.map((item, i) => (
            <a
              key={item.view}
              className={i > 0 && nav[i - 1]!.group !== item.group ? 'nav-group-start' : undefined}
              title={item.title}
              data-description={item.title}
              href={routeFormat({
                view: item.view,
                params: {
                  ...(route.params['date'] ? { date: route.params['date'] } : {}),
                  ...(item.view === 'bookings' && bookingsMode !== 'week'
                    ? { mode: bookingsMode }
                    : {}),
                },
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
      <main className="shell-main" ref={mainRef} tabIndex={-1}>
        {live === undefined ? <p>Opening the workspace…</p> : null}
        {isAllowed ? null : (
          <div className="card stack">
            <p role="alert">{`${sentenceStart(roleRefusalText(role, viewAction))}.`}</p>
            <p className="muted">{roleHelpText(viewAction)}</p>
          </div>
        )}
        {live && view === 'calendar' ? <CalendarView /> : null}
        {live && view === 'bookings' ? <BookingsView /> : null}
        {live && view === 'reports' ? <ReportsView /> : null}
        {live && view === 'team' ? <TeamView target={target} /> : null}
        {live && view === 'setup' ? <SetupView target={target} /> : null}
        {live && view === 'conflicts' ? <ConflictsView target={target} /> : null}
        {view === 'outbox' ? <OutboxView target={target} /> : null}
        {view === 'people' ? <PeopleView target={target} /> : null}
        {view === 'webhooks' ? <WebhooksView target={target} /> : null}
        {view === 'activity' ? <ActivityView target={target} /> : null}
        {view === 'settings' ? <SettingsView target={target} /> : null}
      </main>
      {live && bookingId ? (
        <BookingDetails key={bookingId} bookingId={bookingId} target={target} />
      ) : null}
      {reassign && live ? (
        <ReassignDialog
          key={reassign.bookingId + reassign.fromMemberId}
          intent={reassign}
          target={target}
        />
      ) : null}
      {newBooking && live ? (
        <NewBookingDialog
          key={`${newBooking.date}|${newBooking.at?.memberId ?? ''}|${newBooking.at?.atMs ?? ''}`}
          initialDate={newBooking.date}
          at={newBooking.at}
          target={target}
        />
      ) : null}
      <ToastRegion />
    </div>
  )
}
