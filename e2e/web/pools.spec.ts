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

async function bookPublicly(start: string) {
  const res = await fetch(`${server.url}/api/public/pages/sales/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      eventTypeId: 'et-intro',
      start,
      customer: { name: 'Kai Müller', email: 'kai@example.org', timeZone: 'UTC' },
      answers: { region: 'EMEA' },
    }),
  })
  expect(res.status).toBe(201)
  return (await res.json()).booking as { id: string; manageToken: string }
}

test('the pools view charts each member’s distribution live as bookings arrive and are cancelled', async ({
  page,
}) => {
  await page.goto(`${server.url}/app/#token=${server.token}`)
  await page.getByRole('button', { name: 'Pools' }).click()
  const pool = page.getByRole('article', { name: 'Pool Sales' })
  await expect(pool).toContainText('Round robin')
  await expect(pool.getByRole('listitem', { name: /Ana Silva: 0 received/ })).toBeVisible()

  const base = Date.now() + 2 * 86400_000
  const slot = (hours: number) =>
    new Date(Math.floor(base / 3600_000) * 3600_000 + hours * 3600_000).toISOString()
  const first = await bookPublicly(slot(0))
  await bookPublicly(slot(1))
  // Round robin: two bookings go to two different members, one each.
  await expect(pool.getByRole('listitem', { name: /1 received, 0 removed, net 1/ })).toHaveCount(2)

  await fetch(`${server.url}/api/public/bookings/${first.id}/cancel`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: first.manageToken }),
  })
  await expect(pool.getByRole('listitem', { name: /1 received, 1 removed, net 0/ })).toHaveCount(1)
})
