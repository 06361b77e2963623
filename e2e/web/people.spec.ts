import { expect, test } from '@playwright/test'
import { addPerson, DeskApp, serverWorkspace } from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

let server: TestServer
test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.beforeEach(async () => {
  server = await startTestServer(bookingWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

test('a scheduler signs in with an invitation link and cannot open the setup editors', async ({
  page,
}) => {
  const { token } = await addPerson(server, 'Sam Desk', 'scheduler')
  const app = new DeskApp(page)
  await page.goto(`${server.url}/app/#invite=${token}`)
  await expect(app.signedIn).toHaveText('Signed in as Sam Desk (scheduler)')
  await expect(app.syncStatus).toContainText('Connected')

  // What the role may do is offered; setup, people and the activity log are not.
  await expect(app.nav('Calendar')).toBeVisible()
  await expect(page.getByRole('button', { name: 'New booking' })).toBeVisible()
  await expect(app.nav('Setup')).toHaveCount(0)
  await expect(app.nav('People')).toHaveCount(0)
  await expect(app.nav('Activity')).toHaveCount(0)

  // Typing the address of the setup view does not open its editors either.
  await page.goto(`${server.url}/app/#/setup`)
  await expect(page.getByRole('alert')).toHaveText('A scheduler may not change setup.')
  await expect(page.getByRole('button', { name: 'Add event type' })).toHaveCount(0)

  await app.go('Team')
  await expect(page.getByRole('cell', { name: 'Ana Silva', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add member' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Edit Ana Silva' })).toHaveCount(0)
})

test('an owner adds a person whose token is shown once and signs them in; the activity log names the owner', async ({
  page,
  browser,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  // People is not Team: the navigation says what each holds.
  await expect(app.nav('People')).toHaveAttribute('title', 'Who may sign in, and with which role')
  await expect(app.nav('Team')).toHaveAttribute(
    'title',
    'The members who take bookings: hours, zones, their own calendars',
  )
  await app.go('People')
  // Signed in with the server's admin token: the owner key is said to be no person of the list.
  await expect(page.getByRole('note').filter({ hasText: 'owner key' })).toContainText(
    'It is not one of the people listed here and cannot be removed',
  )
  const form = page.getByRole('form', { name: 'Add a person' })
  await form.getByLabel('Name').fill('Mia Manager')
  await form.getByLabel('E-mail').fill('mia@example.org')
  await form.getByRole('combobox').selectOption('manager')
  await form.getByRole('button', { name: 'Add person' }).click()
  const card = page.getByRole('region', { name: 'Sign-in for Mia Manager' })
  await expect(card).toBeVisible()
  const token = await card.getByLabel('Token').inputValue()
  await expect(card.getByLabel('Invitation link')).toHaveValue(
    `${server.url}/app/#invite=${encodeURIComponent(token)}`,
  )
  await card.getByRole('button', { name: 'Done' }).click()
  await expect(card).toHaveCount(0)
  await expect(page.getByRole('combobox', { name: 'Role of Mia Manager' })).toHaveValue('manager')

  await app.go('Activity')
  await expect(page.getByRole('row', { name: /Owner Added person “Mia Manager”/ })).toBeVisible()

  // Mia pastes her token on another computer.
  const other = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC' })
  const miaPage = await other.newPage()
  const mia = new DeskApp(miaPage)
  await miaPage.goto(`${server.url}/app/`)
  await miaPage.getByLabel('Your token or invitation link').fill(token)
  await miaPage.getByRole('button', { name: 'Sign in' }).click()
  await expect(mia.signedIn).toHaveText('Signed in as Mia Manager (manager)')
  await expect(mia.nav('Setup')).toBeVisible()
  await expect(mia.nav('People')).toHaveCount(0)
  await other.close()
})

test('a change made offline by a desk whose role was lowered meanwhile is refused on sync and shown to them', async ({
  page,
  context,
}) => {
  const mona = await addPerson(server, 'Mona Lane', 'manager')
  const app = new DeskApp(page)
  await page.goto(`${server.url}/app/#token=${mona.token}`)
  await expect(app.signedIn).toHaveText('Signed in as Mona Lane (manager)')
  await expect(app.syncStatus).toContainText('Connected')
  await app.go('Team')

  // Offline, the desk works with the role it last knew: Mona renames a member.
  await context.setOffline(true)
  await expect(app.syncStatus).toContainText('Offline')
  await page.getByRole('button', { name: 'Edit Ana Silva' }).click()
  const form = page.getByRole('form', { name: 'Edit Ana Silva' })
  await form.getByLabel('Name').fill('Ana Offline')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('cell', { name: 'Ana Offline', exact: true })).toBeVisible()

  // Meanwhile an owner makes Mona a viewer.
  const demoted = await server.admin(`/api/admin/people/${mona.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ role: 'viewer' }),
  })
  expect(demoted.status).toBe(200)

  // Back online the server refuses the rename; the desk keeps the server's version and says so.
  await context.setOffline(false)
  await expect(app.toast('Not saved: member “Ana Offline”')).toBeVisible()
  await expect(app.toast('Not saved: member “Ana Offline”')).toContainText(
    'A viewer may not change setup',
  )
  await expect(page.getByRole('cell', { name: 'Ana Silva', exact: true })).toBeVisible()
  await expect(app.signedIn).toHaveText('Signed in as Mona Lane (viewer)')
  await expect(page.getByRole('button', { name: 'Edit Ana Silva' })).toHaveCount(0)
  const members = (await serverWorkspace(server)).members as { name: string }[]
  expect(members.map((m) => m.name)).toContain('Ana Silva')
  expect(members.map((m) => m.name)).not.toContain('Ana Offline')
})
