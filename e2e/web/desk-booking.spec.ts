import { expect, test } from '@playwright/test'
import {
  DeskApp,
  newBookingOnTenthOfNextMonth,
  pickZone,
  serverWorkspace,
  tenthOfNextMonth,
} from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

let server: TestServer
test.use({ locale: 'en-GB', timezoneId: 'UTC' })
type Workspace = ReturnType<typeof bookingWorkspace>
/** A workspace for the test server (changed freely from {@link bookingWorkspace}). */
type Served = Omit<Workspace, 'eventTypes' | 'bookings'> & {
  eventTypes: readonly object[]
  bookings: readonly object[]
}

/** Serves `ws` with every event type bookable three months ahead, so next month is always open. */
function serve(ws: Served): Promise<TestServer> {
  return startTestServer({
    ...ws,
    eventTypes: ws.eventTypes.map((e) => ({ ...e, maxDaysAhead: 90 })),
  })
}

/** Serves the booking workspace as `change` makes it instead of the one started for the test. */
async function serveInstead(change: (ws: Workspace) => Served): Promise<void> {
  await server.stop()
  server = await serve(change(bookingWorkspace()))
}

test.beforeEach(async () => {
  server = await serve(bookingWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

test('a caller is desk-booked on a date next month; each time says who takes it and why; the confirmation says what happens next', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  await app.go('Calendar')
  const { dialog, times, day: target, dayName } = await newBookingOnTenthOfNextMonth(page)
  await expect(times).toContainText(dayName.split(' ').slice(1).join(' '))
  const first = times.getByRole('radio').first()
  // Each time says who takes it; the one picked says why too (not every line the same sentence).
  await expect(first.locator('..')).toHaveText(
    /^\d\d:\d\d–\d\d:\d\d→ (Ana Silva|Ben Okafor|Dev Patel)$/,
  )
  await expect(times).not.toContainText('Why:')
  await expect(times).toContainText('Times are UTC time.')
  // A round-robin pool offers only the next in line's times: the desk is told, and where to go.
  await expect(times).toContainText(
    'Sales takes turns (round robin): each day offers the times of one member — the next in line who is free that day — not everyone’s. For a particular member, book through “Meet the team”, where the caller picks the member.',
  )
  await times.getByRole('radio').nth(4).check()
  await expect(times).toContainText(
    /Why: Rule 1 \(Intro call, Region is EMEA\) sends it to pool Sales: round robin/,
  )

  await dialog.getByLabel('Customer name *').fill('Caller Carla')
  await dialog.getByLabel('Customer email *').fill('carla@example.org')
  await pickZone(dialog, 'Customer time zone', 'New York', /America\/New York/)
  // Every time is also said as the caller in New York will hear it, and the one picked in full.
  await expect(times).toContainText(
    'Times are UTC time; the customer’s time (New York) is beside each.',
  )
  // The first time of the day is the evening before in New York: that day is said too.
  const firstRow = await first.locator('..').innerText()
  const [, hh, mm, customerClock] =
    /^(\d\d):(\d\d)–\d\d:\d\d\s*\(([^)]+) New York\)/.exec(firstRow) ?? []
  const startUtc = Date.UTC(
    target.getUTCFullYear(),
    target.getUTCMonth(),
    target.getUTCDate(),
    Number(hh),
    Number(mm),
  )
  const inZone = (timeZone: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(startUtc)
  const day = { weekday: 'short', day: 'numeric', month: 'short' } as const
  const nyDay = inZone('America/New_York', day)
  const nyTime = inZone('America/New_York', { hour: '2-digit', minute: '2-digit' })
  expect(customerClock).toBe(nyDay === inZone('UTC', day) ? nyTime : `${nyDay}, ${nyTime}`)
  await expect(times).toContainText(/For the customer: .+\(New York time\)/)
  await dialog.getByRole('button', { name: 'Book' }).click()

  const done = page.getByRole('dialog', { name: 'Booked' })
  await expect(done).toContainText('Caller Carla is booked for Intro call')
  const shortDay = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(target)
  await expect(done).toContainText(shortDay)
  await expect(done).toContainText('Why: Rule 1')
  await expect(done).toContainText('(New York time)')
  // This test server has no mail server: the desk is told the customer gets no email.
  await expect(done).toContainText(
    'This sync server sends no email, so carla@example.org gets no confirmation: tell the caller the time, and copy the link into a message to them (it is too long to read out).',
  )
  // The desk reads the manage link out at once; it works once the booking synced.
  const manageLink = await done.getByRole('textbox', { name: 'Manage link' }).inputValue()
  expect(manageLink).toMatch(
    new RegExp(`^${server.url}/book/sales/manage/bk-[^#]+#token=[\\w-]{32}$`),
  )
  await done.getByRole('button', { name: 'Done' }).click()
  await expect(app.toast(/Booked Caller Carla/)).toBeVisible()

  await expect
    .poll(async () =>
      (await serverWorkspace(server)).bookings.filter(
        (b: { customer: { name: string } }) => b.customer.name === 'Caller Carla',
      ),
    )
    .toEqual([
      expect.objectContaining({
        createdVia: 'desktop',
        masterPageId: 'mp-sales',
        poolId: 'pool-sales',
        answers: { region: 'EMEA' },
        customer: {
          name: 'Caller Carla',
          email: 'carla@example.org',
          timeZone: 'America/New_York',
        },
        history: [
          expect.objectContaining({
            action: 'created',
            by: 'Maya',
            reason: expect.stringContaining('Rule 1'),
          }),
        ],
      }),
    ])
  const stored = (await serverWorkspace(server)).bookings.find(
    (b: { customer: { name: string } }) => b.customer.name === 'Caller Carla',
  )
  expect(stored.start.slice(0, 10)).toBe(target.toISOString().slice(0, 10))
  const [, id, token] = /manage\/([^#]+)#token=(.+)$/.exec(manageLink) ?? []
  expect(id).toBe(stored.id)
  const own = await fetch(`${server.url}/api/public/bookings/${id}?token=${token}`)
  expect(own.status).toBe(200)
  // The Outbox keeps the confirmation as not sent, and says on its row what would send it. The
  // server makes the email just after it answers the write; the open Outbox lists it by itself.
  await app.go('Outbox')
  const row = page
    .getByRole('table', { name: 'Emails' })
    .getByRole('row', { name: /Confirmation.*Caller Carla.*Not sent/ })
  await expect(row).toBeVisible({ timeout: 20_000 })
  await expect(row).toContainText(
    'Can be sent again once a mail server is connected (see Settings).',
  )
  await expect(row.getByRole('button', { name: 'Send again' })).toHaveCount(0)
})

test('missing customer details are named at their fields and nothing is booked', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  await app.go('Calendar')
  await page.getByRole('button', { name: 'New booking' }).click()
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await dialog.getByLabel('Book through').selectOption({ label: 'Talk to sales' })
  await dialog.getByRole('button', { name: 'Next month' }).click()
  await dialog
    .getByRole('button', { name: /^[A-Za-z]+,? 1[0-9] / })
    .first()
    .click()
  await dialog
    .getByRole('group', { name: /^Free times on/ })
    .getByRole('radio')
    .first()
    .check()
  await dialog.getByLabel('Customer name *').fill('No Email')
  await dialog.getByLabel('Customer email *').fill('not-an-email')
  await dialog.getByRole('button', { name: 'Book' }).click()
  // The summary names the fields.
  await expect(dialog.getByRole('alert')).toContainText(
    'Some answers are missing or invalid: Region, Customer email.',
  )
  // Each problem beside its field: the e-mail, and the unanswered required question.
  await expect(dialog).toContainText('A valid e-mail address is required')
  await expect(dialog.getByLabel('Region *')).toHaveAttribute('aria-invalid', 'true')
  // The first of them (far above the summary) has the focus, so it is in view.
  await expect(dialog.getByLabel('Region *')).toBeFocused()
  expect(
    (await serverWorkspace(server)).bookings.filter(
      (b: { customer: { name: string } }) => b.customer.name === 'No Email',
    ),
  ).toEqual([])
})

test('the time picked stays picked while answers are typed, and says so when the answers leave it no longer free', async ({
  page,
}) => {
  // Day 10 of next month, 02:00 UTC: Ana (the page's fallback, for AMER) is busy then; the pool
  // (EMEA), here Ben and Dev, is free.
  const target = tenthOfNextMonth(2)
  await serveInstead((ws) => ({
    ...ws,
    pools: ws.pools.map((pool) => ({
      ...pool,
      members: pool.members.filter((m) => m.memberId !== 'm-ana'),
    })),
    eventTypes: ws.eventTypes.map((e) => ({
      ...e,
      questions: [
        ...e.questions,
        { id: 'company', label: 'Company', type: 'text', required: false },
      ],
    })),
    bookings: [
      {
        id: 'bk-ana-busy',
        eventTypeId: 'et-intro',
        masterPageId: null,
        start: target.toISOString(),
        end: new Date(target.getTime() + 30 * 60_000).toISOString(),
        hostMemberIds: ['m-ana'],
        poolId: null,
        panelId: null,
        status: 'scheduled',
        customer: { name: 'Earlier Caller', email: 'earlier@example.org', timeZone: 'UTC' },
        answers: { region: 'AMER' },
        createdVia: 'desktop',
        history: [{ at: new Date().toISOString(), action: 'created', by: 'front desk' }],
      },
    ],
  }))
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  await app.go('Calendar')
  const { dialog, times } = await newBookingOnTenthOfNextMonth(page)
  const twoAm = times.getByRole('radio', { name: /^02:00/ })
  await twoAm.check()
  const book = dialog.getByRole('button', { name: 'Book' })
  await expect(book).toBeEnabled()

  // Typing an answer keeps the time.
  await dialog.getByLabel('Company').fill('Acme')
  await expect(twoAm).toBeChecked()
  await expect(book).toBeEnabled()

  // An answer that routes the booking to someone busy then: said, and Book waits for a new time.
  await dialog.getByLabel('Region *').selectOption('AMER')
  await expect(dialog.getByRole('alert')).toContainText(
    'is no longer free for this booking: pick another time.',
  )
  await expect(book).toBeDisabled()
  await expect(book).toHaveAccessibleDescription('Pick a free time above to book.')
  // Back to EMEA: free again, and still the one picked.
  await dialog.getByLabel('Region *').selectOption('EMEA')
  await expect(twoAm).toBeChecked()
  await expect(book).toBeEnabled()
})

test('a day without a free time offers the next day that has one', async ({ page }) => {
  // The team works Monday to Friday (in UTC, as the test's browser); the calendar shows a
  // Saturday a week or two ahead.
  const saturday = new Date(Date.now() + 7 * 86_400_000)
  saturday.setUTCDate(saturday.getUTCDate() + ((6 - saturday.getUTCDay() + 7) % 7))
  const monday = new Date(saturday.getTime() + 2 * 86_400_000)
  await serveInstead((ws) => ({
    ...ws,
    members: ws.members.map((m) => ({
      ...m,
      timeZone: 'UTC',
      weeklyHours: { ...m.weeklyHours, sat: [], sun: [] },
    })),
  }))
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  const day = saturday.toISOString().slice(0, 10)
  await page.evaluate((d) => (window.location.hash = `#/calendar?date=${d}`), day)
  await page.getByRole('button', { name: 'New booking' }).click()
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await dialog.getByLabel('Book through').selectOption({ label: 'Talk to sales' })
  await dialog.getByLabel('Region *').selectOption('EMEA')
  const long = (date: Date) =>
    new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date)
  await expect(
    dialog.getByRole('group', { name: `Free times on ${long(saturday)}` }),
  ).toContainText('No free time on this day.')
  await dialog.getByRole('button', { name: `Next free day: ${long(monday)}` }).click()
  const times = dialog.getByRole('group', { name: `Free times on ${long(monday)}` })
  await expect(times.getByRole('radio').first()).toBeVisible()
})

test('New booking keeps the day shown when the page and the answers change', async ({ page }) => {
  // "Meet the team" lets the caller pick the member first: its free times wait for that choice.
  await serveInstead((ws) => ({
    ...ws,
    masterPages: ws.masterPages.map((p) =>
      p.id === 'mp-team'
        ? { ...p, assignment: { ...p.assignment, flow: 'booking-pages-first' } }
        : p,
    ) as typeof ws.masterPages,
  }))
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  await app.go('Calendar')
  const { dialog, times, dayName } = await newBookingOnTenthOfNextMonth(page)
  await expect(times).toHaveAccessibleName(new RegExp(dayName))
  // Another page and back (its answers start again): still the day the desk was looking at.
  await dialog.getByLabel('Book through').selectOption({ label: 'Meet the team' })
  await expect(times).toHaveCount(0)
  await dialog.getByLabel('Member *').selectOption({ label: 'Ben Okafor' })
  await expect(times).toHaveAccessibleName(new RegExp(dayName))
  await dialog.getByLabel('Book through').selectOption({ label: 'Talk to sales' })
  await dialog.getByLabel('Region *').selectOption('AMER')
  await expect(times).toHaveAccessibleName(new RegExp(dayName))
})

test('a click on an empty place of a member’s column books that member at that time', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  await app.go('Calendar')
  const day = tenthOfNextMonth().toISOString().slice(0, 10)
  await page.evaluate((d) => (window.location.hash = `#/calendar?date=${d}`), day)
  // The board's legend says what its shading means, and that an empty place books.
  await expect(page.locator('.board-legend')).toHaveText(
    'working hours' +
      'outside working hours' +
      'busy in their own calendar' +
      'now' +
      'Click an empty place in a column to book that member then (or use New booking).',
  )
  // 0.8 px per minute: 10:15 is 492 px down Ben's day (this page's zone is UTC).
  await page
    .getByRole('region', { name: "Ben Okafor's day" })
    .click({ position: { x: 30, y: 496 } })
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await expect(dialog.getByLabel('Book through')).toHaveValue('mp-team')
  await expect(dialog.getByLabel('Member')).toHaveValue('bp-ben')
  const times = dialog.getByRole('group', { name: /^Free times on/ })
  // The free time covering 10:15 is picked, Ben's: the caller picked him, so no answer is needed
  // to say so (and answering keeps the time picked).
  const picked = times.getByRole('radio', { checked: true }).locator('..')
  await expect(picked).toHaveText('10:00–10:30→ Ben Okafor')
  await dialog.getByLabel('Region *').selectOption('AMER')
  await expect(picked).toHaveText('10:00–10:30→ Ben Okafor')
  // Another member keeps the time clicked, picked again where it is free.
  await dialog.getByLabel('Member').selectOption({ label: 'Ana Silva' })
  await expect(picked).toHaveText('10:00–10:30→ Ana Silva')
  await dialog.getByLabel('Member').selectOption({ label: 'Ben Okafor' })
  await expect(picked).toHaveText('10:00–10:30→ Ben Okafor')
  await expect(times.getByRole('radio', { checked: true }).locator('..')).toHaveText(
    '10:00–10:30→ Ben Okafor',
  )
  await dialog.getByLabel('Customer name *').fill('Walk-in Wanda')
  await dialog.getByLabel('Customer email *').fill('wanda@example.org')
  await dialog.getByRole('button', { name: 'Book' }).click()
  await expect(page.getByRole('dialog', { name: 'Booked' })).toContainText('Walk-in Wanda')
  await page.getByRole('dialog', { name: 'Booked' }).getByRole('button', { name: 'Done' }).click()
  await expect
    .poll(async () =>
      (await serverWorkspace(server)).bookings.map(
        (b: { customer: { name: string }; start: string; hostMemberIds: string[] }) => [
          b.customer.name,
          b.start,
          b.hostMemberIds,
        ],
      ),
    )
    .toEqual([['Walk-in Wanda', `${day}T10:00:00.000Z`, ['m-ben']]])
  // On the board, a half-hour block says its time and customer on its one line.
  await expect(
    page
      .getByRole('region', { name: "Ben Okafor's day" })
      .getByRole('button', { name: /Walk-in Wanda/ }),
  ).toContainText('10:00 Walk-in Wanda')

  // A time no free time covers (the day before today is past): said with why, nothing picked.
  const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10)
  await page.evaluate((d) => (window.location.hash = `#/calendar?date=${d}`), yesterday)
  await page
    .getByRole('region', { name: "Ben Okafor's day" })
    .click({ position: { x: 30, y: 496 } })
  await expect(dialog).toContainText(
    'Ben Okafor is not free for Intro call at 10:15: that time has passed. Pick another time below.',
  )
  await expect(dialog.getByRole('button', { name: 'Book' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()

  // Dev has no booking page: the desk is told how to book him by name.
  await page.evaluate((d) => (window.location.hash = `#/calendar?date=${d}`), day)
  await page.getByRole('region', { name: "Dev Patel's day" }).click({ position: { x: 30, y: 496 } })
  await expect(dialog).toContainText(
    'No master page books Dev Patel by name, so these are the times of “Talk to sales”.',
  )
  // Nothing is picked for him there: those times go to someone else.
  await expect(dialog.getByRole('radio', { checked: true })).toHaveCount(0)
})

test('a desk booking is taken back from its own confirmation, by keyboard, while it can be undone', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server, 'Maya')
  await app.go('Calendar')
  const { dialog, times } = await newBookingOnTenthOfNextMonth(page)
  await times.getByRole('radio').first().check()
  await dialog.getByLabel('Customer name *').fill('Undo Ulla')
  await dialog.getByLabel('Customer email *').fill('ulla@example.org')
  await dialog.getByRole('button', { name: 'Book' }).click()
  const done = page.getByRole('dialog', { name: 'Booked' })
  await expect(done).toContainText('Undo booking takes it back for a few seconds.')
  // The dialog keeps the keyboard inside it: its own Undo is reachable (the notice behind is not).
  await done.getByRole('button', { name: 'Undo booking' }).focus()
  await page.keyboard.press('Enter')
  await expect(done).toHaveCount(0)
  await expect(app.toast('Undone: the booking was not made')).toBeVisible()
  await app.go('Bookings')
  await page.getByRole('button', { name: 'List' }).click()
  await page.getByLabel('Customer').fill('Undo Ulla')
  await expect(page.getByText('No booking matches.')).toBeVisible()
})
