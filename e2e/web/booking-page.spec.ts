import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { publicSalesBooking } from '../support/app'
import {
  BookingPageUi,
  CONFIGS,
  CUSTOMER_ZONE,
  cspViolations,
  seriousViolations,
  startSentInsideNotice,
} from '../support/booking-page'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

/**
 * Booking on the public page, each flow on a phone in English and on a desktop in German:
 * questions, the month calendar and its times, details, the confirmation; a time taken
 * meanwhile; booking by keyboard alone; find member by time; a member's own link with prefill.
 */

/** The Sales page as an EMEA customer, at its free times. */
async function salesTimesShown(page: Page, server: TestServer, locale: string) {
  const ui = new BookingPageUi(page, locale)
  await page.goto(`${server.url}/book/sales`)
  await ui.answerRegion('EMEA')
  await expect(ui.times.first()).toBeVisible()
  return ui
}

/** The Sales page's free times for an EMEA customer over the next week (as the API offers them). */
async function salesSlotsThisWeek(server: TestServer): Promise<{ start: string }[]> {
  const from = new Date().toISOString()
  const to = new Date(Date.now() + 7 * 86400_000).toISOString()
  const { slots } = (await (
    await fetch(
      `${server.url}/api/public/pages/sales/availability?eventTypeId=et-intro&answers.region=EMEA&from=${from}&to=${to}`,
    )
  ).json()) as { slots: { start: string }[] }
  return slots
}

/** The customer's calendar day of an instant (`2027-03-15`). */
function dayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CUSTOMER_ZONE, dateStyle: 'short' }).format(
    new Date(iso),
  )
}

/** Every pool member takes `start` (someone else was quicker than this customer). */
async function salesTimeTaken(server: TestServer, start: string) {
  for (let i = 0; i < 3; i++) {
    await publicSalesBooking(server, start, { name: `Other ${i}`, email: `other${i}@example.org` })
  }
}

/** The booking workspace with a video location and the sales page's branding. */
function workspace() {
  const ws = bookingWorkspace()
  return {
    ...ws,
    eventTypes: ws.eventTypes.map((e) => ({
      ...e,
      location: { type: 'video', url: 'https://meet.example.com/teamslot' },
      cancelNoticeMinutes: 120,
    })),
    masterPages: ws.masterPages.map((p) =>
      p.slug === 'sales'
        ? { ...p, branding: { accentColor: '#0f766e', description: 'Talk to our sales team.' } }
        : p,
    ),
  }
}

interface StoredBooking {
  start: string
  hostMemberIds: string[]
  masterPageId: string | null
  customer: { name: string; email: string; timeZone: string }
  answers: Record<string, string>
}

async function storedBookings(server: TestServer): Promise<StoredBooking[]> {
  return (await (await server.admin('/api/admin/workspace')).json()).bookings
}

for (const config of CONFIGS) {
  test.describe(config.name, () => {
    let server: TestServer
    let csp: string[] = []
    test.use({ timezoneId: CUSTOMER_ZONE, viewport: config.viewport, locale: config.locale })
    test.beforeEach(async ({ page }) => {
      server = await startTestServer(workspace())
      csp = cspViolations(page)
    })
    test.afterEach(async () => {
      await server.stop()
      // The page runs under a strict Content-Security-Policy: Chromium reports every violation.
      expect(csp).toEqual([])
    })

    test('a customer answers, picks a day on the month calendar and a time, and sees everything about the booking', async ({
      page,
    }) => {
      const ui = new BookingPageUi(page, config.locale)
      await page.goto(`${server.url}/book/sales`)
      await expect(page.getByRole('heading', { name: 'Talk to sales', level: 1 })).toBeVisible()
      await expect(page.getByText('Talk to our sales team.')).toBeVisible()
      // One event type: no "What would you like to book?"; its question comes first.
      await expect(ui.heading('questions.heading', { event: 'Intro call' })).toBeVisible()
      await expect(ui.heading('event.heading')).toHaveCount(0)
      await ui.answerRegion('EMEA')

      await expect(ui.heading('time.heading')).toBeVisible()
      await expect(ui.zoneShown).toContainText('New York')
      await expect(ui.freeDays.first()).toBeVisible()
      expect(await seriousViolations(page), 'calendar and times').toEqual([])
      // Every time says its duration and the zone.
      const first = ui.times.first()
      await expect(first).toContainText(ui.t('event.minutes', { count: 30 }))
      await expect(first).toContainText(/GMT-[45]/)
      const shown = (await first.getByText(/\d/).first().textContent())?.trim()
      await first.click()

      await expect(ui.heading('details.heading')).toBeVisible()
      await expect(page.getByRole('definition').filter({ hasText: 'Intro call' })).toBeVisible()
      await ui.fillDetails('Lee Park', 'lee@example.org')
      expect(await seriousViolations(page), 'details').toEqual([])
      await ui.confirm()

      await expect(ui.heading('done.heading')).toBeVisible()
      // Whom it is booked for, as typed: a wrong address would be seen at once.
      await expect(
        page.getByText(ui.t('done.bookedFor', { name: 'Lee Park', email: 'lee@example.org' })),
      ).toBeVisible()
      const [stored] = await storedBookings(server)
      expect(stored!.customer).toMatchObject({ name: 'Lee Park', timeZone: CUSTOMER_ZONE })
      expect(stored!.answers).toEqual({ region: 'EMEA' })
      expect(ui.timeOf(stored!.start)).toBe(shown)
      // Event, time, duration, zone, host's first name, location, calendar links.
      const summary = page.getByRole('definition')
      await expect(summary.filter({ hasText: 'Intro call' })).toBeVisible()
      await expect(summary.filter({ hasText: ui.t('event.minutes', { count: 30 }) })).toBeVisible()
      await expect(summary.filter({ hasText: 'New York' })).toBeVisible()
      await expect(summary.filter({ hasText: /^(Ana|Ben|Dev)$/ })).toBeVisible()
      await expect(page.getByRole('link', { name: /meet\.example\.com\/teamslot/ })).toBeVisible()
      const ics = page.getByRole('link', { name: ui.t('calendar.ics') })
      await expect(ics).toHaveAttribute(
        'href',
        /^\/api\/public\/bookings\/bk-[^/]+\/calendar\.ics\?token=/,
      )
      const google = await page
        .getByRole('link', { name: ui.t('calendar.google') })
        .getAttribute('href')
      const startBasic = stored!.start.replace(/[-:]/g, '').replace('.000', '')
      expect(new URL(google!).searchParams.get('dates')).toMatch(new RegExp(`^${startBasic}/`))
      await expect(page.getByRole('link', { name: ui.t('calendar.outlook') })).toHaveAttribute(
        'href',
        /^https:\/\/outlook\.live\.com\//,
      )
      expect(await seriousViolations(page), 'confirmation').toEqual([])
      await expect(page.getByRole('link', { name: ui.t('done.manage') })).toHaveAttribute(
        'href',
        new RegExp(`/book/sales/manage/bk-[^#]+#token=`),
      )
    })

    test('a time that passed its notice while the customer typed is explained, with the nearest free times', async ({
      page,
    }) => {
      const ui = new BookingPageUi(page, config.locale)
      await page.goto(`${server.url}/book/sales`)
      await ui.answerRegion('EMEA')
      await ui.times.first().click()
      // The customer took so long that the time shown now lies within the event type's hour of
      // notice: the server refuses it as too soon.
      const bookingsPath = '**/api/public/pages/sales/bookings'
      const tooSoon = await startSentInsideNotice(page, bookingsPath)
      await ui.fillDetails('Lee Park', 'lee@example.org')
      await ui.confirm()
      await expect(page.getByRole('alert')).toContainText(ui.t('time.tooSoon'))
      await expect(page.getByRole('alert')).not.toContainText(ui.t('time.justTaken'))
      await expect(ui.alternatives.first()).toBeVisible()
      expect(await storedBookings(server)).not.toContainEqual(
        expect.objectContaining({ customer: expect.objectContaining({ name: 'Lee Park' }) }),
      )

      // One of the offered times books, with the details typed before kept: the latest, far from
      // the notice's edge (the earliest can reach it while the test runs).
      await page.unroute(bookingsPath)
      await ui.alternatives.last().click()
      await expect(page.getByLabel(ui.t('details.name'))).toHaveValue('Lee Park')
      await ui.confirm()
      await expect(ui.heading('done.heading')).toBeVisible()
      const lee = (await storedBookings(server)).find((b) => b.customer.name === 'Lee Park')
      // The notice is an hour: the offered time is at least that far from now.
      expect(Date.parse(lee?.start ?? '')).toBeGreaterThanOrEqual(tooSoon.getTime() + 55 * 60_000)
    })

    test('a time taken meanwhile gets a clear message and the nearest free times, and the keyboard alone can book', async ({
      page,
    }) => {
      const ui = await salesTimesShown(page, server, config.locale)
      const slots = await salesSlotsThisWeek(server)
      // The first free day's last time: unlike its first, it passes the event type's hour of notice
      // only when the test runs across that one moment of the day (not every half hour).
      const firstDay = slots.filter((slot) => dayOf(slot.start) === dayOf(slots[0]!.start))
      const taken = firstDay[firstDay.length - 1]?.start
      await expect(ui.times.last()).toContainText(ui.timeOf(taken ?? ''))
      await ui.times.last().click()
      // Someone else takes the same time (every pool member) before this customer confirms.
      await salesTimeTaken(server, taken!)
      await ui.fillDetails('Lee Park', 'lee@example.org')
      await ui.confirm()
      await expect(page.getByRole('alert')).toContainText(ui.t('time.justTaken'))
      await expect(ui.alternatives.first()).toBeVisible()

      // Keyboard only from here: an alternative, then the form. The latest one, after the taken
      // time (itself an hour away or more): the nearest ones from both sides can include the
      // day's first time, at the notice's edge.
      await ui.alternatives.last().focus()
      await page.keyboard.press('Enter')
      // The new step's heading takes focus; the name field is the next stop.
      await expect(ui.heading('details.heading')).toBeFocused()
      await page.keyboard.press('Tab')
      const nameField = page.getByLabel(ui.t('details.name'))
      const emailField = page.getByLabel(ui.t('details.email'))
      await expect(nameField).toBeFocused()
      // Enter with only spaces for a name and an address without a domain (the form kept the
      // details typed before): each field says what is wrong, in the page's language (not the
      // server's schema words), and the name takes the focus.
      await nameField.fill('   ')
      await emailField.fill('kim@example')
      await emailField.focus()
      await page.keyboard.press('Enter')
      await expect(page.getByText(ui.t('details.nameMissing'))).toBeVisible()
      await expect(page.getByText(ui.t('details.emailInvalid'))).toBeVisible()
      await expect(nameField).toBeFocused()
      await expect(nameField).toHaveAttribute('aria-invalid', 'true')
      await expect(emailField).toHaveAttribute('aria-describedby', 'email-problem')
      expect(await seriousViolations(page), 'details with problems').toEqual([])
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.type('Kim Keys')
      await expect(page.getByText(ui.t('details.nameMissing'))).toHaveCount(0)
      await page.keyboard.press('Tab')
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.type('kim@example.org')
      await page.keyboard.press('Enter')
      await expect(ui.heading('done.heading')).toBeVisible()
      const bookings = await storedBookings(server)
      const kim = bookings.find((b) => b.customer.name === 'Kim Keys')
      expect(kim?.start).not.toBe(taken)
    })

    test('after "just taken" the calendar stays on the day the customer had picked', async ({
      page,
    }) => {
      const ui = await salesTimesShown(page, server, config.locale)
      const slots = await salesSlotsThisWeek(server)
      // The second free day (members work every day: the calendar's next day), its last time.
      const secondDay = [...new Set(slots.map((slot) => dayOf(slot.start)))][1]
      const taken = slots.filter((slot) => dayOf(slot.start) === secondDay).at(-1)!.start
      const selected = page.getByRole('grid').locator('[data-selected]')
      await selected.focus()
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('Enter')
      const pickedDay = await selected.getAttribute('aria-label')
      await expect(ui.times.last()).toContainText(ui.timeOf(taken))
      await ui.times.last().click()
      await salesTimeTaken(server, taken)
      await ui.fillDetails('Lee Park', 'lee@example.org')
      await ui.confirm()
      await expect(page.getByRole('alert')).toContainText(ui.t('time.justTaken'))
      // Not back on the first free day: the day picked, with its other times.
      await expect(selected).toHaveAttribute('aria-label', pickedDay!)
      await expect(ui.times.first()).toBeVisible()
    })

    test('the month calendar is keyboard navigable: arrows move between days, Enter picks one', async ({
      page,
    }) => {
      const ui = new BookingPageUi(page, config.locale)
      await page.goto(`${server.url}/book/sales`)
      await ui.answerRegion('EMEA')
      await expect(ui.times.first()).toBeVisible()
      // The first free day is selected; move to the next day with the arrow key and pick it.
      const selected = page.getByRole('grid').locator('[data-selected]')
      const firstDay = await selected.getAttribute('aria-label')
      await selected.focus()
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('Enter')
      await expect(selected).not.toHaveAttribute('aria-label', firstDay!)
      await expect(ui.times.first()).toBeVisible()
      await ui.times.first().focus()
      await page.keyboard.press('Enter')
      await expect(ui.heading('details.heading')).toBeVisible()
    })

    test('find member by time: the customer picks a time, then one of the members free then', async ({
      page,
    }) => {
      const ui = new BookingPageUi(page, config.locale)
      await page.goto(`${server.url}/book/team`)
      await ui.answerRegion('AMER')
      await ui.times.first().click()
      await expect(page.getByRole('heading', { name: ui.prefix('member.atTime') })).toBeVisible()
      await page.getByRole('button', { name: 'Ben' }).click()
      await ui.fillDetails('Noor Haddad', 'noor@example.org')
      await ui.confirm()
      await expect(ui.heading('done.heading')).toBeVisible()
      await expect(page.getByRole('definition').filter({ hasText: /^Ben$/ })).toBeVisible()
      const bookings = await storedBookings(server)
      expect(bookings.map((b) => b.hostMemberIds)).toEqual([['m-ben']])
    })

    test('a member’s own link books that member, skips single-option steps and takes prefilled answers', async ({
      page,
    }) => {
      const ui = new BookingPageUi(page, config.locale)
      await page.goto(
        `${server.url}/book/ben?name=Ada%20Lovelace&email=ada%40example.org&answers.region=AMER`,
      )
      await expect(
        page.getByRole('heading', { name: ui.t('page.bookWith', { name: 'Ben' }), level: 1 }),
      ).toBeVisible()
      await expect(page.getByLabel('Region')).toHaveValue('AMER')
      await ui.button('step.continue').click()
      await expect(ui.heading('time.heading')).toBeVisible()
      await ui.times.first().click()
      await expect(page.getByLabel(ui.t('details.name'))).toHaveValue('Ada Lovelace')
      await expect(page.getByLabel(ui.t('details.email'))).toHaveValue('ada@example.org')
      await ui.confirm()
      await expect(ui.heading('done.heading')).toBeVisible()
      const [stored] = await storedBookings(server)
      expect(stored).toMatchObject({
        hostMemberIds: ['m-ben'],
        masterPageId: null,
        answers: { region: 'AMER' },
        customer: { name: 'Ada Lovelace', email: 'ada@example.org' },
      })
    })
  })
}
