import { useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { bookingDecide, pageAvailability } from '../../../core/src/booking'
import type { PageSlot } from '../../../core/src/booking/booking-types'
import type { Question } from '../../../core/src/model/workspace'
import { zoneIsValid } from '../../../core/src/time'
import { useDatabase } from '../db/hooks'
import type { LiveWorkspace } from '../db/use-workspace'
import { currentTimeMs, useNow } from '../hooks/use-now'
import { useUiStore } from '../stores/ui-store'

export interface NewBookingDialogProps {
  readonly live: LiveWorkspace
  readonly onClose: () => void
}

/** How far ahead the dialog looks for free times. */
const SEARCH_DAYS = 14
const DAY_MS = 86_400_000

function newBookingId(): string {
  return `bk-${crypto.randomUUID()}`
}

/**
 * A booking made at the desk on a customer's behalf (phone, walk-in): the same master pages, rules,
 * distribution and checks as the public page (core's pageAvailability and bookingDecide), written
 * to the local replica, so it works offline and syncs later (a collision meanwhile is kept and
 * marked as a conflict by the server).
 */
export function NewBookingDialog({ live, onClose }: NewBookingDialogProps) {
  const db = useDatabase()
  const now = useNow(30_000)
  const by = useUiStore((s) => s.schedulerName)
  const { workspace } = live
  const [pageId, setPageId] = useState(workspace.masterPages[0]?.id ?? '')
  const page = workspace.masterPages.find((p) => p.id === pageId)
  const eventTypes = workspace.eventTypes.filter((e) => page?.eventTypeIds.includes(e.id))
  const [eventTypeId, setEventTypeId] = useState(eventTypes[0]?.id ?? '')
  const eventType = eventTypes.find((e) => e.id === eventTypeId) ?? eventTypes[0]
  const choices =
    page?.assignment.type === 'customer-choice'
      ? workspace.bookingPages.filter(
          (b) =>
            page.assignment.type === 'customer-choice' &&
            page.assignment.bookingPageIds.includes(b.id),
        )
      : []
  const [bookingPageId, setBookingPageId] = useState('')
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [customer, setCustomer] = useState({
    name: '',
    email: '',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  })
  const [slots, setSlots] = useState<readonly PageSlot[] | null>(null)
  const [start, setStart] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))

  const findTimes = () => {
    if (!page || !eventType) return
    const result = pageAvailability(
      workspace,
      {
        masterPageId: page.id,
        eventTypeId: eventType.id,
        fromMs: now,
        toMs: now + SEARCH_DAYS * DAY_MS,
        bookingPageId: bookingPageId || null,
        answers,
      },
      now,
    )
    setStart(null)
    if (!result.ok) {
      setSlots(null)
      setMessage(result.message)
      return
    }
    setMessage(result.slots.length === 0 ? `No free times in the next ${SEARCH_DAYS} days.` : null)
    setSlots(result.slots)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!page || !eventType || !start) return
    if (!zoneIsValid(customer.timeZone)) {
      setMessage(`Unknown time zone ${customer.timeZone}`)
      return
    }
    const decision = bookingDecide(
      workspace,
      {
        masterPageId: page.id,
        eventTypeId: eventType.id,
        startMs: Date.parse(start),
        bookingPageId: bookingPageId || null,
        customer: {
          name: customer.name.trim(),
          email: customer.email.trim(),
          timeZone: customer.timeZone,
        },
        answers,
        createdVia: 'desktop',
        by,
      },
      { nowMs: currentTimeMs(), bookingId: newBookingId() },
    )
    if (!decision.ok) {
      setMessage(decision.message)
      if (decision.alternatives) setSlots(decision.alternatives)
      return
    }
    await db.bookings.insert({
      ...decision.booking,
      updatedAt: new Date().toISOString(),
    })
    setMessage(null)
    onClose()
  }

  const questionInput = (q: Question) => {
    const common = {
      value: answers[q.id] ?? '',
      required: q.required,
      onChange: (e: { target: { value: string } }) => {
        setAnswers({ ...answers, [q.id]: e.target.value })
        setSlots(null)
      },
    }
    return (
      <label key={q.id}>
        {q.label}
        {q.required ? ' *' : ''}
        {q.type === 'select' ? (
          <select {...common}>
            <option value="">Choose…</option>
            {(q.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : (
          <input {...common} maxLength={q.type === 'note' ? 2000 : 500} />
        )}
      </label>
    )
  }

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div role="dialog" aria-modal="true" aria-labelledby="new-booking-heading" className="dialog">
        <h2 id="new-booking-heading" ref={heading} tabIndex={-1}>
          New booking
        </h2>
        <form onSubmit={submit}>
          <label>
            Master page
            <select
              value={pageId}
              onChange={(e) => {
                setPageId(e.target.value)
                setEventTypeId('')
                setBookingPageId('')
                setSlots(null)
              }}
            >
              {workspace.masterPages.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Event type
            <select
              value={eventType?.id ?? ''}
              onChange={(e) => {
                setEventTypeId(e.target.value)
                setAnswers({})
                setSlots(null)
              }}
            >
              {eventTypes.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name} ({e.durationMinutes} min)
                </option>
              ))}
            </select>
          </label>
          {choices.length > 0 ? (
            <label>
              Member
              <select
                value={bookingPageId}
                onChange={(e) => {
                  setBookingPageId(e.target.value)
                  setSlots(null)
                }}
              >
                <option value="">Choose…</option>
                {choices.map((b) => (
                  <option key={b.id} value={b.id}>
                    {names.get(b.memberId) ?? b.memberId}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {eventType?.questions.map(questionInput)}
          <label>
            Customer name *
            <input
              required
              maxLength={200}
              value={customer.name}
              onChange={(e) => setCustomer({ ...customer, name: e.target.value })}
            />
          </label>
          <label>
            Customer email *
            <input
              required
              type="email"
              maxLength={254}
              value={customer.email}
              onChange={(e) => setCustomer({ ...customer, email: e.target.value })}
            />
          </label>
          <label>
            Customer time zone
            <input
              value={customer.timeZone}
              onChange={(e) => setCustomer({ ...customer, timeZone: e.target.value })}
            />
          </label>
          <button type="button" onClick={findTimes}>
            Find free times
          </button>
          {slots && slots.length > 0 ? (
            <fieldset className="slot-choices">
              <legend>Time</legend>
              {slots.slice(0, 40).map((slot) => (
                <label key={slot.start}>
                  <input
                    type="radio"
                    name="slot"
                    checked={start === slot.start}
                    onChange={() => setStart(slot.start)}
                  />
                  {new Date(slot.start).toLocaleString()}
                </label>
              ))}
            </fieldset>
          ) : null}
          {message ? <p role="alert">{message}</p> : null}
          <div className="actions">
            <button type="submit" disabled={!start}>
              Book
            </button>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
