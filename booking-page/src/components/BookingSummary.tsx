import type { ReactNode } from 'react'
import type { BookingStatus, Location } from '../api/types'
import { meetingFormat, zoneLabel } from '../format/datetime'
import { useI18n } from '../i18n/i18n-context'

export interface SummaryFacts {
  readonly eventName: string
  readonly start: string
  readonly end: string
  readonly durationMinutes: number
  readonly zone: string
  /** Hosts' first names (absent before the booking decides them). */
  readonly hosts?: readonly string[]
  readonly location?: Location | null
  readonly status?: BookingStatus
}

/** Where: an address, a phone number or a video link (as a link), or the kind only. */
export function LocationText({ location }: { readonly location: Location | null | undefined }) {
  const { t } = useI18n()
  if (!location) return <>{t('location.none')}</>
  if (location.type === 'in-person') return <>{location.address}</>
  if (location.type === 'phone') {
    return location.number ? (
      <a href={`tel:${location.number.replace(/[^+0-9]/g, '')}`}>
        {t('location.phoneNumber', { number: location.number })}
      </a>
    ) : (
      <>{t('location.phone')}</>
    )
  }
  return location.url ? (
    <a href={location.url} target="_blank" rel="noopener noreferrer">
      {t('location.videoJoin', { url: location.url })}
    </a>
  ) : (
    <>{t('location.video')}</>
  )
}

/** A booking's facts as a description list: event, when, duration, zone, hosts, where, status. */
export function BookingSummary({ facts }: { readonly facts: SummaryFacts }) {
  const { t, locale } = useI18n()
  const rows: [string, ReactNode][] = [
    [t('summary.event'), facts.eventName],
    [t('summary.when'), meetingFormat(facts.start, facts.end, facts.zone, locale)],
    [t('summary.duration'), t('event.minutes', { count: facts.durationMinutes })],
    [t('summary.zone'), zoneLabel(facts.zone, Date.parse(facts.start), locale)],
  ]
  if (facts.hosts && facts.hosts.length > 0) rows.push([t('summary.with'), facts.hosts.join(', ')])
  if (facts.location !== undefined) {
    rows.push([t('summary.where'), <LocationText location={facts.location} />])
  }
  if (facts.status) rows.push([t('summary.status'), t(`status.${facts.status}`)])
  return (
    <dl className="summary">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
