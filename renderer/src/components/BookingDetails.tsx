import { useCan } from '../session/use-can'
import { useMemo, useState } from 'react'
import { BOOKING_STATUS_MEANING, bookingIsOpen } from '../../../core/src/model/booking-statuses'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import { instantParse } from '../../../core/src/time'
import { manageLinkFor } from '../bookings/manage-link'
import { useHistoryBooking, useWorkspace } from '../db/data-layer'
import type { SyncTarget } from '../db/replication'
import {
  dateText,
  dateTimeText,
  dayText,
  localZone,
  timeRangeText,
  zonesAgreeAt,
  zoneText,
} from '../format/datetime-format'
import { windowStartMs } from '../../../core/src/booking/booking-window'
import { useBookingActions } from '../hooks/use-booking-actions'
import { useNow } from '../hooks/use-now'
import { useRoute } from '../routing/use-route'
import { useUiStore } from '../stores/ui-store'
import { AppDialog } from '../ui/AppDialog'
import { toastShow } from '../ui/toasts'
import { bookingLabel } from '../bookings/booking-label'
import { BookingHistory } from './BookingHistory'
import { CancelDialog } from './CancelDialog'
import { ManageLink } from './ManageLink'
import { ConfirmationResend } from './ConfirmationResend'
import { useNotifySettings } from '../hooks/use-notify-settings'
import { RescheduleDialog } from './RescheduleDialog'

export interface BookingDetailsProps {
  readonly bookingId: string
  readonly target: SyncTarget
}

function seatLabel(booking: Booking, workspace: Workspace, seat: number): string {
  if (booking.hostMemberIds.length === 1) return 'Host'
  const panel = workspace.panels.find((p) => p.id === booking.panelId)
  const definition = panel?.seats[seat]
  const pool =
    definition && 'poolId' in definition
      ? workspace.pools.find((p) => p.id === definition.poolId)?.name
      : undefined
  return `${seat === 0 ? 'Primary' : `Seat ${seat + 1}`}${pool ? ` (from ${pool})` : ''}`
}

/**
 * Everything about one booking, where the front desk reads it to a caller: customer and answers,
 * hosts, status, how it came in, the full history with why it went to its host, the manage link;
 * and what can be done: reschedule to a chosen free time, reassign, cancel with a reason, mark a
 * no-show. Staff actions are not bound by the customer's cancellation policy and are recorded
 * with the scheduler's name. Opened by `booking` in the URL (back closes it).
 */
export function BookingDetails({ bookingId, target }: BookingDetailsProps) {
  const can = {
    reschedule: useCan('reschedule'),
    reassign: useCan('reassign'),
    cancel: useCan('cancel'),
    noShow: useCan('no-show'),
  }
  const live = useWorkspace()!
  const [, navigate] = useRoute()
  const now = useNow(30_000)
  const zone = useMemo(() => localZone(), [])
  const actions = useBookingActions()
  const openReassign = useUiStore((s) => s.openReassign)
  const [dialog, setDialog] = useState<'cancel' | 'reschedule' | null>(null)
  const close = () => navigate({ params: { booking: null } })
  const notify = useNotifySettings(target)
  const publicUrl = notify?.publicUrl ?? target.serverUrl
  const { workspace, conflicts, pending, unsynced, manageTokens } = live
  const inReplica = workspace.bookings.find((b) => b.id === bookingId)
  // A booking before this computer's window, read from the server for a view: read-only here.
  const fromHistory = useHistoryBooking(bookingId)
  const booking = inReplica ?? fromHistory
  const isHistory = inReplica === undefined
  if (!booking) {
    return (
      <AppDialog title="Booking" onClose={close} isSheet>
        <p role="alert">
          This booking is not among the bookings kept on this computer (those ending from{' '}
          {dateText(windowStartMs(live.windowStart), zone)} on). Older ones are read from the sync
          server when a view shows them: open its week again once the server can be reached.
        </p>
      </AppDialog>
    )
  }
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  const eventType = workspace.eventTypes.find((e) => e.id === booking.eventTypeId)
  const page = workspace.masterPages.find((p) => p.id === booking.masterPageId)
  const pool = workspace.pools.find((p) => p.id === booking.poolId)
  const panel = workspace.panels.find((p) => p.id === booking.panelId)
  const isOpen = bookingIsOpen(booking) && !isHistory
  const hasBegun = instantParse(booking.start) <= now
  const hasEnded = instantParse(booking.end) <= now
  const canNoShow =
    !isHistory && booking.status !== 'cancelled' && booking.status !== 'no-show' && hasBegun
  const link = manageLinkFor(workspace, booking, manageTokens.get(booking.id), publicUrl)
  const isWaiting = pending.has(booking.id) || unsynced.has(`bookings:${booking.id}`)
  const label = bookingLabel(booking, workspace)

  return (
    <AppDialog
      title={`${booking.customer.name} · ${eventType?.name ?? 'Booking'}`}
      onClose={close}
      isSheet
    >
      <div className="summary-line" role="group" aria-label="Status">
        <span className={`chip status-${booking.status}`}>
          {BOOKING_STATUS_MEANING[booking.status].label}
        </span>
        {pending.has(booking.id) ? <span className="chip is-warning">saving…</span> : null}
        {!pending.has(booking.id) && isWaiting ? (
          <span className="chip is-warning">not synced yet</span>
        ) : null}
        {conflicts.has(booking.id) ? <span className="chip is-danger">conflict</span> : null}
      </div>
      <p>
        <strong>{dayText(booking.start, zone)}</strong>,{' '}
        {timeRangeText(booking.start, booking.end, zone)}{' '}
        <span className="muted small">({zoneText(zone)} time)</span>
        {!zonesAgreeAt(booking.customer.timeZone, zone, Date.parse(booking.start)) ? (
          <>
            <br />
            <span className="muted small">
              For the customer: {dateTimeText(booking.start, booking.customer.timeZone)} (
              {zoneText(booking.customer.timeZone)} time)
            </span>
          </>
        ) : null}
      </p>

      <div className="actions" role="group" aria-label="Booking actions">
        {can.reschedule ? (
          <button
            type="button"
            className="btn"
            disabled={!isOpen || hasEnded}
            onClick={() => setDialog('reschedule')}
          >
            Reschedule…
          </button>
        ) : null}
        {can.reassign ? (
          <button
            type="button"
            className="btn"
            disabled={!isOpen}
            onClick={() =>
              openReassign({
                bookingId: booking.id,
                fromMemberId: booking.hostMemberIds[0] ?? '',
                toMemberId: null,
              })
            }
          >
            Reassign…
          </button>
        ) : null}
        {can.cancel ? (
          <button
            type="button"
            className="btn btn-danger"
            disabled={!isOpen || hasEnded}
            onClick={() => setDialog('cancel')}
          >
            Cancel booking…
          </button>
        ) : null}
        {can.noShow ? (
          <button
            type="button"
            className="btn"
            disabled={!canNoShow}
            title={hasBegun ? undefined : 'A no-show can be recorded once the meeting has begun'}
            onClick={async () => {
              const result = await actions.noShow(
                booking.id,
                `Marked ${booking.customer.name} as a no-show`,
              )
              if (!result.ok)
                toastShow({ title: 'Not changed', description: result.message, tone: 'error' })
            }}
          >
            Mark as no-show
          </button>
        ) : null}
      </div>
      {isHistory ? (
        <p className="small muted">
          This booking ended before {dateText(windowStartMs(live.windowStart), zone)}, the first day
          this computer keeps: it is shown from the sync server and cannot be changed.
        </p>
      ) : !isOpen ? (
        <p className="small muted">
          A {BOOKING_STATUS_MEANING[booking.status].label.toLowerCase()} booking cannot be moved,
          reassigned or cancelled.
        </p>
      ) : hasEnded ? (
        <p className="small muted">This meeting has ended; it can only be marked as a no-show.</p>
      ) : !hasBegun ? (
        <p className="small muted">A no-show can be recorded once the meeting has begun.</p>
      ) : null}

      <section aria-labelledby="details-customer">
        <h3 id="details-customer">Customer</h3>
        <dl className="definition">
          <dt>Name</dt>
          <dd>{booking.customer.name}</dd>
          <dt>E-mail</dt>
          <dd>
            <a href={`mailto:${booking.customer.email}`}>{booking.customer.email}</a>
          </dd>
          <dt>Time zone</dt>
          <dd>{booking.customer.timeZone}</dd>
          {Object.entries(booking.answers).map(([questionId, answer]) => (
            <Answer
              key={questionId}
              label={eventType?.questions.find((q) => q.id === questionId)?.label ?? 'Answer'}
              answer={answer}
            />
          ))}
        </dl>
      </section>

      <section aria-labelledby="details-hosts">
        <h3 id="details-hosts">Hosts</h3>
        <ul className="timeline">
          {booking.hostMemberIds.map((id, seat) => (
            <li key={`${id}-${seat}`} className="row">
              <span>
                {seatLabel(booking, workspace, seat)}:{' '}
                <strong>{names.get(id) ?? 'a former member'}</strong>
              </span>
              {booking.hostMemberIds.length > 1 && isOpen && can.reassign ? (
                <button
                  type="button"
                  className="btn btn-quiet"
                  onClick={() =>
                    openReassign({ bookingId: booking.id, fromMemberId: id, toMemberId: null })
                  }
                >
                  Reassign this seat…
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        <dl className="definition">
          <dt>Came through</dt>
          <dd>
            {page ? page.title : 'No master page'}
            {pool ? ` · pool ${pool.name}` : ''}
            {panel ? ` · panel ${panel.name}` : ''}
          </dd>
          <dt>Made</dt>
          <dd>{booking.createdVia === 'desktop' ? 'At the desk' : 'Online by the customer'}</dd>
        </dl>
      </section>

      <ManageLink link={link} canChange={isOpen && !hasEnded} />
      <ConfirmationResend booking={booking} target={target} />

      <section aria-labelledby="details-history">
        <h3 id="details-history">History</h3>
        <BookingHistory booking={booking} workspace={workspace} zone={zone} />
      </section>

      {dialog === 'cancel' ? (
        <CancelDialog
          label={label}
          sendsEmail={notify === null ? null : notify.mail.configured}
          onCancel={async (reason) => {
            const result = await actions.cancel(booking.id, reason, `Cancelled ${label}`)
            if (result.ok) setDialog(null)
            return result
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'reschedule' ? (
        <RescheduleDialog booking={booking} zone={zone} onClose={() => setDialog(null)} />
      ) : null}
    </AppDialog>
  )
}

function Answer({ label, answer }: { label: string; answer: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{answer}</dd>
    </>
  )
}
