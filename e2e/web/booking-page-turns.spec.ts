import { expect, test } from '@playwright/test'
import { BookingPageUi, CUSTOMER_ZONE } from '../support/booking-page'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

/**
 * A round-robin page on the public booking page: each day of the customer's calendar offers that
 * day's next in line. Ana (first in line: nobody booked yet, first in the pool) is away for a
 * whole New York day; that day offers Ben's and Dev's times instead of being struck through.
 */

const DAY_MS = 86_400_000
/** `days` after today, as a New York date `YYYY-MM-DD`. */
function newYorkDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CUSTOMER_ZONE }).format(
    Date.now() + days * DAY_MS,
  )
}
const nextDate = (date: string) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + DAY_MS).toISOString().slice(0, 10)

let server: TestServer
const AWAY = newYorkDate(3)
test.use({ timezoneId: CUSTOMER_ZONE, locale: 'en-US' })
test.beforeEach(async () => {
  const ws = bookingWorkspace()
  // Away on the Berlin dates that hold the whole New York day (New York runs 6 hours behind).
  const away = [AWAY, nextDate(AWAY)].map((date) => ({ date, hours: [] }))
  server = await startTestServer({
    ...ws,
    members: ws.members.map((m) => (m.id === 'm-ana' ? { ...m, dateOverrides: away } : m)),
  })
})
test.afterEach(async () => {
  await server.stop()
})

test('a day the next in line is away offers the next after them', async ({ page }) => {
  const ui = new BookingPageUi(page, 'en-US')
  const asked: URL[] = []
  page.on('request', (request) => {
    if (request.url().includes('/availability?')) asked.push(new URL(request.url()))
  })
  await page.goto(`${server.url}/book/sales`)
  await ui.answerRegion('EMEA')
  await expect(ui.freeDays.first()).toBeVisible()
  // The page asks for its days in the customer's zone.
  expect(asked.at(-1)?.searchParams.get('timeZone')).toBe(CUSTOMER_ZONE)
  if (AWAY.slice(0, 7) !== newYorkDate(0).slice(0, 7)) {
    await page.getByRole('button', { name: ui.t('time.nextMonth') }).click()
  }
  const [year, month, day] = AWAY.split('-').map(Number)
  const label = new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year!, month! - 1, day!))
  const cell = page.getByRole('grid').getByRole('button', { name: new RegExp(label) })
  await expect(cell).not.toHaveAttribute('aria-disabled', 'true')
  await cell.click()
  await ui.times.first().click()
  await ui.fillDetails('Lee Park', 'lee@example.org')
  await ui.confirm()
  await expect(ui.heading('done.heading')).toBeVisible()
  const [stored] = (await (await server.admin('/api/admin/workspace')).json()).bookings as {
    hostMemberIds: string[]
  }[]
  // Ben is next after Ana (pool order).
  expect(stored!.hostMemberIds).toEqual(['m-ben'])
})
