import { expect, test } from '@playwright/test'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { boardWorkspace, tomorrowAt } from '../support/workspaces'

let server: TestServer
test.use({ timezoneId: 'UTC', locale: 'en-US' })
test.beforeEach(async () => {
  server = await startTestServer(boardWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

test('dragging a booking to another time in the week view reschedules it with the same host', async ({
  page,
}) => {
  await page.goto(`${server.url}/app/#token=${server.token}`)
  await page.getByRole('button', { name: 'Bookings' }).click()
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Connected')
  // The week starts on Monday: from Sunday, tomorrow is in the next week.
  if (new Date().getUTCDay() === 0) await page.getByRole('button', { name: /next/i }).click()
  const lee = page.getByRole('button', { name: /Lee Park · Ana Silva/ })
  await expect(lee).toBeVisible()

  const ten = await page.getByText('10am', { exact: true }).boundingBox()
  const two = await page.getByText('2pm', { exact: true }).boundingBox()
  const box = await lee.boundingBox()
  if (!ten || !two || !box) throw new Error('calendar not laid out')
  const x = box.x + box.width / 2
  const y = box.y + 5
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x, y + 20, { steps: 5 })
  await page.mouse.move(x, y + (two.y - ten.y), { steps: 10 })
  await page.mouse.up()

  await expect
    .poll(async () => {
      const ws = await (await server.admin('/api/admin/workspace')).json()
      return ws.bookings.find((b: { id: string }) => b.id === 'bk-lee').start
    })
    .toBe(tomorrowAt('14:00'))
  const ws = await (await server.admin('/api/admin/workspace')).json()
  const stored = ws.bookings.find((b: { id: string }) => b.id === 'bk-lee')
  expect(stored).toMatchObject({ hostMemberIds: ['m-ana'], status: 'rescheduled' })
  expect(stored.history.at(-1)).toMatchObject({
    action: 'rescheduled',
    previousStart: tomorrowAt('10:00'),
  })
})
