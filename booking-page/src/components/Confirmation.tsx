import type { PublicBooking } from '../api/types'
import { googleCalendarUrl, icsUrl, outlookCalendarUrl } from '../flow/calendar-links'
import { useI18n } from '../i18n/i18n-context'
import { manageUrl } from '../route'
import { BookingSummary } from './BookingSummary'
import { StepHeading } from './StepHeading'

export interface ConfirmationProps {
  readonly booking: PublicBooking
  readonly slug: string
  readonly zone: string
  readonly isEmbedded: boolean
  /** Whom it was booked for, as typed: a wrong address is seen at once. */
  readonly customer: { readonly name: string; readonly email: string }
}

/** The location as one line for a calendar entry. */
function locationLine(booking: PublicBooking): string {
  const location = booking.eventType?.location
  if (!location) return ''
  if (location.type === 'in-person') return location.address
  if (location.type === 'phone') return location.number ?? ''
  return location.url ?? ''
}

/** Add-to-calendar links: the server's .ics, Google Calendar, Outlook.com. */
export function CalendarLinks({
  booking,
  manageLink,
}: {
  booking: PublicBooking
  manageLink: string
}) {
  const { t } = useI18n()
  if (!booking.manageToken) return null
  const hosts = booking.hosts.map((host) => host.name).join(', ')
  const event = {
    title: `${booking.eventType?.name ?? ''}${hosts ? ` · ${hosts}` : ''}`,
    startIso: booking.start,
    endIso: booking.end,
    details: `${t('done.manage')}: ${manageLink}`,
    location: locationLine(booking),
  }
  return (
    <section className="calendar-links" aria-labelledby="calendar-links">
      <h3 id="calendar-links">{t('calendar.heading')}</h3>
      <ul>
        <li>
          <a href={icsUrl(booking.id, booking.manageToken)} download="booking.ics">
            {t('calendar.ics')}
          </a>
        </li>
        <li>
          <a href={googleCalendarUrl(event)} target="_blank" rel="noopener noreferrer">
            {t('calendar.google')}
          </a>
        </li>
        <li>
          <a href={outlookCalendarUrl(event)} target="_blank" rel="noopener noreferrer">
            {t('calendar.outlook')}
          </a>
        </li>
      </ul>
    </section>
  )
}

/** "You are booked": what, when (in the customer's zone), with whom, where; calendar; manage link. */
export function Confirmation({ booking, slug, zone, isEmbedded, customer }: ConfirmationProps) {
  const { t } = useI18n()
  const link = booking.manageToken
    ? manageUrl(window.location.origin, slug, booking.id, booking.manageToken)
    : null
  return (
    <section className="card">
      <StepHeading>{t('done.heading')}</StepHeading>
      <BookingSummary
        facts={{
          eventName: booking.eventType?.name ?? '',
          start: booking.start,
          end: booking.end,
          durationMinutes: booking.eventType?.durationMinutes ?? 0,
          zone,
          hosts: booking.hosts.map((host) => host.name),
          location: booking.eventType?.location ?? null,
        }}
      />
      <p>{t('done.bookedFor', { name: customer.name.trim(), email: customer.email.trim() })}</p>
      {link ? (
        <>
          <CalendarLinks booking={booking} manageLink={link} />
          <p>{t('done.emailNote')}</p>
          <p>
            <a
              href={link}
              className="button-link"
              {...(isEmbedded ? { target: '_blank', rel: 'noopener' } : {})}
            >
              {t('done.manage')}
            </a>
          </p>
        </>
      ) : null}
    </section>
  )
}
