import { useState } from 'react'
import type { FormEvent } from 'react'
import { dayHandoverPlan, memberDay } from '../calendar/day-handover'
import { useWorkspace } from '../db/data-layer'
import { bookingsText, dayText, otherClockText, timeRangeText } from '../format/datetime-format'
import { useBookingActions } from '../hooks/use-booking-actions'
import { useNow } from '../hooks/use-now'
import { AppDialog } from '../ui/AppDialog'

export interface DayHandoverDialogProps {
  /** The board's date (`YYYY-MM-DD`): the member's own day of that date is handed over. */
  readonly date: string
  /** The desk's zone (the times shown; the member's own beside them where it differs). */
  readonly zone: string
  readonly onClose: () => void
}

/**
 * A member is ill or away: their bookings still to come on the board's date — the member's own
 * day, in their zone — each with who would take it over (core's free members, the booking's pool
 * first, the day spread across them, each row seeing the ones before it; any free member can be
 * picked instead, or the booking left with them), handed over in one step with one Undo. A
 * booking no one is free for stays, and says so.
 */
export function DayHandoverDialog({ date, zone, onClose }: DayHandoverDialogProps) {
  const live = useWorkspace()!
  const now = useNow(30_000)
  const actions = useBookingActions()
  const { workspace } = live
  const [memberId, setMemberId] = useState('')
  const [picked, setPicked] = useState<ReadonlyMap<string, string | null>>(new Map())
  const [reason, setReason] = useState('')
  const [problems, setProblems] = useState<readonly string[]>([])
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  const nameOf = (id: string) => names.get(id) ?? 'a former member'
  const eventName = (id: string) => workspace.eventTypes.find((e) => e.id === id)?.name ?? 'Booking'
  const member = workspace.members.find((m) => m.id === memberId)
  // "Ben is ill on Monday" means Ben's Monday: the date in the member's own zone.
  const { zone: memberZone, day } = memberDay(member, date, zone)
  const { fromMs, toMs } = day
  // Computed per render: a day holds a handful of bookings (a few ms), and typing the reason
  // re-renders a small dialog only.
  const rows =
    memberId === '' ? [] : dayHandoverPlan(workspace, memberId, fromMs, toMs, now, picked)
  const handed = rows.filter((row) => row.toMemberId !== null)
  const dayName = dayText(fromMs + 12 * 3600_000, memberZone)
  const members = workspace.members.filter((m) => m.active)
  // The meeting on the member's clock where it reads otherwise than the desk's.
  const theirClock = (booking: { readonly start: string; readonly end: string }) =>
    otherClockText(booking.start, memberZone, zone, booking.end)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (handed.length === 0) return
    const who = nameOf(memberId)
    const results = await actions.reassignMany(
      handed.map((row) => ({
        bookingId: row.booking.id,
        toMemberId: row.toMemberId!,
        fromMemberId: memberId,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        label: `Reassigned ${row.booking.customer.name} to ${nameOf(row.toMemberId!)}`,
      })),
      `Handed over ${bookingsText(handed.length)} of ${who}`,
    )
    const refused = results.flatMap((result, i) =>
      result.ok ? [] : [`${handed[i]!.booking.customer.name}: ${result.message}`],
    )
    if (refused.length === 0) onClose()
    else setProblems(refused)
  }

  return (
    <AppDialog title="Hand over a day" size="large" onClose={onClose}>
      <form className="stack" onSubmit={submit} aria-label="Hand over a day">
        <p className="small muted">
          A member’s bookings still to come on {dayText(Date.parse(`${date}T12:00:00Z`), 'UTC')} —
          their own day, in their time zone — go to colleagues who are free then, members of the
          booking’s pool first. The members are told by email when this sync server sends email;
          customers are not: their times do not change.
        </p>
        <label className="field">
          <span>Whose day</span>
          <select
            value={memberId}
            onChange={(e) => {
              setMemberId(e.target.value)
              setPicked(new Map())
              setProblems([])
            }}
          >
            <option value="">Choose…</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        {memberId !== '' && rows.length === 0 ? (
          <p role="status">
            {nameOf(memberId)} has no bookings still to come on {dayName}.
          </p>
        ) : null}
        {rows.length > 0 ? (
          <table className="data-table" aria-label={`${nameOf(memberId)}’s bookings`}>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Booking</th>
                <th scope="col">Goes to</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ booking, free, toMemberId }) => {
                const label = `${booking.customer.name} goes to`
                const clock = theirClock(booking)
                return (
                  <tr key={booking.id}>
                    <td className="handover-time">
                      {timeRangeText(booking.start, booking.end, zone)}
                      {clock === null ? null : (
                        <span className="candidate-note"> ({clock} their time)</span>
                      )}
                    </td>
                    <td>
                      {booking.customer.name} · {eventName(booking.eventTypeId)}
                    </td>
                    <td>
                      {free.length === 0 ? (
                        <span>
                          No one is free then: it stays with {nameOf(memberId)} (Reassign… on the
                          booking assigns someone anyway).
                        </span>
                      ) : (
                        <select
                          aria-label={label}
                          value={toMemberId ?? ''}
                          onChange={(e) =>
                            setPicked(new Map(picked).set(booking.id, e.target.value || null))
                          }
                        >
                          {free.map((taker) => (
                            <option key={taker.memberId} value={taker.memberId}>
                              {nameOf(taker.memberId)}
                              {taker.isPoolMember ? ' (in the pool)' : ''}
                            </option>
                          ))}
                          <option value="">Leave with {nameOf(memberId)}</option>
                        </select>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        ) : null}
        {rows.length > 0 ? (
          <label className="field">
            <span>Reason (optional, kept in each booking’s history)</span>
            <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
        ) : null}
        {problems.length > 0 ? (
          <div role="alert" className="field-error">
            <p>Not handed over (the others were):</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={handed.length === 0}>
            Hand over {bookingsText(handed.length)}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </AppDialog>
  )
}
