import { useEffect, useMemo, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { bookingDecide } from '../../../core/src/booking'
import type { BookingRequest } from '../../../core/src/booking'
import type { Booking, Question } from '../../../core/src/model/workspace'
import type { SyncTarget } from '../db/replication'
import { useBookingChanges, useWorkspace } from '../db/data-layer'
import { toastShow } from '../ui/toasts'
import { clockNow } from '../clock'
import { boardDay } from '../calendar/board-layout'
import { bookAtRefusal, memberBookingRoute, slotCovering } from '../calendar/book-at'
import type { BookAt } from '../calendar/book-at'
import { dateTimeText, localZone, timeText } from '../format/datetime-format'
import { bookingIdNew, useBookingActions } from '../hooks/use-booking-actions'
import { useDeskSlots } from '../hooks/use-desk-slots'
import { useRoute } from '../routing/use-route'
import { useUiStore } from '../stores/ui-store'
import { AppDialog } from '../ui/AppDialog'
import { ZonePicker } from '../ui/ZonePicker'
import { DeskBookingDone } from './DeskBookingDone'
import { manageTokenNew } from '../bookings/manage-link'
import { SlotDayPicker } from './SlotDayPicker'

export interface NewBookingDialogProps {
  /** The day the calendar showed (`YYYY-MM-DD`): the picker starts there. */
  readonly initialDate: string
  /** Opened from a click on the day board: book this member at this time (when offered). */
  readonly at?: BookAt | null
  readonly target: SyncTarget
}

/** The customer fields' names, for the summary of a refused booking. */
const CUSTOMER_FIELD_NAMES: Readonly<Record<string, string>> = {
  'customer.name': 'Customer name',
  'customer.email': 'Customer email',
  'customer.timeZone': 'Customer time zone',
}

/**
 * A booking made at the desk on a customer's behalf (phone, walk-in) for any date: the same master
 * pages, rules, distribution and checks as the public page (core's pageAvailability and
 * bookingDecide). Each free time says which member it would go to and why; booking shows a
 * confirmation with the manage link (or why there is none yet). Written to the local replica
 * after the undo window, so it works offline and syncs later. Opened from a click on the day board,
 * it starts on a page that books that member by name, with the free time covering the click picked.
 */
export function NewBookingDialog({ initialDate, at = null, target }: NewBookingDialogProps) {
  const live = useWorkspace()!
  const [, navigate] = useRoute()
  const close = useUiStore((s) => s.closeNewBooking)
  const actions = useBookingActions()
  const zone = useMemo(() => localZone(), [])
  const { workspace } = live
  // A click on the board: the page, member and event type that book that member directly.
  const [route] = useState(() => (at ? memberBookingRoute(workspace, at.memberId) : null))
  const [pageId, setPageId] = useState(route?.masterPageId ?? workspace.masterPages[0]?.id ?? '')
  // The day the free times show: kept when the page, event type or answers make the picker anew.
  const [shownDate, setShownDate] = useState(initialDate)
  const page = workspace.masterPages.find((p) => p.id === pageId)
  const eventTypes = workspace.eventTypes.filter((e) => page?.eventTypeIds.includes(e.id))
  const [eventTypeId, setEventTypeId] = useState(route?.eventTypeId ?? '')
  const eventType = eventTypes.find((e) => e.id === eventTypeId) ?? eventTypes[0]
  const choices =
    page?.assignment.type === 'customer-choice'
      ? workspace.bookingPages.filter(
          (b) =>
            page.assignment.type === 'customer-choice' &&
            page.assignment.bookingPageIds.includes(b.id),
        )
      : []
  const needsMember =
    page?.assignment.type === 'customer-choice' && page.assignment.flow !== 'find-member-by-time'
  const [bookingPageId, setBookingPageId] = useState(route?.bookingPageId ?? '')
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [customer, setCustomer] = useState({ name: '', email: '', timeZone: zone })
  const [start, setStart] = useState<string | null>(null)
  // The time clicked on the board, until something else is chosen.
  const [wish, setWish] = useState<BookAt | null>(at)
  const [error, setError] = useState<string | null>(null)
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({})
  // A refused booking's first field with a problem gets the focus (and so scrolls into view): the
  // summary is at the bottom, the field may be far above it.
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (Object.keys(problems).length === 0) return
    formRef.current
      ?.querySelector<HTMLElement>(
        '.is-invalid input, .is-invalid select, .is-invalid textarea, [aria-invalid="true"]',
      )
      ?.focus()
    // Below the dialog's sticky title, not under it.
    formRef.current?.querySelector(':focus')?.scrollIntoView({ block: 'center' })
  }, [problems])
  const [done, setDone] = useState<{
    booking: Booking
    manageToken: string
    /** The change in its undo window (`Undo booking` in the dialog takes it back). */
    changeId: string
  } | null>(null)
  const changes = useBookingChanges()
  // One booking per dialog: a second submit while the first is being stored is the same change.
  const [id] = useState(bookingIdNew)
  const [manageToken] = useState(manageTokenNew)
  const memberName = (id: string) => workspace.members.find((m) => m.id === id)?.name ?? 'a member'

  // The query as a string, so the free times are computed again only when it changes.
  const queryKey =
    page && eventType
      ? JSON.stringify({
          masterPageId: page.id,
          eventTypeId: eventType.id,
          bookingPageId: bookingPageId || null,
          answers,
        })
      : ''
  const { query, slotsIn, describe, turnsOf } = useDeskSlots(workspace, queryKey, zone)
  const ready = query !== null && (!needsMember || bookingPageId !== '')
  // The free time covering the clicked one, among the times the day's list shows.
  const wishDay = useMemo(() => boardDay(zone, initialDate), [zone, initialDate])
  const wishStart = useMemo(
    () =>
      // Not where no page books the member clicked: the page shown books someone else.
      wish !== null && ready && route !== null
        ? slotCovering(slotsIn(wishDay.fromMs, wishDay.toMs), wish.atMs)
        : null,
    [wish, ready, route, slotsIn, wishDay],
  )
  // The time picked stays picked while it is offered: typing an answer keeps it, unless the
  // answers (a rule routing by them) or a booking arriving meanwhile leave it no longer free.
  const picked = start ?? wishStart
  const startMs = picked === null ? null : Date.parse(picked)
  const isStartOffered = useMemo(
    () =>
      startMs !== null &&
      ready &&
      slotsIn(startMs, startMs + 60_000).some((slot) => Date.parse(slot.start) === startMs),
    [startMs, ready, slotsIn],
  )
  const chosen = isStartOffered ? picked : null

  // A change of page, event type or member keeps the time clicked on the board (picked again
  // where it is free); picking a time or another day lets it go.
  const reset = () => {
    setStart(null)
    setError(null)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!query || !chosen) return
    const request: Omit<BookingRequest, 'by' | 'createdVia'> = {
      ...query,
      answers: query.answers ?? {},
      startMs: Date.parse(chosen),
      customer: {
        name: customer.name.trim(),
        email: customer.email.trim(),
        timeZone: customer.timeZone,
      },
    }
    const result = await actions.book(
      request,
      id,
      `Booked ${request.customer.name || 'the customer'} on ${dateTimeText(chosen, zone)}`,
      manageToken,
    )
    if (!result.ok) {
      // Field problems come back from core's decision (answers, customer details).
      const decision = bookingDecide(
        workspace,
        { ...request, by: 'preview', createdVia: 'desktop' },
        { nowMs: clockNow(), bookingId: 'bk-preview-only' },
      )
      const byField: Record<string, string> = {}
      if (!decision.ok) for (const p of decision.problems ?? []) byField[p.path] = p.message
      setProblems(byField)
      // The summary names the fields (each says its problem beside it).
      const fieldName = (path: string) =>
        path.startsWith('answers.')
          ? eventType?.questions.find((q) => `answers.${q.id}` === path)?.label
          : CUSTOMER_FIELD_NAMES[path]
      const named = [...new Set(Object.keys(byField).map(fieldName))].filter(
        (name): name is string => name !== undefined,
      )
      setError(named.length > 0 ? `${result.message}: ${named.join(', ')}.` : result.message)
      return
    }
    setProblems({})
    setDone({ booking: result.change.preview, manageToken, changeId: result.change.id })
  }

  if (done) {
    return (
      <AppDialog title="Booked" onClose={close}>
        <DeskBookingDone
          booking={done.booking}
          manageToken={done.manageToken}
          zone={zone}
          target={target}
          onOpen={() => {
            close()
            navigate({ params: { booking: done.booking.id } })
          }}
          onClose={close}
          onUndo={() => {
            const isUndone = changes.undo(done.changeId)
            if (isUndone) {
              close()
              toastShow({ title: 'Undone: the booking was not made', tone: 'info' })
            }
            return isUndone
          }}
        />
      </AppDialog>
    )
  }

  const questionInput = (q: Question) => {
    const id = `answer-${q.id}`
    const problem = problems[`answers.${q.id}`]
    const common = {
      id,
      value: answers[q.id] ?? '',
      required: q.required,
      'aria-invalid': problem ? true : undefined,
      onChange: (e: { target: { value: string } }) => {
        setAnswers({ ...answers, [q.id]: e.target.value })
        setError(null)
      },
    }
    return (
      <div key={q.id} className={`field ${problem ? 'is-invalid' : ''}`}>
        <label htmlFor={id} className="field-label">
          {q.label}
          {q.required ? ' *' : ''}
        </label>
        {q.type === 'select' ? (
          <select {...common}>
            <option value="">Choose…</option>
            {(q.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : q.type === 'note' ? (
          <textarea {...common} maxLength={2000} />
        ) : (
          <input {...common} type={q.type === 'phone' ? 'tel' : 'text'} maxLength={500} />
        )}
        {problem ? <p className="field-error">{problem}</p> : null}
      </div>
    )
  }

  const customerProblem = (key: string) => problems[`customer.${key}`]
  // Opened from the board: say when the member clicked cannot be booked by name, or when no free
  // time covers the time clicked — for the member the page now books, why (core's own check; one
  // member's index over one meeting's length: cheap per render).
  const nameOf = (memberId: string) => workspace.members.find((m) => m.id === memberId)?.name
  const clickedName = wish ? nameOf(wish.memberId) : undefined
  const pageMemberId = (() => {
    const assignment = page?.assignment
    const pageOf = (id: string) => workspace.bookingPages.find((b) => b.id === id)?.memberId
    if (assignment?.type === 'static' && 'bookingPageId' in assignment.target) {
      return pageOf(assignment.target.bookingPageId) ?? null
    }
    return assignment?.type === 'customer-choice' && bookingPageId
      ? (pageOf(bookingPageId) ?? null)
      : null
  })()
  const wishNote = ((): string | null => {
    if (wish === null || clickedName === undefined) return null
    if (route === null) {
      return `No master page books ${clickedName} by name, so these are the times of “${page?.title ?? ''}”. To book ${clickedName} directly, add their booking page to a master page where the customer picks the member (Setup → Master pages).`
    }
    if (!ready || wishStart !== null || eventType === undefined) return null
    const wishAt = timeText(wish.atMs, zone)
    // The member's own reason where core names one; else the page's times say it all (an event
    // type their booking page does not offer, a grid coarser than the meeting).
    const why =
      pageMemberId === null
        ? null
        : bookAtRefusal(workspace, pageMemberId, eventType, wish.atMs, clockNow())
    return why && pageMemberId !== null
      ? `${nameOf(pageMemberId) ?? 'This member'} is not free for ${eventType.name} at ${wishAt}: ${why}. Pick another time below.`
      : `No free time covers ${wishAt} for ${eventType.name} on “${page?.title ?? ''}”. Pick another time below.`
  })()

  return (
    <AppDialog title="New booking" size="large" onClose={close}>
      {workspace.masterPages.length === 0 ? (
        <p role="alert">There is no master page to book through yet. Add one in Setup.</p>
      ) : (
        <form className="stack" onSubmit={submit} noValidate ref={formRef}>
          <div className="form-grid">
            <label className="field">
              <span>Book through</span>
              <select
                value={pageId}
                onChange={(e) => {
                  setPageId(e.target.value)
                  setEventTypeId('')
                  setBookingPageId('')
                  setAnswers({})
                  reset()
                }}
              >
                {workspace.masterPages.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Event type</span>
              <select
                value={eventType?.id ?? ''}
                onChange={(e) => {
                  setEventTypeId(e.target.value)
                  setAnswers({})
                  reset()
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
              <label className="field">
                <span>Member{needsMember ? ' *' : ''}</span>
                <select
                  value={bookingPageId}
                  onChange={(e) => {
                    setBookingPageId(e.target.value)
                    reset()
                  }}
                >
                  <option value="">{needsMember ? 'Choose…' : 'Anyone free'}</option>
                  {choices.map((b) => (
                    <option key={b.id} value={b.id}>
                      {memberName(b.memberId)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {eventType?.questions.map(questionInput)}
            {/* Before the free times: each is then also said in the customer's own time. */}
            <ZonePicker
              label="Customer time zone"
              value={customer.timeZone}
              onChange={(timeZone) => setCustomer({ ...customer, timeZone })}
              problems={customerProblem('timeZone') ? [customerProblem('timeZone')!] : []}
            />
          </div>
          {wishNote ? <p className="small book-at-note">{wishNote}</p> : null}
          {ready ? (
            <SlotDayPicker
              zone={zone}
              initialDate={shownDate}
              onDateChange={setShownDate}
              slotsIn={slotsIn}
              describe={describe}
              customerZone={customer.timeZone}
              turnsOf={turnsOf}
              pickMemberPage={
                workspace.masterPages.find(
                  (p) =>
                    p.id !== pageId &&
                    p.assignment.type === 'customer-choice' &&
                    eventType !== undefined &&
                    p.eventTypeIds.includes(eventType.id),
                )?.title
              }
              selected={chosen}
              onSelect={(s) => {
                setStart(s)
                setWish(null)
                setError(null)
              }}
            />
          ) : (
            <p className="muted small">Choose the member to see their free times.</p>
          )}
          <div className="form-grid">
            <div className={`field ${customerProblem('name') ? 'is-invalid' : ''}`}>
              <label htmlFor="customer-name" className="field-label">
                Customer name *
              </label>
              <input
                id="customer-name"
                required
                maxLength={200}
                value={customer.name}
                onChange={(e) => setCustomer({ ...customer, name: e.target.value })}
              />
              {customerProblem('name') ? (
                <p className="field-error">{customerProblem('name')}</p>
              ) : null}
            </div>
            <div className={`field ${customerProblem('email') ? 'is-invalid' : ''}`}>
              <label htmlFor="customer-email" className="field-label">
                Customer email *
              </label>
              <input
                id="customer-email"
                required
                type="email"
                maxLength={254}
                value={customer.email}
                onChange={(e) => setCustomer({ ...customer, email: e.target.value })}
                aria-describedby="customer-email-help"
              />
              <span className="field-help" id="customer-email-help">
                The confirmation with the manage link goes to this address.
              </span>
              {customerProblem('email') ? (
                <p className="field-error">{customerProblem('email')}</p>
              ) : null}
            </div>
          </div>
          {start !== null && !isStartOffered && ready ? (
            <p role="alert" className="field-error">
              {dateTimeText(start, zone)} is no longer free for this booking: pick another time.
            </p>
          ) : null}
          {error ? (
            <p role="alert" className="field-error">
              {error}
            </p>
          ) : null}
          <div className="actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={!chosen}
              aria-describedby={chosen ? undefined : 'book-needs-time'}
            >
              Book
            </button>
            {chosen ? null : (
              <span className="small muted" id="book-needs-time">
                Pick a free time above to book.
              </span>
            )}
            <button type="button" className="btn" onClick={close}>
              Close
            </button>
          </div>
        </form>
      )}
    </AppDialog>
  )
}
