import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { DeskApp, newBookingOnTenthOfNextMonth, serverWorkspace } from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

let server: TestServer
test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.beforeEach(async () => {
  const ws = bookingWorkspace()
  server = await startTestServer({
    ...ws,
    eventTypes: ws.eventTypes.map((e) => ({ ...e, maxDaysAhead: 90 })),
  })
})
test.afterEach(async () => {
  await server.stop()
})

/** Desk-books `name` on the 10th of next month; returns the manage link read out. */
async function deskBook(page: Page, name: string): Promise<string> {
  const { dialog, times } = await newBookingOnTenthOfNextMonth(page)
  await times.getByRole('radio').nth(2).check()
  await dialog.getByLabel('Customer name *').fill(name)
  await dialog.getByLabel('Customer email *').fill('kim@example.org')
  await dialog.getByRole('button', { name: 'Book' }).click()
  const done = page.getByRole('dialog', { name: 'Booked' })
  await expect(done).toContainText(`${name} is booked`)
  return done.getByRole('textbox', { name: 'Manage link' }).inputValue()
}

const booked = async (name: string) =>
  (await serverWorkspace(server)).bookings.filter(
    (b: { customer: { name: string } }) => b.customer.name === name,
  )

test('a desk booking still in its undo window survives the page crashing: saved on the next start, synced, its manage link works', async ({
  page,
  context,
}) => {
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  await app.go('Calendar')
  const manageLink = await deskBook(page, 'Kim Crash')
  // The renderer dies within the 6 s: no pagehide, nothing flushed. The "Saved" toast on the next
  // start shows the booking was still waiting (a change written in time is not announced).
  await page.goto('chrome://crash').catch(() => undefined)

  const again = await context.newPage()
  const next = new DeskApp(again)
  await again.goto(`${server.url}/app/`)
  await expect(next.toast(/^Saved: Booked Kim Crash/)).toBeVisible()
  await expect(next.toast(/^Saved: Booked Kim Crash/)).toContainText(
    'still waiting to be saved when Teamslot closed',
  )
  await expect.poll(async () => (await booked('Kim Crash')).length).toBe(1)
  const [stored] = await booked('Kim Crash')
  const [, id, token] = /manage\/([^#]+)#token=(.+)$/.exec(manageLink) ?? []
  expect(id).toBe(stored.id)
  const own = await fetch(`${server.url}/api/public/bookings/${id}?token=${token}`)
  expect(own.status).toBe(200)
})

test('a desk booking made just before a reload is listed and on the server after it', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  await app.go('Calendar')
  await deskBook(page, 'Kim Reload')
  await page.reload()
  await expect(app.syncStatus).toContainText('Connected')
  await expect.poll(async () => (await booked('Kim Reload')).length).toBe(1)
  await app.go('Bookings')
  await page.getByRole('button', { name: 'List' }).click()
  await page.getByLabel('Customer').fill('Kim Reload')
  await expect(page.getByRole('table', { name: 'Bookings' })).toContainText('Kim Reload')
})
