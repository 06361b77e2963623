import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { DeskApp } from '../support/app'
import { seriousViolations } from '../support/axe'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { boardWorkspace, tomorrowAt } from '../support/workspaces'

let server: TestServer
test.use({ timezoneId: 'UTC', locale: 'en-GB' })
test.beforeEach(async () => {
  const ws = boardWorkspace()
  // Tomorrow holds Lee Park (Ana) and Sam Taylor (Ben) at 10:00, plus four more with Cai and a
  // cancelled one: six shown, three fit, "+3 more".
  const more = ['Kim Lee', 'Noor Haddad', 'Ola Berg', 'Pia Roth'].map((customer, i) => ({
    ...ws.bookings[0]!,
    id: `bk-more-${i}`,
    hostMemberIds: ['m-cai'],
    start: tomorrowAt(`1${2 + i}:00`),
    end: tomorrowAt(`1${2 + i}:30`),
    customer: { name: customer, email: `more-${i}@example.org`, timeZone: 'UTC' },
  }))
  const cancelled = {
    ...ws.bookings[0]!,
    id: 'bk-gone',
    status: 'cancelled',
    start: tomorrowAt('08:00'),
    end: tomorrowAt('08:30'),
    customer: { name: 'Gus Gone', email: 'gus@example.org', timeZone: 'UTC' },
    history: [
      ...ws.bookings[0]!.history,
      {
        at: new Date(Date.now() - 1800_000).toISOString(),
        action: 'cancelled',
        by: 'front desk',
        reason: 'Customer called',
      },
    ],
  }
  server = await startTestServer({
    ...ws,
    bookings: [...ws.bookings, ...more, cancelled, oldBooking('bk-olive', 'Olive Stone', 130)],
  })
})
test.afterEach(async () => {
  await server.stop()
})

const DAY_MS = 86_400_000

/** `days` ago (UTC) at 10:00, as a date and an instant. */
function daysAgo(days: number) {
  const date = new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10)
  return { date, at: `${date}T10:00:00.000Z`, end: `${date}T10:30:00.000Z` }
}

/** A completed booking with Ana `days` ago: before this computer's window (45 days). */
function oldBooking(id: string, customer: string, days: number) {
  const { at, end } = daysAgo(days)
  return {
    ...boardWorkspace().bookings[0]!,
    id,
    start: at,
    end,
    status: 'completed',
    customer: { name: customer, email: `${id}@example.org`, timeZone: 'UTC' },
    history: [
      { at: new Date(Date.parse(at) - 3 * DAY_MS).toISOString(), action: 'created', by: 'desk' },
      { at: end, action: 'completed', by: 'system' },
    ],
  }
}

const TOMORROW = new Date(tomorrowAt('12:00'))
const monthOf = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at)
const nextMonthOf = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1))

/** The Bookings month view, by role and label. */
class Month {
  readonly app: DeskApp
  readonly title: Locator
  readonly grid: Locator
  constructor(readonly page: Page) {
    this.app = new DeskApp(page)
    this.title = page.getByRole('heading', { level: 3 })
    this.grid = page.locator('.month-calendar')
  }
  booking(customer: string): Locator {
    return this.grid.getByRole('button', { name: new RegExp(`with ${customer}`) })
  }
  async open() {
    await this.app.open(server)
    await this.app.go('Bookings')
    await this.page.getByRole('button', { name: 'Month' }).click()
    await expect(this.page).toHaveURL(/mode=month/)
    // At the end of a month, tomorrow is in the next one.
    if (TOMORROW.getUTCMonth() !== new Date().getUTCMonth())
      await this.page.getByRole('button', { name: 'Next month' }).click()
    await expect(this.title).toHaveText(monthOf(TOMORROW))
    await expect(this.booking('Lee Park')).toBeVisible()
  }
}

test('the month shows the bookings with time and first names, "+N more", and its own address', async ({
  page,
}) => {
  const cspViolations: string[] = []
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text())
  })
  const month = new Month(page)
  await month.open()

  await expect(month.booking('Lee Park')).toHaveAccessibleName(
    /^10:00–10:30 Call with Lee Park · Ana Silva/,
  )
  await expect(month.booking('Lee Park')).toContainText('10:00 Lee · Ana')
  await expect(month.booking('Sam Taylor')).toContainText('Sam · Ben')
  // Cancelled bookings are left out, as in the week view.
  await expect(month.booking('Gus Gone')).toHaveCount(0)
  // Nothing shows an internal id.
  await expect(month.grid).not.toContainText(/bk-|m-ana|et-call/)

  // Six bookings tomorrow, three fit: the rest behind "+3 more", which lists the whole day.
  const more = month.grid.getByRole('button', { name: '+3 more' })
  await expect(more).toHaveAttribute('title', 'Show 3 more bookings')
  await more.press('Enter')
  const list = page.getByRole('dialog', { name: /· 6 bookings$/ })
  await expect(list).toBeVisible()
  // The day's whole list in order, the keyboard taken there; Escape closes it and returns to "+3 more".
  const listed = list.getByRole('button', { name: / with / })
  await expect(listed).toHaveCount(6)
  await expect(listed.first()).toBeFocused()
  await expect(listed.last()).toHaveAccessibleName(/with Pia Roth · Cai Wong/)
  expect(await seriousViolations(page), 'month with "+N more" open').toEqual([])
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()
  await expect(more).toBeFocused()
  // A booking in the list opens its details.
  await more.press('Enter')
  const ola = list.getByRole('button', { name: /with Ola Berg/ })
  await ola.click()
  await expect(month.app.details).toContainText('Ola Berg')
  expect(await seriousViolations(page), 'details over the day list').toEqual([])
  // Closed, the details return to the same place in the day's list; Escape then to "+3 more".
  await page.keyboard.press('Escape')
  await expect(month.app.details).toBeHidden()
  await expect(ola).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()
  await expect(more).toBeFocused()

  // Two months on and back, through the address: back returns to it too. (Not just the next
  // month: its grid's first week holds the last days of this one, tomorrow's bookings too when
  // tomorrow is the month's last Monday or later.)
  await page.getByRole('button', { name: 'Next month' }).click()
  await expect(month.title).toHaveText(monthOf(nextMonthOf(TOMORROW)))
  await page.getByRole('button', { name: 'Next month' }).click()
  await expect(month.title).toHaveText(monthOf(nextMonthOf(nextMonthOf(TOMORROW))))
  await expect(month.booking('Lee Park')).toHaveCount(0)
  await expect(page).toHaveURL(/mode=month/)
  await page.getByRole('button', { name: 'Previous month' }).click()
  await page.getByRole('button', { name: 'Previous month' }).click()
  await expect(month.title).toHaveText(monthOf(TOMORROW))
  await expect(month.booking('Lee Park')).toBeVisible()
  await page.reload()
  await expect(month.title).toHaveText(monthOf(TOMORROW))
  await expect(month.booking('Lee Park')).toBeVisible()

  expect(await seriousViolations(page), 'month').toEqual([])
  expect(cspViolations).toEqual([])
})

test('the week says how many cancelled bookings a day has besides the ones it draws', async ({
  page,
}) => {
  const month = new Month(page)
  await month.app.open(server)
  await page.evaluate(
    (d) => (window.location.hash = `#/bookings?date=${d}`),
    TOMORROW.toISOString().slice(0, 10),
  )
  // Tomorrow: six drawn, and the cancelled one counted (the list counts it too).
  await expect(page.getByText('6 bookings (+1 cancelled, not shown)')).toBeVisible()
})

test('a booking opens its details, and a day number opens that day on the calendar', async ({
  page,
}) => {
  const month = new Month(page)
  await month.open()

  // Keyboard: the booking is a button reachable with Tab and opened with Enter.
  await month.booking('Lee Park').focus()
  await page.keyboard.press('Enter')
  await expect(month.app.details).toBeVisible()
  await expect(month.app.details).toContainText('Lee Park')
  await expect(page).toHaveURL(/booking=bk-lee/)
  await page.keyboard.press('Escape')
  await expect(month.app.details).toBeHidden()

  const day = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(TOMORROW)
  await month.grid.getByRole('link', { name: `Open ${day} on the calendar` }).click()
  await expect(month.app.nav('Calendar')).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('button', { name: /with Lee Park/ })).toBeVisible()

  // The whole list of a full day also opens that day.
  await page.goBack()
  await month.grid.getByRole('button', { name: '+3 more' }).click()
  await page.getByRole('button', { name: 'Open this day on the calendar' }).click()
  await expect(month.app.nav('Calendar')).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('button', { name: /with Pia Roth/ })).toBeVisible()
})

test('a month before this computer’s window is read from the sync server, and said so offline', async ({
  page,
}) => {
  const month = new Month(page)
  await month.open()
  const showMonth = (date: string) =>
    page.evaluate((d) => (window.location.hash = `#/bookings?date=${d}&mode=month`), date)

  await showMonth(daysAgo(130).date)
  await expect(month.booking('Olive Stone')).toBeVisible()
  await expect(month.booking('Olive Stone')).toHaveAccessibleName(/\(completed\)$/)
  await expect(page.getByText(/not available offline/)).toHaveCount(0)

  await server.stop()
  await expect(month.app.syncStatus).toContainText('Offline')
  await showMonth(daysAgo(200).date)
  await expect(page.getByRole('alert').filter({ hasText: /not available offline/ })).toBeVisible()
})

test('Reports count a range before this computer’s window on the sync server, and say what is counted offline', async ({
  page,
}) => {
  const month = new Month(page)
  await month.app.open(server)
  await page.goto(`${server.url}/app/#/reports?from=${daysAgo(140).date}&to=${daysAgo(120).date}`)
  await expect(page.getByText('1 bookings starting in this range: 1 completed.')).toBeVisible()
  const perMember = page.getByRole('table', { name: 'Bookings per member' })
  await expect(perMember.getByRole('row', { name: /Ana Silva/ })).toContainText('1')

  await server.stop()
  await expect(month.app.syncStatus).toContainText('Offline')
  await page.goto(`${server.url}/app/#/reports?from=${daysAgo(200).date}&to=${daysAgo(1).date}`)
  await expect(page.getByText(/^Counted so far, from .+ on only — \d+ bookings/)).toBeVisible()
  await expect(page.getByRole('alert').filter({ hasText: /not available offline/ })).toBeVisible()
  // A range wholly before the window has nothing counted here yet, and says so.
  await page.goto(`${server.url}/app/#/reports?from=${daysAgo(300).date}&to=${daysAgo(250).date}`)
  await expect(
    page.getByText('Not counted yet: this range lies before the bookings kept on this computer.'),
  ).toBeVisible()
  await expect(
    page.getByRole('table', { name: 'Bookings per member' }).getByText('Not counted yet.'),
  ).toBeVisible()
})

test('a From year typed digit by digit in Reports asks the server for that year only', async ({
  page,
}) => {
  const month = new Month(page)
  await month.app.open(server)
  await month.app.go('Reports')
  const asked: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/admin/')) asked.push(decodeURIComponent(request.url()))
  })
  await page.getByRole('group', { name: 'From' }).getByRole('spinbutton', { name: /year/i }).click()
  await page.keyboard.type('2023')
  await expect(page).toHaveURL(/from=2023-/)
  await expect.poll(() => asked.filter((url) => /from=2023-/.test(url)).length).toBeGreaterThan(0)
  expect(asked.filter((url) => /from=0\d{3}-/.test(url))).toEqual([])
})

test('the bookings list searches a From date before the window on the sync server, and says what it lists offline', async ({
  page,
}) => {
  const month = new Month(page)
  await month.app.open(server)
  const list = (from: string) =>
    page.evaluate((d) => (window.location.hash = `#/bookings?mode=list&from=${d}`), from)
  await list(daysAgo(140).date)
  await expect(page.getByRole('table', { name: 'Bookings' })).toContainText('Olive Stone')
  await expect(page.getByText(/not listed/)).toHaveCount(0)

  await server.stop()
  await expect(month.app.syncStatus).toContainText('Offline')
  await list(daysAgo(200).date)
  await expect(
    page.getByRole('alert').filter({ hasText: /cannot be looked up offline/ }),
  ).toBeVisible()
  await expect(
    page.getByText(/^\d+ bookings? starting from .+ on only: the earlier ones are not listed/),
  ).toBeVisible()
})

test.describe('in a locale whose weeks start on Sunday', () => {
  test.use({ locale: 'en-US' })
  test('the month starts its weeks on Sunday and writes times with AM/PM', async ({ page }) => {
    const month = new Month(page)
    await month.open()
    await expect(month.grid.getByRole('columnheader').first()).toHaveAccessibleName('Sunday')
    await expect(month.booking('Lee Park')).toContainText(/10:00\sAM Lee · Ana/)
  })
})
