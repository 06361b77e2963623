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

async function serverWorkspace() {
  return (await server.admin('/api/admin/workspace')).json()
}

test('a scheduler sets up an event type, a pool and a master page that customers can open', async ({
  page,
}) => {
  await page.goto(`${server.url}/app/#token=${server.token}`)
  await page.getByRole('button', { name: 'Setup' }).click()

  await page.getByRole('button', { name: 'Add event type' }).click()
  const eventForm = page.getByRole('form', { name: 'New event type' })
  await eventForm.getByLabel('Name').fill('Consultation')
  await eventForm.getByLabel('Duration (minutes)').fill('45')
  await eventForm
    .getByLabel(/Booking-form questions/)
    .fill('topic; Topic; select; required; Billing, Setup')
  await eventForm.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('region', { name: 'Event types' })).toContainText('Consultation')

  await page.getByRole('button', { name: 'Edit Sales' }).click()
  const poolForm = page.getByRole('form', { name: 'Edit Sales' })
  await poolForm.getByLabel('Distribution').selectOption('pooled-priority')
  await poolForm.getByRole('checkbox', { name: 'Dev Patel' }).uncheck()
  await poolForm.getByLabel('Priority of Ben Okafor').fill('2')
  await poolForm.getByRole('button', { name: 'Save' }).click()
  await expect(poolForm).toBeHidden()

  await page.getByRole('button', { name: 'Add master page' }).click()
  const pageForm = page.getByRole('form', { name: 'New master page' })
  const json = pageForm.getByLabel(/master page \(v1 workspace JSON\)/)
  const draft = JSON.parse(await json.inputValue())
  await json.fill(
    JSON.stringify({
      ...draft,
      slug: 'consult',
      title: 'Consult us',
      assignment: { type: 'static', target: { poolId: 'pool-missing' } },
    }),
  )
  await pageForm.getByRole('button', { name: 'Save' }).click()
  await expect(pageForm.getByRole('alert')).toContainText('assignment.target')
  await json.fill(
    JSON.stringify({
      ...draft,
      slug: 'consult',
      title: 'Consult us',
      assignment: { type: 'static', target: { poolId: 'pool-sales' } },
    }),
  )
  await pageForm.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('region', { name: 'Master pages' })).toContainText('Consult us')

  await expect
    .poll(async () => {
      const ws = await serverWorkspace()
      return {
        eventTypes: ws.eventTypes.map((e: { name: string }) => e.name),
        pool: ws.pools.find((p: { id: string }) => p.id === 'pool-sales'),
        pages: ws.masterPages.map((p: { slug: string }) => p.slug),
      }
    })
    .toEqual({
      eventTypes: expect.arrayContaining(['Consultation']),
      pool: expect.objectContaining({
        distribution: 'pooled-priority',
        members: [
          { memberId: 'm-ana', priority: 1 },
          { memberId: 'm-ben', priority: 2 },
        ],
      }),
      pages: expect.arrayContaining(['consult']),
    })
  const publicPage = await fetch(`${server.url}/api/public/pages/consult`)
  expect(publicPage.status).toBe(200)
})
