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

test('with the sync server gone, a reload still opens the app on its local data; a change made then waits to sync', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  // Settings say when this browser keeps the app for use without a network.
  await app.go('Settings')
  await expect(page.getByRole('status', { name: 'Offline use' })).toContainText('Ready')
  await app.go('Calendar')
  await page.getByRole('button', { name: 'Next day' }).click()
  const lee = page.getByRole('button', { name: /with Lee Park/ })
  await expect(lee).toBeVisible()

  // The server stops: nothing answers on its address any more, not even the app's files.
  await server.stop()
  await expect(app.syncStatus).toContainText('Offline')
  await page.reload()
  await expect(lee).toBeVisible()
  await expect(app.syncStatus).toContainText('Offline')
  await expect(app.syncStatus).toContainText('The sync server cannot be reached.')

  // Work goes on: a cancellation is kept on this computer and counted as waiting.
  await lee.click()
  await app.details.getByRole('button', { name: 'Cancel booking…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Cancel booking' })
  await confirm.getByRole('button', { name: 'Cancel booking' }).click()
  await expect(app.syncStatus).toContainText('1 waiting to sync')
  await expect(app.details.getByRole('group', { name: 'Status' })).toContainText('not synced yet')
})
