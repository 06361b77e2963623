import { expect, test } from '@playwright/test'
import { startCalendarHost } from '../../sync-server/src/test-support/calendar-host'
import type { CalendarHost } from '../../sync-server/src/test-support/calendar-host'
import { DeskApp } from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

let server: TestServer
let host: CalendarHost
test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.beforeEach(async () => {
  host = await startCalendarHost()
  // The calendars live on loopback here, so the server needs the flag.
  server = await startTestServer(bookingWorkspace(), ['--allow-private-calendar-urls'])
})
test.afterEach(async () => {
  await server.stop()
  await host.close()
})

test('a scheduler adds a member’s own calendars, sees how each was read, and the day board shows Busy without titles', async ({
  page,
}) => {
  host.behave('/gone.ics', { kind: 'status', status: 404 })
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Team')
  await page.getByRole('button', { name: 'Edit Ana Silva' }).click()
  const form = page.getByRole('form', { name: 'Edit Ana Silva' })
  const calendars = form.getByRole('list', { name: 'Calendars' })
  const address = form.getByLabel('Calendar address')
  // A typo is refused by core beside the list, in words.
  await address.fill('calendar.google.com/basic.ics')
  await form.getByRole('button', { name: 'Add calendar' }).click()
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByRole('alert').first()).toContainText('http:// or https://')
  await form.getByRole('button', { name: 'Remove calendar calendar.google.com/basic.ics' }).click()
  await address.fill(`${host.url}/google.ics`)
  await form.getByRole('button', { name: 'Add calendar' }).click()
  await address.fill(`${host.url}/gone.ics`)
  await form.getByRole('button', { name: 'Add calendar' }).click()
  await expect(calendars.getByRole('listitem')).toHaveCount(2)
  await expect(calendars).toContainText('Read by the server once the member is saved.')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(app.toast('Saved member Ana Silva')).toBeVisible()

  // The server reads them at once; the status arrives through sync.
  const row = page.getByRole('row', { name: /Ana Silva/ })
  await expect(row).toContainText('a calendar could not be read')
  await page.getByRole('button', { name: 'Edit Ana Silva' }).click()
  const items = page.getByRole('form', { name: 'Edit Ana Silva' }).getByRole('listitem')
  await expect(items.filter({ hasText: 'google.ics' })).toContainText(
    /Read (just now|\d+ s ago) \(\d+ events\)\./,
  )
  await expect(items.filter({ hasText: 'gone.ics' })).toContainText(
    'the server answered 404. No busy times from it yet.',
  )
  const edit = page.getByRole('form', { name: 'Edit Ana Silva' })
  await edit.getByRole('button', { name: 'Refresh now' }).click()
  await expect(app.toast('Calendars read')).toBeVisible()
  await edit.getByRole('button', { name: 'Copy feed address' }).click()
  await expect(edit.getByLabel('Feed address')).toHaveValue(/\/feeds\/[A-Za-z0-9_-]+\.ics$/)
  const feed = await fetch(await edit.getByLabel('Feed address').inputValue())
  expect(feed.status).toBe(200)
  expect(await feed.text()).toContain('BEGIN:VCALENDAR')
  await edit.getByRole('button', { name: 'Cancel' }).click()

  // The day board: the dentist (13:00–13:30 UTC on 17 March 2027) as "Busy", no title anywhere.
  await page.goto(`${server.url}/app/#/calendar?date=2027-03-17`)
  const column = page.getByRole('region', { name: "Ana Silva's day" })
  await expect(column.getByText('Busy', { exact: false }).first()).toBeVisible()
  await expect(column).toContainText('in their own calendar, 13:00–13:30')
  await expect(page.locator('body')).not.toContainText('Dentist')
  await expect(page.locator('body')).not.toContainText('Sales weekly')
  expect(host.requests.some((request) => request.path === '/google.ics')).toBe(true)
})
