import { expect, test } from '@playwright/test'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'
import { DeskApp, publicSalesBooking } from '../support/app'

let server: TestServer
test.beforeEach(async () => {
  server = await startTestServer(bookingWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

async function bookPublicly(start: string) {
  const res = await publicSalesBooking(server, start, {
    name: 'Kai Müller',
    email: 'kai@example.org',
  })
  expect(res.status).toBe(201)
  return (await res.json()).booking as { id: string; manageToken: string }
}

test('reports chart each pool member’s distribution live as bookings arrive and are cancelled', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Reports')
  await expect(
    page.getByRole('group', { name: 'Ranges' }).getByRole('button', { name: 'This month' }),
  ).toHaveAttribute('aria-pressed', 'true')
  const pool = page.getByRole('article', { name: 'Pool Sales' })
  await expect(pool).toContainText('Round robin')
  await expect(pool.getByRole('listitem', { name: /Ana Silva: 0 received/ })).toBeVisible()
  await expect(pool).toContainText(
    'Per member: received, removed (cancelled, no-show or reassigned away) and net — received minus removed.',
  )
  await expect(pool).toContainText('net per member on average 0.0')
  await expect(pool).toContainText('a member may have more removed than received in one cycle')
  await expect(pool).toContainText(
    'A booking counts in the cycle it was made in, not the one its meeting falls in',
  )
  await expect(pool).toContainText('No bookings in this cycle yet.')
  // The card's words, explained where they are used.
  const glossary = pool.getByRole('group').filter({ hasText: 'What these words mean' })
  await expect(glossary.getByText('Automatic correction', { exact: true })).toBeHidden()
  await pool.getByText('What these words mean').click()
  await expect(glossary.getByRole('definition')).toContainText([
    'Equal distribution: the member with the fewest bookings this cycle is next in line.',
    'A calendar month: bookings are counted per month, each starting every member from nothing.',
  ])
  await expect(glossary).toContainText(
    'On: a member who falls behind through cancellations, no-shows or reassignments moves to the front of the line until they have caught up.',
  )

  const base = Date.now() + 2 * 86400_000
  const slot = (hours: number) =>
    new Date(Math.floor(base / 3600_000) * 3600_000 + hours * 3600_000).toISOString()
  const first = await bookPublicly(slot(0))
  await bookPublicly(slot(1))
  // Round robin: two bookings go to two different members, one each.
  await expect(pool.getByRole('listitem', { name: /1 received, 0 removed, net 1/ })).toHaveCount(2)
  // Is it fair? In one sentence (round robin aims at equal counts).
  await expect(pool).toContainText(
    'Even: every member has between 0 and 1 net bookings this cycle.',
  )

  await fetch(`${server.url}/api/public/bookings/${first.id}/cancel`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: first.manageToken }),
  })
  await expect(pool.getByRole('listitem', { name: /1 received, 1 removed, net 0/ })).toHaveCount(1)

  // Earlier cycles are there too (empty here), and the current one is one click away.
  await pool.getByRole('button', { name: '‹ Previous cycle' }).click()
  await expect(pool).not.toContainText('current')
  await expect(pool.getByRole('listitem', { name: /1 received/ })).toHaveCount(0)
  await pool.getByRole('button', { name: 'Next cycle ›' }).click()
  await expect(pool).toContainText('current')

  // Bookings per member for a range that holds both meetings (a bookmarkable address).
  const day = (offset: number) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10)
  await page.goto(`${server.url}/app/#/reports?from=${day(-3)}&to=${day(3)}`)
  await expect(page.getByText('2 bookings starting in this range')).toBeVisible()
  const perMember = page.getByRole('table', { name: 'Bookings per member' })
  await expect(perMember.getByRole('row')).toHaveCount(3)
  // Each member's total is the sum of its columns: the scheduled booking is "To come".
  await expect(perMember.getByRole('columnheader', { name: 'To come' })).toBeVisible()
  const cells = await perMember
    .getByRole('row')
    .evaluateAll((rows) =>
      rows
        .slice(1)
        .map((row) => Array.from(row.querySelectorAll('td'), (td) => Number(td.textContent))),
    )
  expect(cells.toSorted()).toEqual([
    [1, 0, 0, 0, 1],
    [1, 1, 0, 0, 0],
  ])
  const perPage = page.getByRole('table', { name: 'Bookings per page' })
  await expect(perPage.getByRole('row', { name: /Talk to sales/ })).toContainText('2')

  // A named range in one click: last year, whole.
  const ranges = page.getByRole('group', { name: 'Ranges' })
  await ranges.getByRole('button', { name: 'Last year' }).click()
  const lastYear = new Date().getFullYear() - 1
  await expect(page).toHaveURL(new RegExp(`from=${lastYear}-01-01&to=${lastYear}-12-31`))
  await expect(ranges.getByRole('button', { name: 'Last year' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(ranges.getByRole('button', { name: 'This month' })).toHaveAttribute(
    'aria-pressed',
    'false',
  )
})

test('with automatic correction off, a cancellation is shown but not subtracted, and the row says so', async ({
  page,
}) => {
  await server.stop()
  const ws = bookingWorkspace()
  server = await startTestServer({
    ...ws,
    pools: ws.pools.map((pool) => ({ ...pool, automaticCorrection: false })),
  })
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Reports')
  const pool = page.getByRole('article', { name: 'Pool Sales' })
  await expect(pool).toContainText('the received alone, since automatic correction is off')
  const base = Date.now() + 2 * 86400_000
  const first = await bookPublicly(new Date(Math.floor(base / 3600_000) * 3600_000).toISOString())
  await fetch(`${server.url}/api/public/bookings/${first.id}/cancel`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: first.manageToken }),
  })
  const row = pool.getByRole('listitem', { name: /1 received, 1 removed, net 1/ })
  await expect(row).toContainText('1 received · 1 removed (not subtracted) · net 1')
})

test.describe('seen from a zone behind the workspace’s (UTC)', () => {
  test.use({ locale: 'en-GB', timezoneId: 'America/Los_Angeles' })

  test('a report range that ended opens each pool at the cycle holding its last day, not the current one', async ({
    page,
  }) => {
    const app = new DeskApp(page)
    await app.open(server)
    // The range ends on the last day of the month three months back: that day ends in Los Angeles
    // hours after the month has ended in UTC, where the pool counts its cycles.
    const now = new Date()
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 0))
    const first = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1))
    const day = (d: Date) => d.toISOString().slice(0, 10)
    await page.goto(`${server.url}/app/#/reports?from=${day(first)}&to=${day(last)}`)
    const pool = page.getByRole('article', { name: 'Pool Sales' })
    const month = (d: Date) => d.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' })
    await expect(pool).toContainText(`Monthly cycle (`)
    await expect(pool).toContainText(`${last.getUTCDate()} ${month(last)} ${last.getUTCFullYear()}`)
    await expect(pool).not.toContainText('current')
    await expect(
      page.getByText(
        /Each pool counts by its own reporting cycle — bookings by when they were made, not by their meeting day as the tables above — and opens at the one holding .+, the last day of the range; ‹ Previous cycle and Next cycle › move from there\./,
      ),
    ).toBeVisible()
    // The later cycles are a click away (the range's month is three before this one).
    await pool.getByRole('button', { name: 'Next cycle ›' }).click()
    await expect(pool).not.toContainText(`${last.getUTCDate()} ${month(last)}`)
    await expect(pool).not.toContainText('current')

    // A range reaching today shows the current cycle.
    await page.goto(`${server.url}/app/#/reports`)
    await expect(pool).toContainText('current')
    await expect(
      page.getByText(
        'Each pool counts by its own reporting cycle — bookings by when they were made, not by their meeting day as the tables above — and opens at the current one; ‹ Previous cycle and Next cycle › move from there.',
      ),
    ).toBeVisible()
  })
})
