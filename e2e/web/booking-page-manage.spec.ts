import { expect, test } from '@playwright/test'
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
 * The customer's manage page, on a phone in English and on a desktop in German: reschedule with
 * a review of "from → to", cancel after "are you sure", and the cancellation policy (the event
 * type's notice) shown and enforced.
 */

/** The booking workspace, its event type with `cancelNoticeMinutes` of notice. */
function workspace(cancelNoticeMinutes: number) {
  const ws = bookingWorkspace()
  return {
    ...ws,
    eventTypes: ws.eventTypes.map((e) => ({
      ...e,
      cancelNoticeMinutes,
      location: { type: 'in-person', address: 'Hauptstraße 5, Berlin' },
    })),
  }
}

/**
 * A booking through the API (on Ana's own link unless `slug` says otherwise), at the first free
 * start `hoursAhead` hours from now or at `start`; its manage link.
 */
async function bookThroughApi(
  server: TestServer,
  hoursAhead: number,
  { slug = 'ana', start }: { slug?: string; start?: string } = {},
) {
  const from = new Date(Date.now() + hoursAhead * 3600_000).toISOString()
  const to = new Date(Date.now() + (hoursAhead + 48) * 3600_000).toISOString()
  const { slots } = await (
    await fetch(
      `${server.url}/api/public/pages/${slug}/availability?eventTypeId=et-intro&from=${from}&to=${to}`,
    )
  ).json()
  const res = await fetch(`${server.url}/api/public/pages/${slug}/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      eventTypeId: 'et-intro',
      start: start ?? slots[0].start,
      customer: { name: 'Lee Park', email: 'lee@example.org', timeZone: CUSTOMER_ZONE },
      answers: { region: 'EMEA' },
    }),
  })
  const { booking } = await res.json()
  return {
    booking: booking as { id: string; manageToken: string; start: string; end: string },
    url: `${server.url}/book/${slug}/manage/${booking.id}#token=${booking.manageToken}`,
  }
}

async function stored(server: TestServer) {
  return (await (await server.admin('/api/admin/workspace')).json()).bookings[0] as {
    start: string
    status: string
  }
}

for (const config of CONFIGS) {
  test.describe(config.name, () => {
    let server: TestServer | undefined
    let csp: string[] = []
    test.use({ timezoneId: CUSTOMER_ZONE, viewport: config.viewport, locale: config.locale })
    test.beforeEach(({ page }) => {
      csp = cspViolations(page)
    })
    test.afterEach(async () => {
      await server?.stop()
      server = undefined
      expect(csp).toEqual([])
    })

    test('the customer reviews a new time before moving the booking, and can keep it as it is', async ({
      page,
    }) => {
      server = await startTestServer(workspace(60))
      const ui = new BookingPageUi(page, config.locale)
      const { booking, url } = await bookThroughApi(server, 24)
      await page.goto(url)
      await expect(ui.heading('manage.heading')).toBeVisible()
      await expect(page.getByRole('definition').filter({ hasText: 'Intro call' })).toBeVisible()
      await expect(
        page.getByRole('definition').filter({ hasText: 'Hauptstraße 5, Berlin' }),
      ).toBeVisible()
      await expect(page.getByText(ui.prefix('manage.policy'))).toBeVisible()
      expect(await seriousViolations(page), 'manage page').toEqual([])

      // A time to move to other than the booking's own: the first free day's last one (late in
      // the customer's evening that day has only a few times left; the test runs on the real
      // clock).
      const otherTime = () => ui.times.filter({ hasNotText: ui.timeOf(booking.start) }).last()
      await ui.button('manage.reschedule').click()
      await expect(ui.heading('manage.pickNew')).toBeVisible()
      await otherTime().click()
      await expect(ui.heading('manage.reviewMove')).toBeVisible()
      // "Keep my booking as it is" changes nothing.
      await ui.button('manage.keep').click()
      await expect(ui.heading('manage.heading')).toBeVisible()
      expect((await stored(server)).start).toBe(booking.start)

      await ui.button('manage.reschedule').click()
      await otherTime().click()
      await expect(ui.heading('manage.reviewMove')).toBeVisible()
      const to = await page.getByRole('definition').nth(1).textContent()
      await ui.button('manage.confirmMove').click()
      await expect(page.getByRole('status').filter({ hasText: ui.t('manage.moved') })).toBeVisible()
      const moved = await stored(server)
      expect(moved.status).toBe('rescheduled')
      expect(moved.start).not.toBe(booking.start)
      // The review named the new time (a range may share AM/PM: compare the clock digits).
      expect(to).toContain(ui.timeOf(moved.start).replace(/\s?[AP]M$/, ''))
    })

    test('a new time that passed its notice while the customer reviewed it is explained, and nothing moves', async ({
      page,
    }) => {
      server = await startTestServer(workspace(60))
      const ui = new BookingPageUi(page, config.locale)
      const { booking, url } = await bookThroughApi(server, 24)
      await page.goto(url)
      await ui.button('manage.reschedule').click()
      await ui.times
        .filter({ hasNotText: ui.timeOf(booking.start) })
        .last()
        .click()
      await expect(ui.heading('manage.reviewMove')).toBeVisible()
      // The customer waited until the new time lies within the event type's hour of notice: the
      // server refuses the move as too soon.
      await startSentInsideNotice(page, '**/api/public/bookings/*/reschedule')
      await ui.button('manage.confirmMove').click()
      await expect(page.getByText(ui.t('manage.tooSoon'))).toBeVisible()
      await expect(page.getByText(ui.t('manage.justTaken'))).toHaveCount(0)
      await expect(ui.alternatives.first()).toBeVisible()
      expect(await stored(server)).toMatchObject({ start: booking.start, status: 'scheduled' })
    })

    test('moving a pool booking to a time its host is busy names the colleague it goes to', async ({
      page,
    }) => {
      server = await startTestServer(workspace(60))
      const ui = new BookingPageUi(page, config.locale)
      // Through the Sales pool (round robin): Ana, first in line, gets it.
      const { booking, url } = await bookThroughApi(server, 24, { slug: 'sales' })
      const offered = await (
        await fetch(
          `${server.url}/api/public/bookings/${booking.id}/availability?token=${booking.manageToken}` +
            `&from=${new Date().toISOString()}&to=${new Date(Date.now() + 3 * 24 * 3600_000).toISOString()}`,
        )
      ).json()
      // The earliest time offered (the picker's first day) is made busy for Ana on her own link.
      const busy = offered.slots[0] as { start: string; hosts: { name: string }[] }
      expect(busy.hosts).toEqual([{ name: 'Ana' }])
      await bookThroughApi(server, 0, { start: busy.start })
      await page.goto(url)
      await ui.button('manage.reschedule').click()
      await ui.times
        .filter({ hasText: ui.timeOf(busy.start) })
        .first()
        .click()
      await expect(ui.heading('manage.reviewMove')).toBeVisible()
      // Before moving, the customer reads whom they would meet then, and that it is not Ana.
      const withWhom = ['Ben', 'Dev'].map((now) =>
        ui.t('manage.withInstead', { now, before: 'Ana' }),
      )
      const shown = (await page.getByRole('definition').nth(2).textContent()) ?? ''
      expect(withWhom).toContain(shown)
      await ui.button('manage.confirmMove').click()
      await expect(page.getByRole('status').filter({ hasText: ui.t('manage.moved') })).toBeVisible()
      await expect(
        page.getByRole('definition').filter({ hasText: new RegExp(`^${shown.split(' ')[0]}$`) }),
      ).toBeVisible()
    })

    test('the customer confirms a cancellation, with a reason', async ({ page }) => {
      server = await startTestServer(workspace(60))
      const ui = new BookingPageUi(page, config.locale)
      const { url } = await bookThroughApi(server, 24)
      await page.goto(url)
      await ui.button('manage.cancel').click()
      await expect(ui.heading('manage.reviewCancel')).toBeVisible()
      await expect(page.getByText(ui.t('manage.cancelWarning'))).toBeVisible()
      expect(await seriousViolations(page), 'cancel review').toEqual([])
      expect((await stored(server)).status).toBe('scheduled')
      await page.getByLabel(ui.t('manage.reason')).fill('Cannot make it')
      await ui.button('manage.confirmCancel').click()
      await expect(
        page.getByRole('status').filter({ hasText: ui.t('manage.cancelled') }),
      ).toBeVisible()
      await expect(
        page.getByRole('definition').filter({ hasText: ui.t('status.cancelled') }),
      ).toBeVisible()
      await expect(ui.button('manage.reschedule')).toHaveCount(0)
      // Not a dead end: the page it was booked on is a link away.
      await expect(page.getByRole('link', { name: ui.t('manage.bookNew') })).toHaveAttribute(
        'href',
        `${server.url}/book/ana`,
      )
      const ws = await (await server.admin('/api/admin/workspace')).json()
      expect(ws.bookings[0].status).toBe('cancelled')
      expect(ws.bookings[0].history.at(-1)).toMatchObject({
        by: 'customer',
        reason: 'Cannot make it',
      })
    })

    test('past the event type’s notice the page says until when changes were possible, and the server refuses them', async ({
      page,
    }) => {
      // A week of notice and a meeting about two days away: the deadline has passed.
      server = await startTestServer(workspace(7 * 24 * 60))
      const ui = new BookingPageUi(page, config.locale)
      const { booking, url } = await bookThroughApi(server, 48)
      await page.goto(url)
      await expect(page.getByText(ui.prefix('manage.policyPassed'))).toBeVisible()
      await expect(ui.button('manage.reschedule')).toHaveCount(0)
      await expect(ui.button('manage.cancel')).toHaveCount(0)
      const refused = await fetch(`${server.url}/api/public/bookings/${booking.id}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: booking.manageToken }),
      })
      expect(refused.status).toBe(422)
      expect((await stored(server)).status).toBe('scheduled')
    })
  })
}

test('a manage link with a wrong token says the link is not valid', async ({ page }) => {
  const server = await startTestServer(workspace(0))
  try {
    const ui = new BookingPageUi(page, 'en-US')
    await page.goto(`${server.url}/book/ana/manage/bk-nothing#token=guess`)
    await expect(page.getByRole('alert')).toHaveText(ui.t('manage.invalid'))
    // What to do instead: the latest email's link, or the booking page.
    await expect(page.getByText(ui.t('manage.invalidHelp'))).toBeVisible()
    await expect(page.getByRole('link', { name: ui.t('manage.bookNew') })).toHaveAttribute(
      'href',
      `${server.url}/book/ana`,
    )
  } finally {
    await server.stop()
  }
})
