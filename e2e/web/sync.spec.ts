import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { e2eMember, smallWorkspace } from '../support/workspaces'
import { DeskApp } from '../support/app'

class TeamPage {
  readonly syncStatus: Locator
  readonly members: Locator
  constructor(readonly page: Page) {
    this.syncStatus = page.getByRole('status', { name: 'Sync status' })
    this.members = page.getByRole('table')
  }
  member(name: string) {
    return this.members.getByRole('cell', { name, exact: true })
  }
}

let server: TestServer

test.beforeEach(async () => {
  server = await startTestServer(smallWorkspace())
})

test.afterEach(async () => {
  await server.stop()
})

test('the app shows the server team and a record written on the server appears without reload', async ({
  page,
}) => {
  await page.goto(`${server.url}/app/#token=${server.token}`)
  await new DeskApp(page).go('Team')
  const team = new TeamPage(page)
  await expect(team.member('Ana Silva')).toBeVisible()
  await expect(team.member('Ben Okafor')).toBeVisible()
  await expect(team.syncStatus).toContainText('Connected')
  await expect(team.syncStatus).toContainText('All changes are synced. Last synced')
  // The token fragment is removed from the address bar once stored.
  expect(new URL(page.url()).hash).not.toContain('token')

  const workspace = await (await server.admin('/api/admin/workspace')).json()
  workspace.members.push(e2eMember('m-zoe', 'Zoe Written-On-Server', 'Asia/Kolkata'))
  const put = await server.admin('/api/admin/workspace', {
    method: 'PUT',
    body: JSON.stringify(workspace),
  })
  expect(put.status).toBe(200)

  await expect(team.member('Zoe Written-On-Server')).toBeVisible()
})

test('the sync status turns offline when the server stops and the local data stays', async ({
  page,
}) => {
  await page.goto(`${server.url}/app/#token=${server.token}`)
  await new DeskApp(page).go('Team')
  const team = new TeamPage(page)
  await expect(team.syncStatus).toContainText('Connected')
  // The app's files are kept for use without the server (the reload below needs them).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await server.stop()
  await expect(team.syncStatus).toContainText('Offline')
  // Plain words, not the transport's error text.
  await expect(team.syncStatus).toContainText('The sync server cannot be reached.')
  await expect(team.syncStatus).not.toContainText('Failed to fetch')
  await expect(team.member('Ana Silva')).toBeVisible()
  // Restarted without the server: it was in sync before, and says when; never "never synced".
  await page.reload()
  await expect(team.syncStatus).toContainText('Offline')
  await expect(team.syncStatus).toContainText(/Last synced (just now|\d+ s ago)/)
  await expect(team.syncStatus).not.toContainText('Never synced yet')
})

test('web mode without a stored connection asks for the server and token', async ({ page }) => {
  await page.goto(`${server.url}/app/`)
  await expect(page.getByRole('heading', { name: 'Sign in to Teamslot' })).toBeVisible()
  await page.getByLabel('Your token or invitation link').fill(server.token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await new DeskApp(page).go('Team')
  await expect(new TeamPage(page).member('Ana Silva')).toBeVisible()
})

test('settings show the server in use and signing out returns to the connect screen', async ({
  page,
}) => {
  await page.goto(`${server.url}/app/#token=${server.token}`)
  await expect(page.getByRole('region', { name: "Ana Silva's day" })).toBeVisible()
  await new DeskApp(page).go('Settings')
  await expect(page.getByText(`Syncing with ${server.url}`)).toBeVisible()
  await page.getByRole('button', { name: 'Sign out of this server' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to Teamslot' })).toBeVisible()
})

test('a second window says another window syncs, its change goes out through that one, and it takes over when that one closes', async ({
  page,
  context,
}) => {
  const first = new DeskApp(page)
  await first.open(server)
  // The second window of the same app on this computer (the connection is remembered).
  const secondPage = await context.newPage()
  await secondPage.goto(`${server.url}/app/#/team`)
  const second = new DeskApp(secondPage)
  await expect(second.syncStatus).toContainText('Synced by another window')
  await expect(second.syncStatus).not.toContainText('Connecting')

  // A member added in the second window reaches the server through the first one, and the
  // second window stops counting it as waiting.
  await secondPage.getByRole('button', { name: 'Add member' }).click()
  const form = secondPage.getByRole('form', { name: 'New member' })
  await form.getByLabel('Name').fill('Zoe Quinn')
  await form.getByLabel('Email').fill('zoe@example.org')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(second.toast('Saved member Zoe Quinn')).toBeVisible()
  await expect
    .poll(async () =>
      ((await (await server.admin('/api/admin/workspace')).json()).members as { name: string }[])
        .map((m) => m.name)
        .includes('Zoe Quinn'),
    )
    .toBe(true)
  await expect(second.syncStatus).toContainText('All changes made here are synced.')
  await expect(second.syncStatus).not.toContainText('waiting to sync')

  // The first window closes: the second one replicates itself from then on.
  await page.close()
  await expect(second.syncStatus).toContainText('Connected')
  await expect(second.syncStatus).toContainText('All changes are synced.')
})
