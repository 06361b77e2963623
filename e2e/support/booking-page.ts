import type { Locator, Page } from '@playwright/test'
import { IntlMessageFormat } from 'intl-messageformat'
import { de } from '../../booking-page/src/i18n/messages/de'
import { en } from '../../booking-page/src/i18n/messages/en'
import type { MessageKey, Messages } from '../../booking-page/src/i18n/messages/en'

export { seriousViolations } from './axe'

/**
 * The public booking page, located by role and label in the page's own words: the tests read
 * the same message catalogs as the page, so each flow runs in English and in German.
 */

/** The screen sizes and languages every booking-page flow runs in. */
export const CONFIGS = [
  { name: 'phone 390×844, English', viewport: { width: 390, height: 844 }, locale: 'en-US' },
  { name: 'desktop 1440×900, German', viewport: { width: 1440, height: 900 }, locale: 'de-DE' },
] as const

const CATALOGS: Readonly<Record<string, Messages>> = { en, de }

/** The customers' zone in these tests. */
export const CUSTOMER_ZONE = 'America/New_York'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export class BookingPageUi {
  readonly messages: Messages
  readonly calendar: Locator
  readonly freeDays: Locator
  readonly times: Locator
  readonly alternatives: Locator
  readonly zoneShown: Locator

  constructor(
    readonly page: Page,
    readonly locale: string,
  ) {
    this.messages = CATALOGS[locale.slice(0, 2)] ?? en
    this.calendar = page.getByRole('application', { name: this.prefix('time.calendar') })
    this.freeDays = page.getByRole('grid').getByRole('button', { disabled: false })
    this.times = page
      .getByRole('region', { name: this.prefix('time.dayTimes') })
      .getByRole('button')
    this.alternatives = page
      .getByRole('region', { name: this.t('time.alternatives') })
      .getByRole('button')
    this.zoneShown = page.getByText(this.prefix('zone.shownIn'))
  }

  /** A message with its values, as the page shows it. */
  t(key: MessageKey, values?: Record<string, string | number>): string {
    return String(new IntlMessageFormat(this.messages[key], this.locale).format(values))
  }

  /** A message up to its first placeholder, as a pattern (`Free times on {day}` → /^Free times on/). */
  prefix(key: MessageKey): RegExp {
    const text = this.messages[key]
    const cut = text.indexOf('{')
    return new RegExp(`^${escapeRegExp(cut === -1 ? text : text.slice(0, cut))}`)
  }

  /**
   * A step's heading (h2). The page header's h1 may read the same until the page's own title has
   * loaded (the manage page's "Your booking"), so the level is part of the match.
   */
  heading(key: MessageKey, values?: Record<string, string | number>): Locator {
    return this.page.getByRole('heading', { name: this.t(key, values), level: 2 })
  }

  button(key: MessageKey, values?: Record<string, string | number>): Locator {
    return this.page.getByRole('button', { name: this.t(key, values), exact: true })
  }

  async answerRegion(value: string) {
    await this.page.getByLabel('Region').selectOption(value)
    await this.button('step.continue').click()
  }

  async fillDetails(name: string, email: string) {
    await this.page.getByLabel(this.t('details.name')).fill(name)
    await this.page.getByLabel(this.t('details.email')).fill(email)
  }

  async confirm() {
    await this.button('details.confirm').click()
  }

  /** A time as the page writes it in the customers' zone. */
  timeOf(iso: string, zone = CUSTOMER_ZONE): string {
    return new Intl.DateTimeFormat(this.locale, { timeZone: zone, timeStyle: 'short' }).format(
      new Date(iso),
    )
  }
}

/** Collects the page's Content-Security-Policy violations (Chromium logs each). */
export function cspViolations(page: Page): string[] {
  const found: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text())
  })
  return found
}

/**
 * Makes the page's next requests to `urlPattern` (a booking or a move) leave with a start five
 * minutes from now, as if the customer had waited until the time they picked lies within the
 * event type's notice; the real server answers. No clock can be turned in a browser test. Returns
 * that start; `page.unroute(urlPattern)` ends it.
 */
export async function startSentInsideNotice(page: Page, urlPattern: string): Promise<Date> {
  const start = new Date(Math.ceil((Date.now() + 5 * 60_000) / 60_000) * 60_000)
  await page.route(urlPattern, async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>
    await route.continue({ postData: JSON.stringify({ ...body, start: start.toISOString() }) })
  })
  return start
}
