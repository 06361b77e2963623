import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { DeskApp } from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { boardWorkspace } from '../support/workspaces'

let server: TestServer
test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.beforeEach(async () => {
  server = await startTestServer(boardWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

/** Opens Bookings › List on the server's workspace: its two bookings of tomorrow listed. */
async function openList(page: Page) {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Bookings')
  await page.getByRole('button', { name: 'List' }).click()
  const table = page.getByRole('table', { name: 'Bookings' })
  await expect(table.getByRole('row')).toHaveCount(3)
  return table
}

test('a booking is found by part of the customer’s e-mail, and the search lives in the address', async ({
  page,
}) => {
  const table = await openList(page)
  await page.getByLabel('Customer').fill('BK-SAM@EXAMPLE')
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table).toContainText('Sam Taylor')
  await expect(table).toContainText('Ben Okafor')
  await expect(table).not.toContainText('Lee Park')
  await page.reload()
  await expect(page.getByLabel('Customer')).toHaveValue('BK-SAM@EXAMPLE')
  await expect(table.getByRole('row')).toHaveCount(2)

  await page.getByLabel('Customer').fill('')
  await page.getByLabel('Member').selectOption({ label: 'Ana Silva' })
  await expect(table).toContainText('Lee Park')
  await expect(table).not.toContainText('Sam Taylor')
  await page.getByRole('combobox', { name: /^Status/ }).selectOption({ label: 'Cancelled' })
  await expect(page.getByText('No booking matches.')).toBeVisible()
})

test('the list is exported as CSV exactly as filtered, with names instead of ids', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Bookings')
  await page.getByRole('button', { name: 'List' }).click()
  await page.getByLabel('Member').selectOption({ label: 'Ben Okafor' })
  await expect(page.getByRole('table', { name: 'Bookings' }).getByRole('row')).toHaveCount(2)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const file = await download
  // Named by the range exported: From today (the list's default) on.
  expect(file.suggestedFilename()).toBe(
    `teamslot-bookings-from-${new Date().toISOString().slice(0, 10)}.csv`,
  )
  const csv = readFileSync((await file.path())!, 'utf8')
  const lines = csv.trimEnd().split('\r\n')
  expect(lines[0]).toBe(
    'Start (UTC),End (UTC),Event type,Hosts,Customer,Customer e-mail,Customer time zone,Status,Page,Pool or panel,Made,Answers',
  )
  expect(lines).toHaveLength(2)
  expect(lines[1]).toContain(
    ',Call,Ben Okafor,Sam Taylor,bk-sam@example.org,UTC,Scheduled,,,At the desk,',
  )
  await expect(app.toast('Exported 1 booking')).toBeVisible()
})

test('the list starts today unless From is chosen: yesterday’s meeting only with an earlier From', async ({
  page,
}) => {
  await server.stop()
  const ws = boardWorkspace()
  const yesterday = new Date(Date.now() - 86_400_000)
  yesterday.setUTCHours(9, 0, 0, 0)
  const past = {
    ...ws.bookings[0]!,
    id: 'bk-yesterday',
    start: yesterday.toISOString(),
    end: new Date(yesterday.getTime() + 30 * 60_000).toISOString(),
    status: 'completed',
    customer: { name: 'Noor Haddad', email: 'noor@example.org', timeZone: 'UTC' },
  }
  server = await startTestServer({ ...ws, bookings: [...ws.bookings, past] })
  const table = await openList(page)
  await expect(table).not.toContainText('Noor Haddad')
  await expect(page.getByText('2 bookings from today on (set From for earlier ones)')).toBeVisible()
  // The field shows the date in use; nothing to clear while it is the default.
  const from = page.getByRole('group', { name: 'From' })
  const today = new Date().toISOString().slice(0, 10)
  const [y, m, d] = today.split('-')
  await expect(from).toContainText(`${d}/${m}/${y}`)
  await expect(page.getByRole('button', { name: 'Clear from' })).toHaveCount(0)

  const before = yesterday.toISOString().slice(0, 10)
  await page.evaluate((day) => (window.location.hash = `#/bookings?mode=list&from=${day}`), before)
  await expect(table.getByRole('row')).toHaveCount(4)
  await expect(table.getByRole('row').nth(1)).toContainText('Noor Haddad')
  await expect(page.getByText(/^3 bookings$/)).toBeVisible()
  await page.getByRole('button', { name: 'Clear from' }).click()
  await expect(table.getByRole('row')).toHaveCount(3)

  // A customer typed without a From date is looked for at any date.
  await page.getByLabel('Customer').fill('noor')
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table).toContainText('Noor Haddad')
  await expect(
    page.getByText(
      '1 booking at any date, upcoming first, then the most recent (set From to narrow)',
    ),
  ).toBeVisible()
  await page.getByLabel('Customer').fill('')
  await expect(table.getByRole('row')).toHaveCount(3)

  // A To before the From in use says so instead of an unexplained empty list.
  await page.evaluate((day) => (window.location.hash = `#/bookings?mode=list&to=${day}`), before)
  await expect(page.getByText('No booking matches: To is before From.')).toBeVisible()
})

test('leaving the list and coming back to Bookings opens the list again', async ({ page }) => {
  await openList(page)
  const app = new DeskApp(page)
  await app.go('Calendar')
  await app.go('Bookings')
  await expect(page.getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('table', { name: 'Bookings' }).getByRole('row')).toHaveCount(3)
})

test('another search starts at the top of the list, not where the last one was scrolled to', async ({
  page,
}) => {
  await server.stop()
  const ws = boardWorkspace()
  const [lee] = ws.bookings
  // 80 of tomorrow's meetings on this computer, Ana's and Ben's in turn.
  const many = Array.from({ length: 80 }, (_, i) => ({
    ...lee!,
    id: `bk-many-${i}`,
    hostMemberIds: [i % 2 === 0 ? 'm-ana' : 'm-ben'],
    customer: { ...lee!.customer, name: `Caller ${i}`, email: `caller${i}@example.org` },
  }))
  server = await startTestServer({ ...ws, bookings: [...ws.bookings, ...many] })
  const app = new DeskApp(page)
  await app.open(server)
  await page.evaluate(() => (window.location.hash = '#/bookings?mode=list'))
  const table = page.getByRole('table', { name: 'Bookings' })
  await expect(table.getByRole('row')).toHaveCount(83)
  const scroller = page.getByRole('region', { name: 'Bookings found' })
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
  await page.getByRole('combobox', { name: 'Member' }).selectOption({ label: 'Ana Silva' })
  await expect(table.getByRole('row')).toHaveCount(42)
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0)
})

test('the empty To field’s calendar opens at the From date’s month, not at this month', async ({
  page,
}) => {
  await openList(page)
  await page.evaluate(() => (window.location.hash = '#/bookings?mode=list&from=2023-03-15'))
  await page.getByRole('button', { name: 'Pick to' }).click()
  const calendar = page.getByRole('application', { name: /To/ })
  await expect(calendar.getByRole('heading')).toHaveText('To, March 2023')
  await calendar.getByRole('button', { name: 'Monday, 20 March 2023' }).click()
  await expect(page).toHaveURL(/from=2023-03-15/)
  await expect(page).toHaveURL(/to=2023-03-20/)
})

test('a calendar jumps years at once: From two years back in two picks', async ({ page }) => {
  await openList(page)
  const now = new Date()
  const year = now.getUTCFullYear() - 2
  const month = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(now)
  await page.getByRole('button', { name: 'Pick from' }).click()
  const calendar = page.getByRole('application', { name: /From/ })
  await calendar.getByRole('combobox', { name: 'Year' }).selectOption(String(year))
  await expect(calendar.getByRole('heading')).toHaveText(`From, ${month} ${year}`)
  await calendar.getByRole('button', { name: new RegExp(`, 15 ${month} ${year}$`) }).click()
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0')
  await expect(page).toHaveURL(new RegExp(`from=${year}-${mm}-15`))
})

test('a whole date typed into the empty To field is taken, digit by digit, day and month kept', async ({
  page,
}) => {
  const table = await openList(page)
  // Tomorrow's meetings stay in; typed as the locale writes dates (en-GB: day, month, year).
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
  const [y, m, d] = inAWeek.split('-')
  const to = page.getByRole('group', { name: 'To' })
  await to.getByRole('spinbutton', { name: /day/i }).click()
  await page.keyboard.type(`${d}${m}${y}`)
  await expect(page).toHaveURL(new RegExp(`to=${inAWeek}`))
  await expect(to).toContainText(`${d}/${m}/${y}`)
  await expect(table.getByRole('row')).toHaveCount(3)
  // A year before any booking: nothing listed, and the field keeps what was typed.
  await to.getByRole('spinbutton', { name: /year/i }).click()
  await page.keyboard.type('2020')
  await expect(page).toHaveURL(new RegExp(`to=2020-${m}-${d}`))
  await expect(to).toContainText(`${d}/${m}/2020`)
  await expect(page.getByText('No booking matches: To is before From.')).toBeVisible()
})

test.describe('with years of history on the sync server', () => {
  const DAY_MS = 86_400_000
  /** 150 completed bookings with Ana, one every two days from 420 days ago (before the window). */
  const older = Array.from({ length: 150 }, (_, i) => {
    const start = new Date(Date.now() - (420 - 2 * i) * DAY_MS)
    start.setUTCHours(9, 0, 0, 0)
    const name = i % 50 === 7 ? `Harper ${i}` : `Client ${i}`
    return {
      id: `bk-old-${i}`,
      eventTypeId: 'et-call',
      masterPageId: null,
      start: start.toISOString(),
      end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      hostMemberIds: ['m-ana'],
      poolId: null,
      panelId: null,
      status: 'completed',
      customer: { name, email: `old${i}@example.org`, timeZone: 'UTC' },
      answers: {},
      createdVia: 'desktop',
      history: [{ at: start.toISOString(), action: 'created', by: 'desk' }],
    }
  })
  const from = new Date(Date.now() - 430 * DAY_MS).toISOString().slice(0, 10)

  test.beforeEach(async () => {
    await server.stop()
    const ws = boardWorkspace()
    server = await startTestServer({ ...ws, bookings: [...ws.bookings, ...older] })
  })

  test('a customer typed without a From date is found at any date, years back on the sync server too', async ({
    page,
  }) => {
    const app = new DeskApp(page)
    await app.open(server)
    await page.evaluate(() => (window.location.hash = '#/bookings?mode=list&q=harper'))
    const table = page.getByRole('table', { name: 'Bookings' })
    await expect(table.getByRole('row')).toHaveCount(4)
    // All past: the most recent Harper before the oldest, years back.
    await expect(table.getByRole('row').nth(1)).toContainText('Harper 107')
    await expect(table.getByRole('row').nth(3)).toContainText('Harper 7')
    await expect(
      page.getByText(
        '3 bookings at any date, upcoming first, then the most recent (set From to narrow)',
      ),
    ).toBeVisible()

    // What is coming first, soonest first (this computer's, at once), then the past, the most
    // recent first, page by page; a line between them.
    await page.getByLabel('Customer').fill('example.org')
    await expect(table.getByRole('row').nth(1)).toContainText('Lee Park')
    await expect(table.getByRole('row').nth(2)).toContainText('Sam Taylor')
    await expect(table.getByRole('row').nth(3)).toContainText('Client 149')
    await expect(table.getByRole('row').nth(3)).toHaveClass('is-first-past')
    await expect(
      page.getByText(
        '102 bookings so far, upcoming first, then the most recent: “Show more” looks for earlier ones.',
      ),
    ).toBeVisible()
    await expect(table.getByRole('row')).toHaveCount(101)
    // Two more are known but the server has more: the button does not promise "2".
    await expect(page.getByRole('button', { name: 'Show more' })).toBeVisible()
  })

  test('a From date over a year back lists page by page, finds a customer anywhere in it, and exports all of it', async ({
    page,
  }) => {
    const app = new DeskApp(page)
    await app.open(server)
    await page.evaluate((d) => (window.location.hash = `#/bookings?mode=list&from=${d}`), from)
    const table = page.getByRole('table', { name: 'Bookings' })
    // A page of the server's search first (header row + 100), soonest first.
    await expect(table.getByRole('row')).toHaveCount(101)
    await expect(table.getByRole('row').nth(1)).toContainText('Client 0')
    await expect(
      page.getByText(
        'The first 100 bookings, earliest first: “Show more” looks for the next ones.',
      ),
    ).toBeVisible()
    await page.getByRole('button', { name: 'Show more' }).click()
    // The other 50 older ones, then this computer's own two; the first new row has the focus
    // (it came in below the scrolled table's fold).
    await expect(table.getByRole('row')).toHaveCount(153)
    await expect(table.getByRole('row').nth(101).getByRole('button')).toBeFocused()
    await expect(table.getByRole('row').nth(101)).toContainText('Client 100')
    await expect(page.getByText(/^152 bookings$/)).toBeVisible()
    await expect(page.getByRole('button', { name: /Show/ })).toHaveCount(0)

    await page.getByLabel('Customer').fill('harper')
    await expect(table.getByRole('row')).toHaveCount(4)
    await expect(table).toContainText('Harper 7')
    await expect(table).toContainText('Harper 107')
    await expect(page.getByText(/^3 bookings$/)).toBeVisible()

    // Exported without showing every page first: the export asks the server for the rest.
    await page.getByLabel('Customer').fill('')
    await expect(
      page.getByText(
        'The first 100 bookings, earliest first: “Show more” looks for the next ones.',
      ),
    ).toBeVisible()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const csv = readFileSync((await (await download).path())!, 'utf8')
    const lines = csv.trimEnd().split('\r\n')
    expect(lines).toHaveLength(1 + 152)
    expect(lines.filter((line) => line.includes('Client '))).toHaveLength(147)
    await expect(page.getByText('Exported 152 bookings')).toBeVisible()
  })
})
