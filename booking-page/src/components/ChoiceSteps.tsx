import type { FormEvent } from 'react'
import { useState } from 'react'
import type { PageBookingPage, PageEventType, Question } from '../api/types'
import { useI18n } from '../i18n/i18n-context'
import { LocationText } from './BookingSummary'
import { StepHeading } from './StepHeading'

/** "Back" to the previous step (absent on the first). */
export function BackButton({ onBack }: { readonly onBack: (() => void) | null }) {
  const { t } = useI18n()
  return onBack ? (
    <button type="button" className="secondary" onClick={onBack}>
      ← {t('step.back')}
    </button>
  ) : null
}

export interface EventStepProps {
  readonly eventTypes: readonly PageEventType[]
  onPick(eventType: PageEventType): void
  readonly onBack: (() => void) | null
}

/** "What would you like to book?": each event type with its duration and where it happens. */
export function EventStep({ eventTypes, onPick, onBack }: EventStepProps) {
  const { t } = useI18n()
  return (
    <section className="card">
      <StepHeading>{t('event.heading')}</StepHeading>
      <ul className="choices">
        {eventTypes.map((eventType) => (
          <li key={eventType.id}>
            <button type="button" onClick={() => onPick(eventType)}>
              <span className="choice-title">{eventType.name}</span>
              <span className="muted">
                {t('event.minutes', { count: eventType.durationMinutes })} ·{' '}
                <LocationText location={eventType.location} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      <BackButton onBack={onBack} />
    </section>
  )
}

export interface MemberStepProps {
  readonly heading: string
  readonly members: readonly Pick<PageBookingPage, 'id' | 'name'>[]
  onPick(id: string): void
  readonly onBack: (() => void) | null
}

/** "Who would you like to meet?": members by first name. */
export function MemberStep({ heading, members, onPick, onBack }: MemberStepProps) {
  return (
    <section className="card">
      <StepHeading>{heading}</StepHeading>
      <ul className="choices">
        {members.map((member) => (
          <li key={member.id}>
            <button type="button" onClick={() => onPick(member.id)}>
              <span className="choice-title">{member.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <BackButton onBack={onBack} />
    </section>
  )
}

export interface QuestionsStepProps {
  readonly eventName: string
  readonly questions: readonly Question[]
  readonly answers: Readonly<Record<string, string>>
  onDone(answers: Record<string, string>): void
  readonly onBack: (() => void) | null
}

/** The event type's questions (prefilled from the address where given). */
export function QuestionsStep({
  eventName,
  questions,
  answers,
  onDone,
  onBack,
}: QuestionsStepProps) {
  const { t } = useI18n()
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(questions.map((q) => [q.id, answers[q.id] ?? ''])),
  )
  const set = (id: string, value: string) => setValues((previous) => ({ ...previous, [id]: value }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onDone(Object.fromEntries(Object.entries(values).map(([id, value]) => [id, value.trim()])))
  }
  return (
    <section className="card">
      <StepHeading>{t('questions.heading', { event: eventName })}</StepHeading>
      <form onSubmit={submit}>
        {questions.map((question) => {
          const id = `q-${question.id}`
          const common = {
            id,
            name: question.id,
            required: question.required,
            value: values[question.id] ?? '',
          }
          return (
            <div className="field" key={question.id}>
              <label htmlFor={id}>
                {question.label}
                {question.required ? (
                  <span className="required"> ({t('questions.required')})</span>
                ) : null}
              </label>
              {question.type === 'select' ? (
                <select {...common} onChange={(e) => set(question.id, e.currentTarget.value)}>
                  <option value="">{t('questions.choose')}</option>
                  {(question.options ?? []).map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              ) : question.type === 'note' ? (
                <textarea
                  {...common}
                  rows={3}
                  maxLength={2000}
                  onChange={(e) => set(question.id, e.currentTarget.value)}
                />
              ) : (
                <input
                  {...common}
                  type={question.type === 'phone' ? 'tel' : 'text'}
                  autoComplete={question.type === 'phone' ? 'tel' : 'off'}
                  maxLength={2000}
                  onChange={(e) => set(question.id, e.currentTarget.value)}
                />
              )}
            </div>
          )
        })}
        <div className="actions">
          <BackButton onBack={onBack} />
          <button type="submit" className="primary">
            {t('step.continue')}
          </button>
        </div>
      </form>
    </section>
  )
}
