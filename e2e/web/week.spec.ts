import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { DeskApp, serverBooking } from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { boardWorkspace, tomorrowAt } from '../support/workspaces'

let server: TestServer
test.use({ timezoneId: 'UTC', locale: 'en-GB' })
test.beforeEach(async () => {
  const ws = boardWorkspace()
  // Ana is also booked at 16:00 tomorrow (Kim Lee).
  const kim = {
    ...ws.bookings[0]!,
    id: 'bk-kim',
    start: tomorrowAt('16:00'),
    end: tomorrowAt('16:30'),
    customer: { name: 'Kim Lee', email: 'kim@example.org', timeZone: 'UTC' },
  }
  server = await startTestServer({ ...ws, bookings: [...ws.bookings, kim] })
})
test.afterEach(async () => {
  await server.stop()
})

/** The bookings week view, by role and label. */
class Week {
  readonly app: DeskApp
  constructor(readonly page: Page) {
    this.app = new DeskApp(page)
  }
  block(customer: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`with ${customer}`) })
  }
  async open() {
    await this.app.open(server)
    await this.app.go('Bookings')
    // The week starts on Monday: from Sunday, tomorrow is in the next week.
    if (new Date().getUTCDay() === 0)
      await this.page.getByRole('button', { name: 'Next week' }).click()
    await expect(this.block('Lee Park')).toBeVisible()
  }
  /**
   * Drags a half-hour block by `hours` hours down its day (HTML drag and drop with the mouse);
   * the block's own height gives the scale.
   */
  async dragDown(block: Locator, hours: number, beforeDrop?: () => Promise<void>) {
    const box = await block.boundingBox()
    if (!box) throw new Error('calendar not laid out')
    const hourPx = box.height * 2
    const x = box.x + box.width / 2
    const y = box.y + 5
    await this.page.mouse.move(x, y)
    await this.page.mouse.down()
    await this.page.mouse.move(x, y + 20, { steps: 5 })
    await this.page.mouse.move(x, y + hours * hourPx, { steps: 10 })
    // Playwright's synthesized dragover reports the previous pointer position: one more small
    // move settles it where the pointer is (as a hand's jitter would).
    await this.page.mouse.move(x, y + hours * hourPx + 1)
    await beforeDrop?.()
    await this.page.mouse.up()
  }
}

test('dragging a booking to another time in the week view reschedules it with the same host', async ({
  page,
}) => {
  const week = new Week(page)
  await week.open()
  await week.dragDown(week.block('Lee Park'), 4, async () => {
    await expect(page.getByText('14:00 · can move here')).toBeVisible()
  })
  await expect(week.app.toast('Moved Lee Park to 14:00')).toBeVisible()
  await expect(week.block('Lee Park')).toHaveAccessibleName(
    /^14:00–14:30 Call with Lee Park · Ana Silva/,
  )
  await expect
    .poll(async () => (await serverBooking(server, 'bk-lee')).start)
    .toBe(tomorrowAt('14:00'))
  const stored = await serverBooking(server, 'bk-lee')
  expect(stored).toMatchObject({ hostMemberIds: ['m-ana'], status: 'rescheduled' })
  expect(stored.history.at(-1)).toMatchObject({
    action: 'rescheduled',
    previousStart: tomorrowAt('10:00'),
  })
})

test('a drag can be undone for a few seconds, and then nothing is written', async ({ page }) => {
  const week = new Week(page)
  await week.open()
  await week.dragDown(week.block('Lee Park'), 4)
  const toast = week.app.toast('Moved Lee Park to 14:00')
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(week.app.toast('Undone')).toBeVisible()
  await expect(week.block('Lee Park')).toHaveAccessibleName(/^10:00–10:30 Call with Lee Park/)
  // A later move is written; the undone one, proposed earlier, never was.
  await week.dragDown(week.block('Sam Taylor'), 2)
  await expect
    .poll(async () => (await serverBooking(server, 'bk-sam')).start)
    .toBe(tomorrowAt('12:00'))
  expect(await serverBooking(server, 'bk-lee')).toMatchObject({
    start: tomorrowAt('10:00'),
    status: 'scheduled',
  })
})

test('a refused move says why while dragging and when dropped, and the booking stays', async ({
  page,
}) => {
  const week = new Week(page)
  await week.open()
  await week.dragDown(week.block('Lee Park'), 6, async () => {
    await expect(page.getByText('16:00 · not possible: Ana Silva: busy')).toBeVisible()
  })
  await expect(week.app.toast('Not moved')).toContainText('Ana Silva: busy')
  await expect(week.block('Lee Park')).toHaveAccessibleName(/^10:00–10:30 Call with Lee Park/)
})

test('a half-hour booking shows one whole line, its customer first, and says everything on hover', async ({
  page,
}) => {
  const week = new Week(page)
  await week.open()
  const block = week.block('Lee Park')
  await expect(block).toHaveAttribute('title', /^10:00–10:30 Call with Lee Park · Ana Silva/)
  // Nothing below the first line is cut off: the text does not run past the block's height.
  const fits = await block.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)
  expect(fits).toBe(true)
  // The line starts with the customer: the block's place on the grid says the time.
  await expect(block).toHaveText(/^Lee Park · Ana Silva/)
})

test('the week moves back and forth, and the address keeps it across a reload', async ({
  page,
}) => {
  const week = new Week(page)
  await week.open()
  await page.getByRole('button', { name: 'Next week' }).click()
  await expect(week.block('Lee Park')).toHaveCount(0)
  expect(page.url()).toMatch(/#\/bookings\?date=\d{4}-\d{2}-\d{2}/)
  const url = page.url()
  await page.reload()
  await expect(page.getByRole('button', { name: 'Next week' })).toBeVisible()
  expect(page.url()).toBe(url)
  await expect(week.block('Lee Park')).toHaveCount(0)
  await page.goBack()
  await expect(week.block('Lee Park')).toBeVisible()
})

test('a year typed digit by digit goes to that year only, and asks the server for nothing before it', async ({
  page,
}) => {
  const week = new Week(page)
  await week.open()
  const asked: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/admin/bookings?')) asked.push(request.url())
  })
  const year = page.getByRole('spinbutton', { name: /year/i })
  await year.click()
  await page.keyboard.type('2023')
  await expect(page).toHaveURL(/date=2023-/)
  // Years 2, 20 and 202 were whole dates on the way, but before the earliest the picker goes to.
  expect(page.url()).not.toMatch(/date=0\d{3}-/)
  await expect.poll(() => asked.length).toBeGreaterThan(0)
  expect(asked.filter((url) => /from=0\d{3}-/.test(decodeURIComponent(url)))).toEqual([])
})
