import { useState } from 'react'
import type { FormEvent } from 'react'
import { reassignCandidates } from '../../../core/src/booking'
import {
  bookingsDuring,
  busyWithText,
  reassignReasonsText,
  whoIsToldText,
} from '../calendar/reassign-text'
import { useWorkspace } from '../db/data-layer'
import type { SyncTarget } from '../db/replication'
import { dateTimeText, localZone, otherClockText, zoneText } from '../format/datetime-format'
import { useBookingActions } from '../hooks/use-booking-actions'
import { useNow } from '../hooks/use-now'
import { useNotifySettings } from '../hooks/use-notify-settings'
import type { ReassignIntent } from '../stores/ui-store'
import { useUiStore } from '../stores/ui-store'
import { AppDialog } from '../ui/AppDialog'

export interface ReassignDialogProps {
  readonly intent: ReassignIntent
  /** The sync server (whether it sends email). */
  readonly target: SyncTarget
}

/** Candidates from which the list offers a name search. */
const FIND_FROM = 12

/**
 * Move a booking (or one panel seat) to another member. Lists every candidate as free or with
 * the reasons they are not; an unavailable member needs an explicit override, recorded as forced.
 * The decision is core's; it is shown at once and written after the undo window (works offline).
 */
export function ReassignDialog({ intent, target }: ReassignDialogProps) {
  const live = useWorkspace()!
  const now = useNow(30_000)
  const close = useUiStore((s) => s.closeReassign)
  const actions = useBookingActions()
  const [selected, setSelected] = useState<string | null>(intent.toMemberId)
  const [reason, setReason] = useState('')
  const [force, setForce] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const zone = localZone()
  const notify = useNotifySettings(target)

  const { workspace } = live
  const booking = workspace.bookings.find((b) => b.id === intent.bookingId)
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  const candidates = reassignCandidates(workspace, intent.bookingId, intent.fromMemberId, now)
  const chosen = candidates.find((c) => c.memberId === selected)
  // Free members first (core's order otherwise: the seat's pool first); a long list can be
  // narrowed by name (a team of 100 lists ~97).
  const needle = query.trim().toLowerCase()
  const shown = candidates
    .filter(
      (c) =>
        needle === '' ||
        c.memberId === selected ||
        (names.get(c.memberId) ?? '').toLowerCase().includes(needle),
    )
    .toSorted((a, b) => Number(a.status !== 'free') - Number(b.status !== 'free'))
  const needsForce = chosen?.status === 'unavailable'
  // The meeting on the member's own clock, where it reads otherwise than the desk's.
  const theirClock = (memberId: string, start: string): string | null => {
    const memberZone = workspace.members.find((m) => m.id === memberId)?.timeZone
    const clock = memberZone ? otherClockText(start, memberZone, zone) : null
    return clock === null ? null : `${clock} their time (${zoneText(memberZone!)})`
  }
  // Beside the name: in the seat's pool, and the meeting on their own clock.
  const candidateNotes = (candidate: { memberId: string; isPoolMember: boolean }) =>
    [
      candidate.isPoolMember ? 'in the pool' : null,
      booking ? theirClock(candidate.memberId, booking.start) : null,
    ]
      .filter((note) => note !== null)
      .join(' · ')
  // What holds time during the meeting, found once for every busy member's row.
  const during = booking ? bookingsDuring(workspace.bookings, booking, workspace.eventTypes) : []
  const submitHint = !booking
    ? null
    : !selected
      ? 'Pick who takes it.'
      : needsForce && !force
        ? `Tick “Assign anyway” to give it to ${names.get(selected) ?? 'them'} although they are not free.`
        : null
  const droppedOnHost =
    intent.toMemberId !== null && booking?.hostMemberIds.includes(intent.toMemberId)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!selected || !booking) return
    const result = await actions.reassign(
      {
        bookingId: intent.bookingId,
        toMemberId: selected,
        fromMemberId: intent.fromMemberId,
        force,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      `Reassigned ${booking.customer.name} to ${names.get(selected) ?? 'another member'}`,
    )
    if (!result.ok) return setError(result.message)
    close()
  }

  return (
    <AppDialog title="Reassign booking" onClose={close}>
      {booking ? (
        <p>
          {dateTimeText(booking.start, zone)} · {booking.customer.name} · now with{' '}
          {names.get(intent.fromMemberId) ?? 'a former member'}
        </p>
      ) : (
        <p role="alert">This booking no longer exists.</p>
      )}
      {droppedOnHost ? <p role="alert">That member already hosts this booking.</p> : null}
      {candidates.length === 0 && booking ? (
        <p role="alert">This booking cannot be reassigned ({booking.status}).</p>
      ) : null}
      <form className="stack" onSubmit={submit}>
        <fieldset>
          <legend>Move to</legend>
          {candidates.length > FIND_FROM ? (
            <label className="field">
              <span>Find a member</span>
              <input
                type="search"
                value={query}
                placeholder="Name"
                onChange={(e) => setQuery(e.target.value)}
                // Enter narrows the list; it never reassigns.
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.preventDefault()
                }}
              />
            </label>
          ) : null}
          <div className="candidates">
            {shown.length === 0 ? <p className="muted">No member by that name.</p> : null}
            {shown.map((candidate) => {
              const notes = candidateNotes(candidate)
              return (
                <label key={candidate.memberId} className={`candidate is-${candidate.status}`}>
                  <input
                    type="radio"
                    name="to-member"
                    value={candidate.memberId}
                    checked={selected === candidate.memberId}
                    onChange={() => {
                      setSelected(candidate.memberId)
                      setForce(false)
                    }}
                  />
                  <span className="candidate-who">
                    <span className="candidate-name">
                      {names.get(candidate.memberId) ?? 'a former member'}
                    </span>
                    {notes ? <span className="candidate-note">{notes}</span> : null}
                  </span>
                  <span className="candidate-status">
                    <span>
                      {candidate.status === 'free'
                        ? 'free'
                        : reassignReasonsText(candidate.reasons)}
                    </span>
                    {candidate.status === 'unavailable' && candidate.reasons.includes('busy') ? (
                      <span className="candidate-note">
                        {busyWithText(during, candidate.memberId, zone, booking)}
                      </span>
                    ) : null}
                  </span>
                </label>
              )
            })}
          </div>
        </fieldset>
        <label className="field">
          <span>Reason (optional)</span>
          <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        {booking ? (
          <p className="small muted">
            {whoIsToldText(
              names.get(intent.fromMemberId) ?? 'The member it leaves',
              chosen ? (names.get(chosen.memberId) ?? null) : null,
              notify === null ? null : notify.mail.configured,
            )}
          </p>
        ) : null}
        {needsForce && chosen?.status === 'unavailable' ? (
          <label className="check">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            Assign anyway although {names.get(chosen.memberId)} is{' '}
            {reassignReasonsText(chosen.reasons)}
          </label>
        ) : null}
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
        {submitHint ? (
          <p className="small muted" id="reassign-needs">
            {submitHint}
          </p>
        ) : null}
        <div className="actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!selected || (needsForce && !force) || !booking}
            aria-describedby={submitHint ? 'reassign-needs' : undefined}
          >
            Reassign
          </button>
          <button type="button" className="btn" onClick={close}>
            Close
          </button>
        </div>
      </form>
    </AppDialog>
  )
}
