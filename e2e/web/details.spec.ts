import { expect, test } from '@playwright/test'
import { DeskApp, publicSalesBooking, serverBooking } from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

let server: TestServer
test.use({ locale: 'en-GB', timezoneId: 'UTC', permissions: ['clipboard-read', 'clipboard-write'] })

/** A booking whose meeting began ten minutes ago (for the no-show). */
function begunBooking() {
  const start = Date.now() - 10 * 60_000
  return {
    id: 'bk-begun',
    eventTypeId: 'et-intro',
    masterPageId: 'mp-sales',
    start: new Date(start).toISOString(),
    end: new Date(start + 30 * 60_000).toISOString(),
    hostMemberIds: ['m-ben'],
    poolId: 'pool-sales',
    panelId: null,
    status: 'scheduled',
    customer: { name: 'Rita Late', email: 'rita@example.org', timeZone: 'UTC' },
    answers: { region: 'EMEA' },
    createdVia: 'desktop',
    history: [
      { at: new Date(start - 86_400_000).toISOString(), action: 'created', by: 'front desk' },
    ],
  }
}

test.beforeEach(async () => {
  server = await startTestServer({ ...bookingWorkspace(), bookings: [begunBooking()] })
})
test.afterEach(async () => {
  await server.stop()
})

async function bookPublicly(name: string, hoursAhead: number) {
  const start = new Date(Math.ceil((Date.now() + hoursAhead * 3600_000) / 3600_000) * 3600_000)
  const res = await publicSalesBooking(server, start.toISOString(), {
    name,
    email: `${name.split(' ')[0]!.toLowerCase()}@example.org`,
  })
  expect(res.status).toBe(201)
  return (await res.json()).booking as { id: string; manageToken: string; start: string }
}

async function openDetails(app: DeskApp, email: string) {
  await app.go('Bookings')
  await app.page.getByRole('button', { name: 'List' }).click()
  await app.page.getByLabel('Customer').fill(email)
  await app.page.getByRole('table', { name: 'Bookings' }).getByRole('button').first().click()
  await expect(app.details).toBeVisible()
}

test('the details panel shows the customer, answers, hosts, history with the why, and the manage link to copy', async ({
  page,
}) => {
  const booking = await bookPublicly('Kai Müller', 30)
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  await openDetails(app, 'kai@example.org')
  const details = app.details
  await expect(details.getByRole('heading', { name: 'Kai Müller · Intro call' })).toBeVisible()
  await expect(details).toContainText('kai@example.org')
  await expect(details.getByRole('definition').filter({ hasText: 'EMEA' })).toBeVisible()
  await expect(details).toContainText(/Host: (Ana Silva|Ben Okafor|Dev Patel)/)
  // Where it came from, by the page's title (not its address) and the pool.
  await expect(details.getByRole('definition').filter({ hasText: 'Talk to sales' })).toHaveText(
    'Talk to sales · pool Sales',
  )
  const history = details.getByRole('list', { name: 'History' })
  await expect(history).toContainText('Booked by the customer')
  await expect(history).toContainText(
    'Why: Rule 1 (Intro call, Region is EMEA) sends it to pool Sales: round robin',
  )
  const link = details.getByRole('textbox', { name: 'Manage link' })
  await expect(link).toHaveValue(
    `${server.url}/book/sales/manage/${booking.id}#token=${booking.manageToken}`,
  )
  await details.getByRole('button', { name: 'Copy manage link' }).click()
  await expect(app.toast('Manage link copied')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue())
  // Back closes the panel: it lives in the address.
  await page.goBack()
  await expect(details).toBeHidden()
})

test('a scheduler cancels with a reason and marks a no-show from the details panel; both are recorded as staff', async ({
  page,
}) => {
  const booking = await bookPublicly('Lee Park', 30)
  const app = new DeskApp(page)
  await app.open(server, 'Maya')

  await openDetails(app, 'lee@example.org')
  await app.details.getByRole('button', { name: 'Cancel booking…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Cancel booking' })
  await confirm
    .getByLabel(
      'Message to the customer (kept in the history and in their cancellation email, which this sync server cannot send: tell them yourself)',
    )
    .fill('Customer called to cancel')
  // Enter in the reason cancels, as a keyboard user does.
  await page.keyboard.press('Enter')
  await expect(app.toast(/Cancelled Lee Park/)).toBeVisible()
  await expect(app.details.getByRole('group', { name: 'Status' })).toContainText('Cancelled')
  const cancelButton = app.details.getByRole('button', { name: 'Cancel booking…' })
  await expect(cancelButton).toBeDisabled()
  // The button that opened the cancel dialog can no longer take the focus: the details panel does
  // (not the page, where the next Tab would start again at the top).
  await expect(app.details).toBeFocused()
  // Not drawn in the danger colour once it cannot be used; Resend says why it cannot.
  const colours = await cancelButton.evaluate((el) => {
    const probe = document.createElement('span')
    probe.style.color = 'var(--danger)'
    el.parentElement!.append(probe)
    const danger = getComputedStyle(probe).color
    probe.remove()
    return { danger, shown: getComputedStyle(el).color }
  })
  expect(colours.shown).not.toBe(colours.danger)
  await expect(
    app.details.getByRole('button', { name: 'Resend confirmation' }),
  ).toHaveAccessibleDescription('A cancelled booking has no confirmation to send again.')
  await expect
    .poll(async () => (await serverBooking(server, booking.id)).status, { timeout: 20_000 })
    .toBe('cancelled')
  expect((await serverBooking(server, booking.id)).history.at(-1)).toMatchObject({
    action: 'cancelled',
    by: 'Maya',
    reason: 'Customer called to cancel',
  })
  await expect(app.details.getByRole('list', { name: 'History' })).toContainText(
    'Cancelled by Maya (staff)',
  )
  // The manage link no longer offers the customer a change.
  await expect(app.details).toContainText(
    'The customer can see the booking with it; it can no longer be changed.',
  )
  await expect(app.details).not.toContainText('can cancel or reschedule with it')
  await page.keyboard.press('Escape')

  await openDetails(app, 'rita@example.org')
  await app.details.getByRole('button', { name: 'Mark as no-show' }).click()
  await expect(app.toast('Marked Rita Late as a no-show')).toBeVisible()
  await expect
    .poll(async () => (await serverBooking(server, 'bk-begun')).status, { timeout: 20_000 })
    .toBe('no-show')
  expect((await serverBooking(server, 'bk-begun')).history.at(-1)).toMatchObject({
    action: 'no-show',
    by: 'Maya',
  })
})

test('a booking is rescheduled to a free time chosen on a calendar, keeping its host', async ({
  page,
}) => {
  const booking = await bookPublicly('Sam Taylor', 30)
  const before = await serverBooking(server, booking.id)
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  await openDetails(app, 'sam@example.org')
  await app.details.getByRole('button', { name: 'Reschedule…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Reschedule booking' })
  // The booking's own day opens; pick its third free time.
  const day = dialog.getByRole('group', { name: /^Free times on/ })
  await expect(day.getByRole('radio').first()).toBeVisible()
  const slot = day.getByRole('radio').nth(2)
  const label = (await slot.locator('..').textContent()) ?? ''
  await slot.check()
  await dialog.getByRole('button', { name: 'Move to this time' }).click()
  await expect(app.toast(/Moved Sam Taylor to/)).toBeVisible()
  await expect
    .poll(async () => (await serverBooking(server, booking.id)).start, { timeout: 20_000 })
    .not.toBe(before.start)
  const after = await serverBooking(server, booking.id)
  expect(after.hostMemberIds).toEqual(before.hostMemberIds)
  expect(after.status).toBe('rescheduled')
  expect(label).toContain(new Date(after.start).toISOString().slice(11, 16))
})
