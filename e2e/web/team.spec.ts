import { expect, test } from '@playwright/test'
import { DeskApp, fillTime, pickZone, serverWorkspace } from '../support/app'
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

async function serverMembers() {
  return (await serverWorkspace(server)).members as {
    id: string
    name: string
    timeZone: string
    weeklyHours: Record<string, string[][]>
    dateOverrides: { date: string; hours: string[][] }[]
  }[]
}

test('a zone typed by city is taken on Enter or on leaving the field when only one zone matches; an ambiguous one is not', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Team')
  await page.getByRole('button', { name: 'Add member' }).click()
  const form = page.getByRole('form', { name: 'New member' })
  const zone = form.getByRole('combobox', { name: 'Time zone' })
  // A city without a zone of its own finds its zone (core's zone search).
  await zone.fill('Mumbai')
  await zone.press('Tab')
  await expect(zone).toHaveValue('Asia/Kolkata (UTC+05:30)')
  await zone.fill('London')
  await zone.press('Enter')
  await expect(zone).toHaveValue('Europe/London (UTC+00:00)')
  // Enter picked the zone and sent nothing: the form is still open, nothing refused.
  await expect(form).toBeVisible()
  await expect(form.getByRole('alert')).toHaveCount(0)
  // "New" matches New York, New Salem and more: nothing is guessed, the zone stays London.
  await zone.fill('New')
  await zone.press('Tab')
  await expect(zone).toHaveValue('Europe/London (UTC+00:00)')
  // Leaving the field with the pointer takes a single match too.
  await zone.fill('berlin')
  await form.getByLabel('Name').click()
  await expect(zone).toHaveValue(/^Europe\/Berlin \(UTC\+0[12]:00\)$/)
  await form.getByLabel('Name').fill('Lena Park')
  await form.getByLabel('Email').fill('lena@example.org')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(app.toast('Saved member Lena Park')).toBeVisible()
  await expect
    .poll(async () => (await serverMembers()).find((m) => m.name === 'Lena Park')?.timeZone)
    .toBe('Europe/Berlin')
})

test('a scheduler adds a member with a zone picked by city, split hours and a day off; overlapping hours are refused beside the field', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Team')
  await page.getByRole('button', { name: 'Add member' }).click()
  const form = page.getByRole('form', { name: 'New member' })
  await form.getByLabel('Name').fill('Zoe Quinn')
  await form.getByLabel('Email').fill('zoe@example.org')
  await pickZone(form, 'Time zone', 'Kolkata', /Asia\/Kolkata \(UTC\+05:30\)/)

  // Monday: 09:00–12:00 and a second range that overlaps it.
  const monday = form.getByRole('group', { name: 'Monday', exact: true })
  await fillTime(monday, 'Monday until', '12:00')
  await monday.getByRole('button', { name: 'Add Monday hours' }).click()
  // The keyboard is in the new range.
  await expect(monday.getByRole('spinbutton', { name: 'hour, Monday from (2)' })).toBeFocused()
  await fillTime(monday, 'Monday from (2)', '11:00')
  await fillTime(monday, 'Monday until (2)', '13:00')
  // Saturday stays off; Sunday too.
  await expect(form.getByRole('group', { name: 'Saturday', exact: true })).toContainText(
    'Not working',
  )

  await form.getByRole('button', { name: 'Save' }).click()
  // The problem is shown beside Monday's second range and in the summary, in words; the
  // summary takes the keyboard.
  await expect(form.locator('.problems-summary')).toBeFocused()
  await expect(monday.getByRole('alert')).toContainText('overlap')
  await expect(form.getByRole('alert').first()).toContainText('Monday, hours 2')
  expect((await serverMembers()).map((m) => m.name)).not.toContain('Zoe Quinn')

  await fillTime(monday, 'Monday from (2)', '13:00')
  await fillTime(monday, 'Monday until (2)', '17:00')
  // A range added and removed again: the keyboard goes back to the range before it.
  await monday.getByRole('button', { name: 'Add Monday hours' }).click()
  await monday.getByRole('button', { name: 'Remove Monday hours (3)' }).click()
  await expect(monday.getByRole('spinbutton', { name: 'hour, Monday from (2)' })).toBeFocused()
  // A day off on a date picked on the calendar.
  await form.getByRole('button', { name: 'Day off on this date' }).click()
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(app.toast('Saved member Zoe Quinn')).toBeVisible()
  const row = page.getByRole('row', { name: /Zoe Quinn/ })
  await expect(row).toContainText('Kolkata (UTC+05:30)')
  await expect(row).toContainText('Mon 09:00–12:00, 13:00–17:00 · Tue–Fri 09:00–17:00')
  await expect(row).toContainText('1 date override')
  await expect(row).not.toContainText('date overrides')

  await expect
    .poll(async () => (await serverMembers()).find((m) => m.name === 'Zoe Quinn'))
    .toMatchObject({
      timeZone: 'Asia/Kolkata',
      weeklyHours: {
        mon: [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
        sat: [],
      },
      dateOverrides: [{ hours: [] }],
    })
})

test('deleting a member that pages and pools use is refused, naming them', async ({ page }) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Team')
  await page.getByRole('button', { name: 'Edit Ana Silva' }).click()
  await page.getByRole('button', { name: 'Delete' }).click()
  const alert = page.getByRole('form', { name: 'Edit Ana Silva' }).getByRole('alert').first()
  await expect(alert).toContainText('Cannot delete')
  await expect(alert).toContainText('Sales')
  expect((await serverMembers()).map((m) => m.id)).toContain('m-ana')
})

test('an empty team’s calendar says what to do first, with a link to Team', async ({ page }) => {
  const empty = await startTestServer({
    ...bookingWorkspace(),
    members: [],
    bookingPages: [],
    pools: [],
    masterPages: [],
  })
  try {
    const app = new DeskApp(page)
    await app.open(empty)
    await expect(page.getByText('No active team members yet.')).toBeVisible()
    await page.getByRole('link', { name: 'Add them under Team' }).click()
    await expect(page.getByRole('button', { name: 'Add member' })).toBeVisible()
  } finally {
    await empty.stop()
  }
})
