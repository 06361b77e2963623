import { expect, test } from '@playwright/test'
import { DeskApp } from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { boardWorkspace, e2eMember } from '../support/workspaces'

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'] as const

/** 100 members in three pools and four zones; twelve of them booked at 10:00 tomorrow. */
function largeWorkspace() {
  const base = boardWorkspace()
  const members = Array.from({ length: 100 }, (_, i) => {
    const n = String(i + 1).padStart(3, '0')
    return e2eMember(`m-${n}`, `Member ${n}`, ZONES[i % ZONES.length]!)
  })
  const pools = [0, 1, 2].map((p) => ({
    id: `pool-${p + 1}`,
    name: `Desk ${p + 1}`,
    distribution: 'round-robin',
    members: members.filter((_, i) => i % 3 === p).map((m) => ({ memberId: m.id, priority: 1 })),
    reportingCycle: 'monthly',
    automaticCorrection: true,
  }))
  const booking = base.bookings[0]!
  const bookings = members.slice(0, 12).map((m, i) => ({
    ...booking,
    id: `bk-big-${i}`,
    hostMemberIds: [m.id],
    customer: { name: `Customer ${i + 1}`, email: `c${i}@example.org`, timeZone: 'UTC' },
  }))
  return { ...base, members, pools, bookingPages: [], masterPages: [], panels: [], bookings }
}

let server: TestServer
test.use({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } })
test.beforeEach(async () => {
  server = await startTestServer(largeWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

test('a 100-member day board is narrowed by pool and zone, grouped, and keeps its headers while scrolling', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Calendar')
  await expect(page.getByText('100 active members')).toBeVisible()
  await page.getByRole('combobox', { name: /^Pool/ }).selectOption({ label: 'Desk 2' })
  await expect(page.getByText('33 of 100 active members')).toBeVisible()
  await page.getByRole('combobox', { name: /^Time zone/ }).selectOption('Asia/Kolkata')
  await expect(page.getByText('8 of 100 active members')).toBeVisible()
  await page.getByRole('combobox', { name: /^Time zone/ }).selectOption('')
  await page.getByRole('combobox', { name: /^Group by/ }).selectOption({ label: 'Time zone' })
  expect(page.url()).toContain('group=zone')
  expect(page.url()).toContain('pool=pool-2')

  // Headers and the time axis stay in view while the board scrolls both ways.
  const header = page.getByText('Member 002', { exact: true })
  const heading = page.getByRole('heading', { name: 'Calendar' })
  /** The header's height below the view's heading (the page itself may scroll a little). */
  const headerTop = async () => (await header.boundingBox())!.y - (await heading.boundingBox())!.y
  const before = await headerTop()
  const column = page.getByRole('region', { name: "Member 002's day" })
  const columnTop = async () => (await column.boundingBox())!.y - (await heading.boundingBox())!.y
  const columnBefore = await columnTop()
  await column.hover()
  await page.mouse.wheel(0, 500)
  // The day scrolled under the headers…
  await expect.poll(columnTop).toBeLessThan(columnBefore - 200)
  // …and the headers did not move.
  expect(await headerTop()).toBe(before)
  await expect(header).toBeInViewport()
  // Refresh keeps the view, the filters and the grouping.
  await page.reload()
  await expect(page.getByText('33 of 100 active members')).toBeVisible()
  await expect(page.getByRole('combobox', { name: /^Group by/ })).toHaveValue('zone')
})

test('the week shows a count where bookings would not fit side by side, and the count opens them', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Bookings')
  if (new Date().getUTCDay() === 0) await page.getByRole('button', { name: 'Next week' }).click()
  const more = page.getByRole('button', { name: /^9 more bookings from 10:00/ })
  await expect(more).toBeVisible()
  await expect(page.getByRole('button', { name: /with Customer \d+ · Member/ })).toHaveCount(3)
  await more.click()
  const list = page.getByRole('dialog', { name: '9 bookings' })
  await list.getByRole('button', { name: /Customer 12/ }).click()
  await expect(app.details.getByRole('heading', { name: /Customer 12/ })).toBeVisible()
})

test('the reassign list of a large team shows free members first and finds one by name', async ({
  page,
}) => {
  // A weekday meeting (10:00 UTC next Wednesday): Member 001's, with Members 002–004 booked then
  // too; New York's members are outside their hours, the others free.
  const ws = largeWorkspace()
  const wednesday = new Date()
  wednesday.setUTCDate(wednesday.getUTCDate() + ((3 - wednesday.getUTCDay() + 7) % 7 || 7))
  wednesday.setUTCHours(10, 0, 0, 0)
  const at = (id: string, memberId: string, i: number) => ({
    ...ws.bookings[0]!,
    id,
    hostMemberIds: [memberId],
    start: wednesday.toISOString(),
    end: new Date(wednesday.getTime() + 30 * 60_000).toISOString(),
    customer: { name: `Weekday ${i}`, email: `w${i}@example.org`, timeZone: 'UTC' },
  })
  await server.stop()
  server = await startTestServer({
    ...ws,
    bookings: [
      ...ws.bookings,
      ...['m-001', 'm-002', 'm-003', 'm-004'].map((m, i) => at(`bk-wed-${i}`, m, i)),
    ],
  })
  const app = new DeskApp(page)
  await app.open(server)
  await page.evaluate(() => (window.location.hash = '#/bookings?booking=bk-wed-0'))
  await app.details.getByRole('button', { name: 'Reassign…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Reassign booking' })
  const radios = dialog.getByRole('radio')
  await expect(radios).toHaveCount(99)
  const isFree = await radios.evaluateAll((inputs) =>
    inputs.map(
      (input) =>
        input.parentElement?.querySelector('.candidate-status')?.textContent?.startsWith('free') ??
        false,
    ),
  )
  expect(isFree.filter(Boolean).length).toBeGreaterThan(10)
  expect(isFree.filter((free) => !free).length).toBeGreaterThan(10)
  // Every free member before every one who is not.
  expect(isFree).toEqual(isFree.toSorted((a, b) => Number(b) - Number(a)))
  const find = dialog.getByLabel('Find a member')
  await find.fill('nobody')
  await expect(dialog.getByText('No member by that name.')).toBeVisible()
  await find.fill('member 05')
  await expect(radios).toHaveCount(10)
  // Enter narrows the list; it does not reassign.
  await radios.first().check()
  await find.press('Enter')
  await expect(dialog).toBeVisible()
  // The member chosen stays listed whatever is typed.
  await find.fill('nobody')
  await expect(radios).toHaveCount(1)
  await expect(radios.first()).toBeChecked()
})
