import { expect, test } from '@playwright/test'
import { DeskApp } from '../support/app'
import { seriousViolations } from '../support/axe'
import type { ViewName } from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { boardWorkspace, bookingWorkspace } from '../support/workspaces'

let server: TestServer
test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.beforeEach(async () => {
  const board = boardWorkspace()
  const full = bookingWorkspace()
  // The board's bookings plus a pool and a dynamic master page, so every screen has content.
  server = await startTestServer({
    ...full,
    members: board.members,
    eventTypes: [...full.eventTypes, ...board.eventTypes],
    bookingPages: [
      ...full.bookingPages.filter((b) => b.memberId !== 'm-dev'),
      ...board.bookingPages,
    ],
    pools: [
      { ...full.pools[0]!, members: full.pools[0]!.members.filter((m) => m.memberId !== 'm-dev') },
    ],
    masterPages: [...full.masterPages, ...board.masterPages],
    bookings: board.bookings,
  })
})
test.afterEach(async () => {
  await server.stop()
})

const VIEWS: readonly ViewName[] = [
  'Calendar',
  'Bookings',
  'Reports',
  'Team',
  'Setup',
  'Conflicts',
  'Outbox',
  'People',
  'Webhooks',
  'Activity',
  'Settings',
]

test('every view has no serious or critical accessibility violations', async ({ page }) => {
  const app = new DeskApp(page)
  await app.open(server)
  for (const view of VIEWS) {
    await app.go(view)
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible()
    expect(await seriousViolations(page), view).toEqual([])
  }
  await app.go('Bookings')
  await page.getByRole('button', { name: 'Month' }).click()
  // The board's bookings are tomorrow, which may be in the next month.
  if (new Date(Date.now() + 86_400_000).getUTCMonth() !== new Date().getUTCMonth())
    await page.getByRole('button', { name: 'Next month' }).click()
  await expect(page.getByRole('button', { name: /with Lee Park/ })).toBeVisible()
  expect(await seriousViolations(page), 'Bookings month').toEqual([])
  await page.getByRole('button', { name: 'List' }).click()
  await expect(page.getByRole('table', { name: 'Bookings' })).toBeVisible()
  expect(await seriousViolations(page), 'Bookings list').toEqual([])
})

test('the dialogs and forms have no serious or critical accessibility violations', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Calendar')
  await page.getByRole('button', { name: 'Next day' }).click()

  await page.getByRole('button', { name: /with Lee Park/ }).click()
  await expect(app.details).toBeVisible()
  expect(await seriousViolations(page), 'booking details').toEqual([])
  await app.details.getByRole('button', { name: 'Reassign…' }).click()
  await expect(page.getByRole('dialog', { name: 'Reassign booking' })).toBeVisible()
  expect(await seriousViolations(page), 'reassign').toEqual([])
  await page.keyboard.press('Escape')
  await app.details.getByRole('button', { name: 'Reschedule…' }).click()
  await expect(page.getByRole('dialog', { name: 'Reschedule booking' })).toBeVisible()
  expect(await seriousViolations(page), 'reschedule').toEqual([])
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'New booking' }).click()
  const booking = page.getByRole('dialog', { name: 'New booking' })
  await expect(booking.getByRole('group', { name: /^Free times on/ })).toBeVisible()
  expect(await seriousViolations(page), 'new booking').toEqual([])
  await page.keyboard.press('Escape')

  await app.go('Team')
  await page.getByRole('button', { name: 'Edit Ana Silva' }).click()
  await expect(page.getByRole('form', { name: 'Edit Ana Silva' })).toBeVisible()
  expect(await seriousViolations(page), 'member editor').toEqual([])
  await page.getByRole('button', { name: 'Cancel' }).click()

  await app.go('Setup')
  for (const edit of ['Edit Talk to sales', 'Edit Sales', 'Edit Intro call']) {
    await page.getByRole('button', { name: edit }).click()
    await expect(page.getByRole('form')).toBeVisible()
    expect(await seriousViolations(page), edit).toEqual([])
    await page.getByRole('button', { name: 'Cancel' }).click()
  }
  await page.getByRole('button', { name: 'Add panel' }).click()
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(
    page.getByRole('form', { name: 'New panel' }).getByRole('alert').first(),
  ).toBeVisible()
  expect(await seriousViolations(page), 'panel editor with problems').toEqual([])
})

test('the navigation says what each item holds to the keyboard too, without renaming it', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  const calendar = page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Calendar', exact: true })
  const shown = () =>
    calendar.evaluate((link) => getComputedStyle(link, '::after').content.replace(/"/g, ''))
  // Not shown while the item is not focused from the keyboard.
  expect(await shown()).toBe('none')
  await calendar.focus()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Tab')
  await expect(calendar).toBeFocused()
  expect(await shown()).toContain('The day, a column per member: book, move and reassign')
  // Its name stays "Calendar" and the words are its description.
  await expect(calendar).toHaveAccessibleName('Calendar')
  await expect(calendar).toHaveAccessibleDescription(
    'The day, a column per member: book, move and reassign',
  )
  expect(await seriousViolations(page)).toEqual([])
})

test('the keyboard’s first stop skips the navigation to the view', async ({ page }) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Calendar')
  const skip = page.getByRole('button', { name: 'Skip to the view' })
  await skip.focus()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  // The next Tab is inside the view, not on the navigation.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1)
  await expect(skip).not.toBeInViewport()
  expect(await seriousViolations(page)).toEqual([])
})
