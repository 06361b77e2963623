import type { FormEvent } from 'react'
import { useCallback, useEffect, useState } from 'react'
import {
  bookingCancel,
  bookingGet,
  bookingReschedule,
  pageGet,
  rescheduleAvailabilityGet,
} from '../api/client'
import type { ApiError, PublicBooking, PublicPage, Slot } from '../api/types'
import { browserZone, instantWithZoneFormat, meetingFormat } from '../format/datetime'
import { useI18n } from '../i18n/i18n-context'
import { refusedStartNotice } from '../flow/flow'
import { bookUrl, manageUrl } from '../route'
import { BookingSummary } from './BookingSummary'
import { CalendarLinks } from './Confirmation'
import { PageHeader } from './PageHeader'
import { StepHeading } from './StepHeading'
import { TimePicker } from './TimePicker'

export interface ManageBookingProps {
  readonly slug: string
  readonly id: string
  readonly token: string
}

type Mode =
  | { readonly kind: 'view'; readonly done?: string }
  | {
      readonly kind: 'pick'
      readonly notice?: string
      readonly alternatives?: readonly Slot[]
      /** The time refused: the calendar opens on its day. */
      readonly refusedStart?: string
    }
  | { readonly kind: 'review-move'; readonly slot: Slot }
  | { readonly kind: 'review-cancel' }

/**
 * The customer's own booking (`/book/{slug}/manage/{id}#token=…`): what, when, with whom, where,
 * add to calendar, and — until the event type's notice before the start — reschedule (pick a
 * time, then confirm "from → to") or cancel (confirm, optional reason). Past the deadline it
 * says until when it was possible and to contact the host; the server refuses either way.
 */
export function ManageBooking({ slug, id, token }: ManageBookingProps) {
  const { t, locale } = useI18n()
  const [booking, setBooking] = useState<PublicBooking | null>(null)
  const [page, setPage] = useState<PublicPage | null>(null)
  const [failed, setFailed] = useState<'manage.invalid' | 'page.unreachable' | null>(null)
  const [zone, setZone] = useState(browserZone)
  const [mode, setMode] = useState<Mode>({ kind: 'view' })
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [isSending, setSending] = useState(false)

  useEffect(() => {
    void bookingGet(id, token).then((result) => {
      if (result.ok) setBooking(result.data.booking)
      else
        setFailed(
          result.status === 404 || result.status === 400 ? 'manage.invalid' : 'page.unreachable',
        )
    })
    void pageGet(slug).then((result) => {
      if (result.ok) setPage(result.data)
    })
  }, [id, token, slug])

  const slotsLoad = useCallback(
    (fromMs: number, toMs: number) => rescheduleAvailabilityGet(id, token, fromMs, toMs),
    [id, token],
  )

  const errorText = (status: number, apiError: ApiError) =>
    status === 0 ? t('page.unreachable') : apiError.message || t('error.generic', { status })

  const move = async (slot: Slot) => {
    setSending(true)
    const result = await bookingReschedule(id, token, slot.start)
    setSending(false)
    if (result.ok) {
      setBooking(result.data.booking)
      setMode({ kind: 'view', done: t('manage.moved') })
    } else if (result.error.code === 'slot-unavailable') {
      setMode({
        kind: 'pick',
        notice: t(refusedStartNotice(result.error, 'manage')),
        alternatives: result.error.alternatives ?? [],
        refusedStart: slot.start,
      })
    } else {
      setError(errorText(result.status, result.error))
    }
  }

  const cancel = async (event: FormEvent) => {
    event.preventDefault()
    setSending(true)
    const result = await bookingCancel(id, token, reason)
    setSending(false)
    if (result.ok) {
      setBooking(result.data.booking)
      setMode({ kind: 'view', done: t('manage.cancelled') })
    } else {
      setError(errorText(result.status, result.error))
    }
  }

  const header = (
    <PageHeader title={page?.title ?? t('manage.heading')} branding={page?.branding ?? null} />
  )
  // Somewhere to go from a dead end: the page this booking was made on.
  const bookAgain = (
    <p>
      <a href={bookUrl(window.location.origin, slug)} className="button-link">
        {t('manage.bookNew')}
      </a>
    </p>
  )
  if (failed) {
    return (
      <>
        {header}
        <p role="alert">{t(failed)}</p>
        {failed === 'manage.invalid' ? (
          <>
            <p>{t('manage.invalidHelp')}</p>
            {bookAgain}
          </>
        ) : null}
      </>
    )
  }
  if (!booking) return <p className="muted">{t('page.loading')}</p>

  const eventName = booking.eventType?.name ?? ''
  const durationMinutes = booking.eventType?.durationMinutes ?? 0
  const isOpen = booking.status === 'scheduled' || booking.status === 'rescheduled'
  const deadline = instantWithZoneFormat(booking.changeDeadline, zone, locale)
  const facts = {
    eventName,
    start: booking.start,
    end: booking.end,
    durationMinutes,
    zone,
    hosts: booking.hosts.map((host) => host.name),
    location: booking.eventType?.location ?? null,
    status: booking.status,
  }
  const go = (next: Mode) => {
    setError(null)
    setMode(next)
  }

  if (mode.kind === 'pick') {
    return (
      <>
        {header}
        <section className="card" key={mode.kind}>
          <StepHeading>{t('manage.pickNew')}</StepHeading>
          <p className="muted">
            {eventName} · {t('event.minutes', { count: durationMinutes })}
          </p>
          <TimePicker
            zone={zone}
            onZoneChange={setZone}
            durationMinutes={durationMinutes}
            maxDaysAhead={730}
            load={slotsLoad}
            reloadKey={booking.start}
            notice={mode.notice ?? null}
            alternatives={mode.alternatives ?? null}
            startAt={mode.refusedStart ?? null}
            onPick={(slot) => go({ kind: 'review-move', slot })}
          />
          <button type="button" className="secondary" onClick={() => go({ kind: 'view' })}>
            ← {t('step.back')}
          </button>
        </section>
      </>
    )
  }

  if (mode.kind === 'review-move') {
    // Whom they would meet at the new time: a pool gives a busy host's seat to a colleague.
    const names = (hosts: readonly { readonly name: string }[]) =>
      hosts.map((host) => host.name).join(', ')
    const movedHosts =
      mode.slot.hosts && mode.slot.hosts.length > 0
        ? { before: names(booking.hosts), now: names(mode.slot.hosts) }
        : null
    return (
      <>
        {header}
        <section className="card" key={mode.kind}>
          <StepHeading>{t('manage.reviewMove')}</StepHeading>
          <dl className="summary">
            <div>
              <dt>{t('manage.from')}</dt>
              <dd>
                <s>{meetingFormat(booking.start, booking.end, zone, locale)}</s>
              </dd>
            </div>
            <div>
              <dt>{t('manage.to')}</dt>
              <dd>{meetingFormat(mode.slot.start, mode.slot.end, zone, locale)}</dd>
            </div>
            {movedHosts ? (
              <div>
                <dt>{t('summary.with')}</dt>
                <dd>
                  {movedHosts.before === movedHosts.now
                    ? movedHosts.now
                    : t('manage.withInstead', movedHosts)}
                </dd>
              </div>
            ) : null}
          </dl>
          {error ? <p role="alert">{error}</p> : null}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => go({ kind: 'view' })}>
              {t('manage.keep')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={isSending}
              onClick={() => void move(mode.slot)}
            >
              {t('manage.confirmMove')}
            </button>
          </div>
        </section>
      </>
    )
  }

  if (mode.kind === 'review-cancel') {
    return (
      <>
        {header}
        <section className="card" key={mode.kind}>
          <StepHeading>{t('manage.reviewCancel')}</StepHeading>
          <BookingSummary facts={facts} />
          <p>{t('manage.cancelWarning')}</p>
          <form onSubmit={(event) => void cancel(event)}>
            <div className="field">
              <label htmlFor="reason">{t('manage.reason')}</label>
              <input
                id="reason"
                name="reason"
                maxLength={1000}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
            </div>
            {error ? <p role="alert">{error}</p> : null}
            <div className="actions">
              <button type="button" className="secondary" onClick={() => go({ kind: 'view' })}>
                {t('manage.keep')}
              </button>
              <button type="submit" className="danger" disabled={isSending}>
                {t('manage.confirmCancel')}
              </button>
            </div>
          </form>
        </section>
      </>
    )
  }

  return (
    <>
      {header}
      <section className="card" key={mode.kind}>
        <StepHeading>{t('manage.heading')}</StepHeading>
        {mode.done ? (
          <p className="success" role="status">
            {mode.done}
          </p>
        ) : null}
        <BookingSummary facts={facts} />
        {isOpen ? (
          <p className="policy">
            {booking.canChange
              ? t('manage.policy', { deadline })
              : t('manage.policyPassed', { deadline })}
          </p>
        ) : (
          <>
            <p className="policy">{t('manage.closed')}</p>
            {booking.status === 'cancelled' ? bookAgain : null}
          </>
        )}
        {isOpen && booking.canChange ? (
          <div className="actions">
            <button type="button" className="primary" onClick={() => go({ kind: 'pick' })}>
              {t('manage.reschedule')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => go({ kind: 'review-cancel' })}
            >
              {t('manage.cancel')}
            </button>
          </div>
        ) : null}
        {isOpen ? (
          <CalendarLinks
            booking={{ ...booking, manageToken: token }}
            manageLink={manageUrl(window.location.origin, slug, id, token)}
          />
        ) : null}
      </section>
    </>
  )
}
