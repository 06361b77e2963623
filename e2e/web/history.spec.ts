import { expect, test } from '@playwright/test'
import { DeskApp } from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { boardWorkspace } from '../support/workspaces'

const DAY_MS = 86_400_000

/** `days` ago (UTC) at 10:00, as a date and an instant. */
function daysAgo(days: number) {
  const date = new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10)
  return { date, at: `${date}T10:00:00.000Z`, end: `${date}T10:30:00.000Z` }
}

/** A completed booking of long ago with Ana (created three days before it). */
function oldBooking(id: string, customer: string, days: number) {
  const { at, end } = daysAgo(days)
  return {
    id,
    eventTypeId: 'et-call',
    masterPageId: null,
    start: at,
    end,
    hostMemberIds: ['m-ana'],
    poolId: null,
    panelId: null,
    status: 'completed',
    customer: { name: customer, email: `${id}@example.org`, timeZone: 'UTC' },
    answers: {},
    createdVia: 'desktop',
    history: [
      { at: new Date(Date.parse(at) - 3 * DAY_MS).toISOString(), action: 'created', by: 'desk' },
      { at: end, action: 'completed', by: 'system' },
    ],
  }
}

let server: TestServer
test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.beforeEach(async () => {
  const ws = boardWorkspace()
  server = await startTestServer({
    ...ws,
    bookings: [
      ...ws.bookings,
      oldBooking('bk-olive', 'Olive Stone', 130),
      oldBooking('bk-otto', 'Otto Brandt', 200),
    ],
  })
})
test.afterEach(async () => {
  await server.stop()
})

/** Shows the week of `date` in the Bookings view (the week lives in the address). */
async function showWeek(app: DeskApp, date: string) {
  await app.page.evaluate((d) => (window.location.hash = `#/bookings?date=${d}`), date)
  await expect(app.nav('Bookings')).toHaveAttribute('aria-current', 'page')
}

test('the week view pages back into history beyond this computer’s window, online only', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Bookings')
  // Tomorrow's week (on a Sunday, tomorrow is next week's Monday).
  await showWeek(app, new Date(Date.now() + DAY_MS).toISOString().slice(0, 10))
  await expect(page.getByRole('button', { name: /with Lee Park/ })).toBeVisible()

  // The list starts today, and says how to look further back.
  await page.getByRole('button', { name: 'List', exact: true }).click()
  await expect(page.getByText(/from today on \(set From for earlier ones\)/)).toBeVisible()
  const found = page.getByRole('table', { name: 'Bookings' })
  await expect(found.getByRole('button', { name: 'Lee Park' })).toBeVisible()
  await expect(found.getByRole('button', { name: 'Olive Stone' })).toHaveCount(0)

  // 130 days ago is before the window: the week is read from the sync server.
  await page.getByRole('button', { name: 'Week', exact: true }).click()
  await showWeek(app, daysAgo(130).date)
  await expect(page.getByRole('button', { name: /with Olive Stone/ })).toBeVisible()
  await expect(page.getByText(/not available offline/)).toHaveCount(0)
  // Its details open read-only: decisions need a booking on this computer.
  await page.getByRole('button', { name: /with Olive Stone/ }).click()
  await expect(app.details).toContainText('shown from the sync server')
  await expect(app.details.getByRole('button', { name: 'Mark as no-show' })).toBeDisabled()
  await page.keyboard.press('Escape')
  await expect(app.details).toHaveCount(0)

  // Offline: a week not read yet is not available; the one read before stays shown.
  await server.stop()
  await expect(app.syncStatus).toContainText('Offline')
  await showWeek(app, daysAgo(200).date)
  await expect(page.getByRole('alert').filter({ hasText: /not available offline/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /with Otto Brandt/ })).toHaveCount(0)
  await showWeek(app, daysAgo(130).date)
  await expect(page.getByRole('button', { name: /with Olive Stone/ })).toBeVisible()
})
