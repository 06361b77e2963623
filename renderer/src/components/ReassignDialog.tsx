import { useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { reassignCandidates, reassignDecide } from '../../../core/src/booking'
import { bookingStore } from '../db/booking-writes'
import { useDatabase } from '../db/hooks'
import type { LiveWorkspace } from '../db/use-workspace'
import { reassignReasonsText } from '../calendar/reassign-text'
import { useNow } from '../hooks/use-now'
import type { ReassignIntent } from '../stores/ui-store'
import { useUiStore } from '../stores/ui-store'

export interface ReassignDialogProps {
  readonly intent: ReassignIntent
  readonly live: LiveWorkspace
}

/**
 * Move a booking (or one panel seat) to another member. Lists every candidate as free or with
 * the reasons they are not; an unavailable member needs an explicit override, recorded as forced.
 * The decision is core's; the result is written to the local replica (works offline).
 */
export function ReassignDialog({ intent, live }: ReassignDialogProps) {
  const db = useDatabase()
  const now = useNow(30_000)
  const by = useUiStore((s) => s.schedulerName)
  const close = useUiStore((s) => s.closeReassign)
  const [selected, setSelected] = useState<string | null>(intent.toMemberId)
  const [reason, setReason] = useState('')
  const [force, setForce] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  const { workspace } = live
  const booking = workspace.bookings.find((b) => b.id === intent.bookingId)
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  const candidates = reassignCandidates(workspace, intent.bookingId, intent.fromMemberId, now)
  const chosen = candidates.find((c) => c.memberId === selected)
  const needsForce = chosen?.status === 'unavailable'
  const droppedOnHost =
    intent.toMemberId !== null && booking?.hostMemberIds.includes(intent.toMemberId)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!selected) return
    setBusy(true)
    const decision = reassignDecide(
      workspace,
      {
        bookingId: intent.bookingId,
        toMemberId: selected,
        fromMemberId: intent.fromMemberId,
        force,
        by,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      now,
    )
    if (!decision.ok) {
      setError(decision.message)
      setBusy(false)
      return
    }
    await bookingStore(db, decision.booking)
    close()
  }

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div role="dialog" aria-modal="true" aria-labelledby="reassign-heading" className="dialog">
        <h2 id="reassign-heading" ref={heading} tabIndex={-1}>
          Reassign booking
        </h2>
        {booking ? (
          <p>
            {new Date(booking.start).toLocaleString()} · {booking.customer.name} · now with{' '}
            {names.get(intent.fromMemberId) ?? intent.fromMemberId}
          </p>
        ) : (
          <p role="alert">This booking no longer exists.</p>
        )}
        {droppedOnHost ? <p role="alert">That member already hosts this booking.</p> : null}
        {candidates.length === 0 && booking ? (
          <p role="alert">This booking cannot be reassigned (status {booking.status}).</p>
        ) : null}
        <form onSubmit={submit}>
          <fieldset>
            <legend>Move to</legend>
            {candidates.map((candidate) => (
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
                {names.get(candidate.memberId) ?? candidate.memberId}
                <span className="candidate-status">
                  {candidate.status === 'free' ? 'free' : reassignReasonsText(candidate.reasons)}
                  {candidate.isPoolMember ? ' · in the pool' : ''}
                </span>
              </label>
            ))}
          </fieldset>
          <label>
            Reason (optional)
            <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
          {needsForce && chosen?.status === 'unavailable' ? (
            <label className="override">
              <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
              Assign anyway although {names.get(chosen.memberId)} is{' '}
              {reassignReasonsText(chosen.reasons)}
            </label>
          ) : null}
          {error ? <p role="alert">{error}</p> : null}
          <div className="actions">
            <button type="submit" disabled={!selected || (needsForce && !force) || busy}>
              Reassign
            </button>
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
