import { expect, test } from '@playwright/test'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

let server: TestServer
test.beforeEach(async () => {
  server = await startTestServer(bookingWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

async function serverMembers() {
  return (await (await server.admin('/api/admin/workspace')).json()).members as {
    id: string
    name: string
  }[]
}

test('a scheduler adds a member with split hours, and bad hours are refused with the reason', async ({
  page,
}) => {
  await page.goto(`${server.url}/app/#token=${server.token}`)
  await expect(page.getByRole('cell', { name: 'Ana Silva', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Add member' }).click()
  const form = page.getByRole('form', { name: 'New member' })
  await form.getByLabel('Name').fill('Zoe Quinn')
  await form.getByLabel('Email').fill('zoe@example.org')
  await form.getByLabel('Time zone').fill('Asia/Kolkata')
  await form.getByLabel('Monday').fill('09:00-12:00, 11:00-13:00')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByRole('alert')).toContainText('weeklyHours.mon')
  expect((await serverMembers()).map((m) => m.name)).not.toContain('Zoe Quinn')

  await form.getByLabel('Monday').fill('09:00-12:00, 13:00-17:00')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('cell', { name: 'Zoe Quinn', exact: true })).toBeVisible()
  await expect.poll(async () => (await serverMembers()).map((m) => m.name)).toContain('Zoe Quinn')
})

test('deleting a member that pages and pools use is refused, naming them', async ({ page }) => {
  await page.goto(`${server.url}/app/#token=${server.token}`)
  await page.getByRole('button', { name: 'Edit Ana Silva' }).click()
  await page.getByRole('button', { name: 'Delete' }).click()
  const alert = page.getByRole('form', { name: 'Edit Ana Silva' }).getByRole('alert')
  await expect(alert).toContainText('Cannot delete')
  await expect(alert).toContainText('Sales')
  expect((await serverMembers()).map((m) => m.id)).toContain('m-ana')
})
