import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { DeskApp } from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { boardWorkspace } from '../support/workspaces'

let server: TestServer
test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.beforeEach(async () => {
  server = await startTestServer(boardWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

test('a booking is found by part of the customer’s e-mail, and the search lives in the address', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Bookings')
  await page.getByRole('button', { name: 'List' }).click()
  const table = page.getByRole('table', { name: 'Bookings' })
  await expect(table.getByRole('row')).toHaveCount(3)
  await page.getByLabel('Customer').fill('BK-SAM@EXAMPLE')
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table).toContainText('Sam Taylor')
  await expect(table).toContainText('Ben Okafor')
  await expect(table).not.toContainText('Lee Park')
  await page.reload()
  await expect(page.getByLabel('Customer')).toHaveValue('BK-SAM@EXAMPLE')
  await expect(table.getByRole('row')).toHaveCount(2)

  await page.getByLabel('Customer').fill('')
  await page.getByLabel('Member').selectOption({ label: 'Ana Silva' })
  await expect(table).toContainText('Lee Park')
  await expect(table).not.toContainText('Sam Taylor')
  await page.getByRole('combobox', { name: /^Status/ }).selectOption({ label: 'Cancelled' })
  await expect(page.getByText('No booking matches.')).toBeVisible()
})

test('the list is exported as CSV exactly as filtered, with names instead of ids', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Bookings')
  await page.getByRole('button', { name: 'List' }).click()
  await page.getByLabel('Member').selectOption({ label: 'Ben Okafor' })
  await expect(page.getByRole('table', { name: 'Bookings' }).getByRole('row')).toHaveCount(2)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^teamslot-bookings-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = readFileSync((await file.path())!, 'utf8')
  const lines = csv.trimEnd().split('\r\n')
  expect(lines[0]).toBe(
    'Start (UTC),End (UTC),Event type,Hosts,Customer,Customer e-mail,Customer time zone,Status,Page,Pool or panel,Made,Answers',
  )
  expect(lines).toHaveLength(2)
  expect(lines[1]).toContain(
    ',Call,Ben Okafor,Sam Taylor,bk-sam@example.org,UTC,Scheduled,,,At the desk,',
  )
  await expect(app.toast('Exported 1 booking')).toBeVisible()
})
