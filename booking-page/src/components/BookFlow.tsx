import type { FormEvent, ReactNode } from 'react'
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react'
import { availabilityGet, bookingCreate, pageGet } from '../api/client'
import type { PublicBooking, PublicPage, Slot } from '../api/types'
import type { Choices, Step } from '../flow/flow'
import {
  eventTypesOffered,
  flowAutoChoices,
  flowSteps,
  membersOffered,
  NO_CHOICES,
  refusedStartNotice,
  stepAfter,
  stepBefore,
} from '../flow/flow'
import {
  type DetailsField,
  type DetailsProblems,
  detailsProblems,
  serverDetailsProblems,
} from '../flow/details-check'
import { prefillParse } from '../flow/prefill'
import { browserZone, timeFormat } from '../format/datetime'
import { useI18n } from '../i18n/i18n-context'
import { BookingSummary } from './BookingSummary'
import { BackButton, EventStep, MemberStep, QuestionsStep } from './ChoiceSteps'
import { Confirmation } from './Confirmation'
import { PageHeader } from './PageHeader'
import { StepHeading } from './StepHeading'
import { TimePicker } from './TimePicker'

export interface BookFlowProps {
  readonly slug: string
  /** The address's query: prefill (`?name=&email=&answers.<id>=`). */
  readonly search: string
  readonly isEmbedded: boolean
}

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly page: PublicPage }

/** A fresh idempotency key: a repeated submit of one choice never books twice. */
function newKey(): string {
  return crypto.randomUUID()
}

/**
 * Booking on a page: event type, member, questions, a day and time, the customer's details,
 * then the confirmation. Steps with a single option are skipped (`flow.ts`); a time taken
 * meanwhile brings the customer back to the times with the nearest free ones offered.
 */
export function BookFlow({ slug, search, isEmbedded }: BookFlowProps) {
  const { t, locale } = useI18n()
  const prefill = useMemo(() => prefillParse(search), [search])
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' })
  const [zone, setZone] = useState(browserZone)
  const [picked, setPicked] = useState<Choices>(NO_CHOICES)
  const [answers, setAnswers] = useState<Record<string, string>>(prefill.answers)
  const [step, setStep] = useState<Step | null>(null)
  const [customer, setCustomer] = useState({ name: prefill.name, email: prefill.email })
  const [notice, setNotice] = useState<{
    text: string
    alternatives: readonly Slot[]
    /** The time refused: the calendar opens on its day, where the customer was. */
    refusedStart: string
  } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fieldProblems, setFieldProblems] = useState<DetailsProblems>({})
  const [isSending, setSending] = useState(false)
  const [idempotencyKey, setIdempotencyKey] = useState(newKey)
  const [booking, setBooking] = useState<PublicBooking | null>(null)

  useEffect(() => {
    void pageGet(slug).then((result) => {
      if (result.ok) setLoaded({ kind: 'ready', page: result.data })
      else
        setLoaded({
          kind: 'failed',
          message: result.status === 404 ? 'page.notFound' : 'page.unreachable',
        })
    })
  }, [slug])

  const page = loaded.kind === 'ready' ? loaded.page : null
  const choices = page ? flowAutoChoices(page, picked) : picked
  const steps = page ? flowSteps(page, picked) : []
  const current = step ?? steps[0] ?? null
  const eventType = page?.eventTypes.find((e) => e.id === choices.eventTypeId) ?? null
  const isFindMemberByTime =
    page?.assignment.type === 'customer-choice' && page.assignment.flow === 'find-member-by-time'
  const memberName =
    page?.bookingPages.find((member) => member.id === choices.bookingPageId)?.name ??
    choices.slot?.bookingPages?.find((member) => member.id === choices.bookingPageId)?.name ??
    null

  const go = (next: Step | null) => {
    setError(null)
    setStep(next)
  }
  /** The step after the current one, computed on the choices as they are now. */
  const advance = (next: Choices) => {
    if (!page) return
    go(stepAfter(flowSteps(page, next), current))
  }
  const back = current && stepBefore(steps, current)
  const onBack = back ? () => go(back) : null

  const slotsLoad = useCallback(
    (fromMs: number, toMs: number) =>
      availabilityGet(slug, {
        eventTypeId: choices.eventTypeId ?? '',
        fromMs,
        toMs,
        // Find member by time shows everyone's times; the member is chosen afterwards.
        bookingPageId: isFindMemberByTime ? null : choices.bookingPageId,
        answers,
        timeZone: zone,
      }),
    [slug, choices.eventTypeId, choices.bookingPageId, isFindMemberByTime, answers, zone],
  )

  const book = async (event: FormEvent) => {
    event.preventDefault()
    if (!page || !eventType || !choices.slot || isSending) return
    setError(null)
    // The page's own check first, in the customer's language, beside each field.
    const problems = detailsProblems(customer)
    setFieldProblems(problems)
    if (fieldFocusFirst(problems)) return
    setSending(true)
    const result = await bookingCreate(slug, {
      eventTypeId: eventType.id,
      start: choices.slot.start,
      ...(choices.bookingPageId ? { bookingPageId: choices.bookingPageId } : {}),
      customer: { name: customer.name.trim(), email: customer.email.trim(), timeZone: zone },
      answers,
      idempotencyKey,
    })
    setSending(false)
    if (result.ok) {
      setBooking(result.data.booking)
      return
    }
    if (result.error.code === 'slot-unavailable') {
      setNotice({
        text: t(refusedStartNotice(result.error, 'time')),
        alternatives: result.error.alternatives ?? [],
        refusedStart: choices.slot.start,
      })
      setPicked({ ...picked, slot: null })
      go('time')
      return
    }
    const refusedFields = serverDetailsProblems(result.error.problems)
    if (refusedFields) {
      setFieldProblems(refusedFields)
      fieldFocusFirst(refusedFields)
      return
    }
    setError(
      result.status === 0
        ? t('page.unreachable')
        : result.error.problems
          ? t('details.notAccepted')
          : result.error.message || t('error.generic', { status: result.status }),
    )
  }

  // A field with a problem says so beside it, and is read with it (`aria-describedby`).
  const fieldProblemProps = (field: DetailsField) =>
    fieldProblems[field]
      ? { 'aria-invalid': true, 'aria-describedby': `${field}-problem` }
      : { 'aria-invalid': false }
  // Typing in a field takes its problem away until the next try.
  const fieldEdited = (field: DetailsField) =>
    setFieldProblems((known) =>
      Object.fromEntries(Object.entries(known).filter(([name]) => name !== field)),
    )
  const fieldProblemText = (field: DetailsField) => {
    const key = fieldProblems[field]
    return key ? (
      <p id={`${field}-problem`} className="field-problem">
        {t(key)}
      </p>
    ) : null
  }

  if (loaded.kind === 'loading') return <p className="muted">{t('page.loading')}</p>
  if (loaded.kind === 'failed') {
    return (
      <p role="alert">
        {t(loaded.message === 'page.notFound' ? 'page.notFound' : 'page.unreachable')}
      </p>
    )
  }
  const ready = loaded.page
  const title =
    ready.kind === 'booking-page' ? t('page.bookWith', { name: ready.title }) : ready.title
  const header = <PageHeader title={title} branding={ready.branding} />

  if (booking) {
    return (
      <>
        {header}
        <Confirmation
          booking={booking}
          slug={slug}
          zone={zone}
          isEmbedded={isEmbedded}
          customer={customer}
        />
      </>
    )
  }

  let body: ReactNode = null
  if (current === 'event') {
    body = (
      <EventStep
        eventTypes={eventTypesOffered(ready, choices.bookingPageId)}
        onBack={onBack}
        onPick={(picked_) => {
          const next = { ...picked, eventTypeId: picked_.id, slot: null }
          setPicked(next)
          setNotice(null)
          advance(next)
        }}
      />
    )
  } else if (current === 'member') {
    body = (
      <MemberStep
        heading={t('member.heading')}
        members={membersOffered(
          ready,
          ready.assignment.type === 'customer-choice' &&
            ready.assignment.flow === 'booking-pages-first'
            ? null
            : choices.eventTypeId,
        )}
        onBack={onBack}
        onPick={(id) => {
          const keepsEvent =
            choices.eventTypeId !== null &&
            (ready.bookingPages.find((m) => m.id === id)?.eventTypeIds ?? []).includes(
              choices.eventTypeId,
            )
          const next = {
            ...picked,
            bookingPageId: id,
            eventTypeId: keepsEvent ? picked.eventTypeId : null,
            slot: null,
          }
          setPicked(next)
          advance(next)
        }}
      />
    )
  } else if (current === 'questions' && eventType) {
    body = (
      <QuestionsStep
        eventName={eventType.name}
        questions={eventType.questions}
        answers={answers}
        onBack={onBack}
        onDone={(given) => {
          setAnswers(given)
          advance(picked)
        }}
      />
    )
  } else if (current === 'time' && eventType) {
    body = (
      <section className="card">
        <StepHeading>
          {memberName && !isFindMemberByTime
            ? t('time.headingWith', { name: memberName })
            : t('time.heading')}
        </StepHeading>
        <p className="muted">
          {eventType.name} · {t('event.minutes', { count: eventType.durationMinutes })}
        </p>
        <TimePicker
          zone={zone}
          onZoneChange={setZone}
          durationMinutes={eventType.durationMinutes}
          maxDaysAhead={eventType.maxDaysAhead}
          load={slotsLoad}
          reloadKey={JSON.stringify([choices.eventTypeId, choices.bookingPageId, answers])}
          notice={notice?.text ?? null}
          alternatives={notice?.alternatives ?? null}
          startAt={notice?.refusedStart ?? null}
          onPick={(slot) => {
            // A member picked for another time may not be free at this one.
            const next = {
              ...picked,
              slot,
              bookingPageId: isFindMemberByTime ? null : picked.bookingPageId,
            }
            setPicked(next)
            setIdempotencyKey(newKey())
            setNotice(null)
            advance(next)
          }}
        />
        <BackButton onBack={onBack} />
      </section>
    )
  } else if (current === 'member-at-time' && choices.slot) {
    body = (
      <MemberStep
        heading={t('member.atTime', { time: timeFormat(choices.slot.start, zone, locale) })}
        members={choices.slot.bookingPages ?? []}
        onBack={onBack}
        onPick={(id) => {
          const next = { ...picked, bookingPageId: id }
          setPicked(next)
          advance(next)
        }}
      />
    )
  } else if (current === 'details' && eventType && choices.slot) {
    body = (
      <section className="card">
        <StepHeading>{t('details.heading')}</StepHeading>
        <BookingSummary
          facts={{
            eventName: eventType.name,
            start: choices.slot.start,
            end: choices.slot.end,
            durationMinutes: eventType.durationMinutes,
            zone,
            ...(memberName ? { hosts: [memberName] } : {}),
            location: eventType.location,
          }}
        />
        <form noValidate onSubmit={(event) => void book(event)}>
          <div className="field">
            <label htmlFor="name">{t('details.name')}</label>
            <input
              id="name"
              name="name"
              required
              maxLength={200}
              autoComplete="name"
              value={customer.name}
              {...fieldProblemProps('name')}
              onChange={(e) => {
                setCustomer({ ...customer, name: e.currentTarget.value })
                fieldEdited('name')
              }}
            />
            {fieldProblemText('name')}
          </div>
          <div className="field">
            <label htmlFor="email">{t('details.email')}</label>
            <input
              id="email"
              name="email"
              type="email"
              required
              maxLength={254}
              autoComplete="email"
              value={customer.email}
              {...fieldProblemProps('email')}
              onChange={(e) => {
                setCustomer({ ...customer, email: e.currentTarget.value })
                fieldEdited('email')
              }}
            />
            {fieldProblemText('email')}
          </div>
          {error ? <p role="alert">{error}</p> : null}
          <div className="actions">
            <BackButton onBack={onBack} />
            <button type="submit" className="primary" disabled={isSending}>
              {isSending ? t('details.booking') : t('details.confirm')}
            </button>
          </div>
        </form>
      </section>
    )
  }
  return (
    <>
      {header}
      {/* A new step is a new subtree: its heading mounts and takes focus. */}
      <Fragment key={current ?? 'none'}>{body}</Fragment>
    </>
  )
}

/** Puts the focus on the first field with a problem (name before email); false when none. */
function fieldFocusFirst(problems: DetailsProblems): boolean {
  const first = (['name', 'email'] as const).find((field) => problems[field])
  if (first === undefined) return false
  document.getElementById(first)?.focus()
  return true
}
