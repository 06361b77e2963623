import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { boardWorkspace, tomorrowAt } from '../support/workspaces'
import { addPerson, DeskApp } from '../support/app'
import { seriousViolations } from '../support/axe'

/** The desktop calendar board and its reassign dialog, by role and label. */
class Board {
  readonly dialog: Locator
  readonly syncStatus: Locator
  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Reassign booking' })
    this.syncStatus = page.getByRole('status', { name: 'Sync status' })
  }
  column(name: string) {
    return this.page.getByRole('region', { name: `${name}'s day` })
  }
  block(customer: string) {
    return this.page.getByRole('button', { name: new RegExp(`with ${customer}`) })
  }
  async open(server: TestServer, scheduler = 'Maya') {
    const app = new DeskApp(this.page)
    await app.open(server, scheduler)
    await app.go('Calendar')
    await this.page.getByRole('button', { name: 'Next day' }).click()
  }
}

let server: TestServer
test.use({ timezoneId: 'UTC' })
test.beforeEach(async () => {
  server = await startTestServer(boardWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

async function storedBooking(id: string) {
  const ws = await (await server.admin('/api/admin/workspace')).json()
  return ws.bookings.find((b: { id: string }) => b.id === id)
}

test('dragging a booking onto a free member reassigns it and syncs to the server', async ({
  page,
}) => {
  const board = new Board(page)
  await board.open(server)
  await expect(
    board.column('Ana Silva').getByRole('button', { name: /with Lee Park/ }),
  ).toBeVisible()
  await board.block('Lee Park').dragTo(board.column('Cai Wong'))
  await expect(board.dialog).toBeVisible()
  await expect(board.dialog.getByRole('radio', { name: /Cai Wong/ })).toBeChecked()
  await expect(board.dialog.getByText('free').first()).toBeVisible()
  // Who will be told, before anything changes (the test server sends no email).
  await expect(
    board.dialog.getByText(
      /^The customer is not told: .* This sync server sends no email: tell Ana Silva and Cai Wong yourself\.$/,
    ),
  ).toBeVisible()
  await board.dialog.getByLabel('Reason (optional)').fill('Ana is out')
  await board.dialog.getByRole('button', { name: 'Reassign' }).click()
  await expect(
    board.column('Cai Wong').getByRole('button', { name: /with Lee Park/ }),
  ).toBeVisible()
  await expect.poll(async () => (await storedBooking('bk-lee')).hostMemberIds).toEqual(['m-cai'])
  expect((await storedBooking('bk-lee')).history.at(-1)).toMatchObject({
    action: 'reassigned',
    by: 'Maya',
    fromMemberId: 'm-ana',
    toMemberId: 'm-cai',
    reason: 'Ana is out',
  })
})

test('a scheduler who drags a booking onto another member is told that a manager reassigns, and nothing changes', async ({
  page,
}) => {
  const { token } = await addPerson(server, 'Sam Desk', 'scheduler')
  const app = new DeskApp(page)
  await page.goto(`${server.url}/app/#token=${token}`)
  await expect(app.signedIn).toHaveText('Signed in as Sam Desk (scheduler)')
  await app.go('Calendar')
  await page.getByRole('button', { name: 'Next day' }).click()
  const board = new Board(page)
  await board.block('Lee Park').dragTo(board.column('Cai Wong'))
  await expect(app.toast('Not reassigned')).toContainText(
    'A scheduler may not reassign bookings: a manager or owner gives a booking to another member. To change its time, drag it up or down in its own column.',
  )
  await expect(board.dialog).toHaveCount(0)
  await expect(
    board.column('Ana Silva').getByRole('button', { name: /with Lee Park/ }),
  ).toBeVisible()
  expect((await storedBooking('bk-lee')).hostMemberIds).toEqual(['m-ana'])
})

test('a manager hands over a member’s day: each booking goes to someone free then, in one step with one Undo', async ({
  page,
}) => {
  const board = new Board(page)
  await board.open(server)
  await page.getByRole('button', { name: 'Hand over a day…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Hand over a day' })
  await dialog.getByLabel('Whose day').selectOption({ label: 'Cai Wong' })
  await expect(dialog.getByRole('status')).toContainText(
    'Cai Wong has no bookings still to come on',
  )
  await dialog.getByLabel('Whose day').selectOption({ label: 'Ben Okafor' })
  // Ana has her own booking at 10:00: Cai is the one free then; the booking can also stay.
  const goesTo = dialog.getByRole('combobox', { name: 'Sam Taylor goes to' })
  await expect(goesTo).toHaveValue('m-cai')
  await expect(goesTo.getByRole('option')).toHaveText(['Cai Wong', 'Leave with Ben Okafor'])
  await dialog.getByLabel(/^Reason/).fill('Ben is ill')
  expect(await seriousViolations(page), 'hand over a day').toEqual([])
  await dialog.getByRole('button', { name: 'Hand over 1 booking' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(new DeskApp(page).toast('Handed over 1 booking of Ben Okafor')).toBeVisible()
  await expect(
    board.column('Cai Wong').getByRole('button', { name: /with Sam Taylor/ }),
  ).toBeVisible()
  await expect.poll(async () => (await storedBooking('bk-sam')).hostMemberIds).toEqual(['m-cai'])
  expect((await storedBooking('bk-sam')).history.at(-1)).toMatchObject({
    action: 'reassigned',
    fromMemberId: 'm-ben',
    toMemberId: 'm-cai',
    reason: 'Ben is ill',
    forced: false,
  })
})

test('a busy member needs an explicit override, recorded as forced', async ({ page }) => {
  const board = new Board(page)
  await board.open(server)
  await board.block('Lee Park').dragTo(board.column('Ben Okafor'))
  await expect(board.dialog.getByRole('radio', { name: /Ben Okafor/ })).toBeChecked()
  await expect(board.dialog.getByText('busy', { exact: true })).toBeVisible()
  // Busy with what, and why Reassign waits.
  await expect(board.dialog.getByRole('radio', { name: /Ben Okafor/ })).toHaveAccessibleName(
    /with Sam Taylor (10:00|10:00 AM)–(10:30|10:30 AM)/,
  )
  const confirm = board.dialog.getByRole('button', { name: 'Reassign' })
  await expect(confirm).toBeDisabled()
  await expect(confirm).toHaveAccessibleDescription(
    'Tick “Assign anyway” to give it to Ben Okafor although they are not free.',
  )
  await board.dialog.getByLabel(/Assign anyway although Ben Okafor is busy/).check()
  await confirm.click()
  await expect.poll(async () => (await storedBooking('bk-lee')).history.at(-1)?.forced).toBe(true)
  expect((await storedBooking('bk-lee')).hostMemberIds).toEqual(['m-ben'])
})

test('an offline reassignment onto a member who got a public booking meanwhile is kept and shown as a conflict', async ({
  page,
  context,
}) => {
  const board = new Board(page)
  await board.open(server)
  await context.setOffline(true)
  await expect(board.syncStatus).toContainText('Offline')

  // Offline, Cai looks free at 10:00: move Lee's booking to Cai from its details.
  await board.block('Lee Park').click()
  const app = new DeskApp(page)
  await app.details.getByRole('button', { name: 'Reassign…' }).click()
  await board.dialog.getByRole('radio', { name: /Cai Wong/ }).check()
  await board.dialog.getByRole('button', { name: 'Reassign' }).click()
  await expect(app.details).toContainText('Host: Cai Wong')
  await page.keyboard.press('Escape')
  // The block that opened the details moved to Cai's column: the keyboard is put on the view,
  // not dropped on the page (where the next Tab would start again at the top).
  await expect(page.getByRole('main')).toBeFocused()
  // Shown at once while it can be undone, then written locally: marked as not synced yet.
  await expect(
    board.column('Cai Wong').getByRole('button', { name: /with Lee Park \(saving\)/ }),
  ).toBeVisible()
  await expect(
    board.column('Cai Wong').getByRole('button', { name: /with Lee Park \(not synced yet\)/ }),
  ).toBeVisible()
  await expect(board.syncStatus).toContainText('1 waiting to sync')

  // Meanwhile a customer books Cai at the same time on the public page.
  const res = await fetch(`${server.url}/api/public/pages/cai/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      eventTypeId: 'et-call',
      start: tomorrowAt('10:00'),
      customer: { name: 'Noor Haddad', email: 'noor@example.org', timeZone: 'UTC' },
      answers: {},
    }),
  })
  expect(res.status).toBe(201)

  await context.setOffline(false)
  await expect(board.syncStatus).toContainText('Connected')
  await expect(board.syncStatus).toContainText('All changes are synced')
  await expect(
    board.column('Cai Wong').getByRole('button', { name: /with Lee Park \(conflict\)/ }),
  ).toBeVisible()
  // One conflict: the pair, derived from the two bookings (nothing is marked on either).
  await expect(new DeskApp(page).nav('Conflicts')).toContainText('1')
  await expect
    .poll(
      async () =>
        ((await (await server.admin('/api/admin/conflicts')).json()).conflicts as unknown[]).length,
    )
    .toBe(1)
  // Both bookings are kept on Cai; nothing was dropped.
  expect((await storedBooking('bk-lee')).hostMemberIds).toEqual(['m-cai'])

  await new DeskApp(page).go('Conflicts')
  const lee = page.getByRole('listitem', { name: /Conflict: .*Lee Park/ })
  await expect(lee).toContainText('Cai Wong is booked twice')
  await expect(lee).toContainText('Noor Haddad')
  // Cancelling one side asks first, with a reason for the customer; closing it changes nothing.
  await lee
    .getByRole('group', { name: 'Noor Haddad' })
    .getByRole('button', { name: 'Cancel booking…' })
    .click()
  const cancelDialog = page.getByRole('dialog', { name: 'Cancel booking' })
  await expect(cancelDialog).toContainText('Cancel Noor Haddad')
  await expect(
    cancelDialog.getByRole('textbox', { name: /^Message to the customer/ }),
  ).toBeFocused()
  await cancelDialog.getByRole('button', { name: 'Keep it' }).click()
  await expect(cancelDialog).toHaveCount(0)
  await expect(lee).toContainText('Noor Haddad')
  await lee.getByRole('button', { name: 'Keep both' }).click()
  await expect(page.getByText(/^No conflicts: no member has two bookings at once/)).toBeVisible()
  await expect
    .poll(
      async () =>
        ((await (await server.admin('/api/admin/conflicts')).json()).conflicts as unknown[]).length,
    )
    .toBe(0)
})

test('a booking made at the desk follows the page’s rules and syncs to the server', async ({
  page,
}) => {
  const board = new Board(page)
  await board.open(server)
  await page.getByRole('button', { name: 'New booking' }).click()
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await expect(dialog.getByLabel('Book through')).toHaveValue('mp-cai')
  await dialog.getByLabel('Customer name *').fill('Walk In Wendy')
  await dialog.getByLabel('Customer email *').fill('wendy@example.org')
  // Each free time says who it goes to and why.
  await expect(dialog.getByRole('radio').first().locator('..')).toContainText('→ Cai Wong')
  await dialog.getByRole('radio').first().check()
  await dialog.getByRole('button', { name: 'Book' }).click()
  const done = page.getByRole('dialog', { name: 'Booked' })
  await expect(done).toContainText('Walk In Wendy is booked')
  await expect(done.getByRole('textbox', { name: 'Manage link' })).toHaveValue(/#token=/)
  await done.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()
  await expect
    .poll(async () => {
      const ws = await (await server.admin('/api/admin/workspace')).json()
      return ws.bookings.filter(
        (b: { customer: { name: string } }) => b.customer.name === 'Walk In Wendy',
      )
    })
    .toEqual([
      expect.objectContaining({
        hostMemberIds: ['m-cai'],
        createdVia: 'desktop',
        masterPageId: 'mp-cai',
        history: [expect.objectContaining({ action: 'created', by: 'Maya' })],
      }),
    ])
})

test('a day off that leaves a booking outside the member’s hours says so before saving, and saves on a second press', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Team')
  await page.getByRole('button', { name: 'Edit Ana Silva' }).click()
  const form = page.getByRole('form', { name: 'Edit Ana Silva' })
  // Tomorrow, on the overrides' calendar (the next month's page when tomorrow is the 1st).
  const tomorrow = new Date(tomorrowAt('12:00'))
  if (tomorrow.getUTCDate() === 1) {
    await form.getByRole('button', { name: 'Next month' }).click()
  }
  const day = new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(tomorrow)
  await form
    .getByRole('grid')
    .getByRole('button', { name: new RegExp(day) })
    .click()
  await form.getByRole('button', { name: 'Day off on this date' }).click()
  await form.getByRole('button', { name: 'Save' }).click()
  const notice = form.getByRole('alert').filter({ hasText: 'would be outside these hours' })
  await expect(notice).toContainText('1 booking of Ana Silva would be outside these hours')
  await expect(notice).toContainText('Lee Park')
  await expect(notice).toBeFocused()
  const overrides = async () =>
    (
      (await (await server.admin('/api/admin/workspace')).json()).members as {
        id: string
        dateOverrides: unknown[]
      }[]
    ).find((m) => m.id === 'm-ana')!.dateOverrides
  expect(await overrides()).toEqual([])
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(app.toast('Saved member Ana Silva')).toBeVisible()
  await expect.poll(overrides).toHaveLength(1)
  // The booking stays with Ana until someone hands it over; Conflicts lists it until then.
  expect((await storedBooking('bk-lee')).hostMemberIds).toEqual(['m-ana'])
  await app.go('Conflicts')
  const item = page.getByRole('listitem', { name: 'Outside hours: Lee Park with Ana Silva' })
  await expect(item).toContainText('Ana Silva does not work then')
  await item.getByRole('button', { name: 'Reassign…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Reassign booking' })
  await dialog.getByRole('radio', { name: /Cai Wong/ }).check()
  await dialog.getByRole('button', { name: 'Reassign', exact: true }).click()
  await expect(item).toHaveCount(0)
  await expect.poll(async () => (await storedBooking('bk-lee')).hostMemberIds).toEqual(['m-cai'])
})
