import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

/** The public booking page, located by role and label. */
class BookingPage {
  readonly heading: Locator
  readonly firstTime: Locator
  readonly zone: Locator
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2 })
    this.firstTime = page.locator('.slots button').first()
    this.zone = page.getByLabel('Times shown in')
  }
  async chooseEventType(name: string) {
    await this.page.getByRole('button', { name: new RegExp(name) }).click()
  }
  async answerRegion(value: string) {
    await this.page.getByLabel('Region').selectOption(value)
    await this.page.getByRole('button', { name: 'Continue' }).click()
  }
  async fillDetails(name: string, email: string) {
    await this.page.getByLabel('Your name *').fill(name)
    await this.page.getByLabel('Email *').fill(email)
    await this.page.getByRole('button', { name: 'Confirm booking' }).click()
  }
}

let server: TestServer
test.use({ timezoneId: 'America/New_York', viewport: { width: 390, height: 844 } })
test.beforeEach(async () => {
  server = await startTestServer(bookingWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

/** The page runs under a strict Content-Security-Policy: Chromium reports every violation. */
let cspViolations: string[] = []
test.beforeEach(({ page }) => {
  cspViolations = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
  })
})
test.afterEach(() => {
  expect(cspViolations).toEqual([])
})

test('a customer books on a phone-sized screen, sees times in their zone, and cancels with the manage link', async ({
  page,
}) => {
  await page.goto(`${server.url}/book/sales`)
  const booking = new BookingPage(page)
  await expect(page.getByRole('heading', { name: 'Talk to sales', level: 1 })).toBeVisible()
  await expect(booking.zone).toHaveValue('America/New_York')
  expect(await page.locator('main').textContent()).not.toContain('null')
  await booking.chooseEventType('Intro call')
  await booking.answerRegion('EMEA')
  await expect(booking.firstTime).toBeVisible()
  const shownTime = (await booking.firstTime.textContent())?.trim()
  await booking.firstTime.click()
  await booking.fillDetails('Lee Park', 'lee@example.org')
  await expect(page.getByRole('heading', { name: 'You are booked' })).toBeVisible()

  const ws = await (await server.admin('/api/admin/workspace')).json()
  expect(ws.bookings).toHaveLength(1)
  const stored = ws.bookings[0]
  const inNewYork = new Intl.DateTimeFormat(undefined, {
    timeZone: 'America/New_York',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(stored.start))
  expect(inNewYork).toBe(shownTime)
  expect(stored.customer).toMatchObject({ name: 'Lee Park', timeZone: 'America/New_York' })
  expect(stored.answers).toEqual({ region: 'EMEA' })

  await page.getByRole('link', { name: 'Manage your booking' }).click()
  await expect(page.getByRole('heading', { name: 'Your booking', level: 2 })).toBeVisible()
  await page.getByRole('button', { name: 'Cancel booking' }).click()
  await expect(page.getByText('Status: cancelled')).toBeVisible()
})

test('a time taken meanwhile gets a clear message and fresh times, and the keyboard alone can book', async ({
  page,
}) => {
  await page.goto(`${server.url}/book/sales`)
  const booking = new BookingPage(page)
  await booking.chooseEventType('Intro call')
  await booking.answerRegion('EMEA')
  await expect(booking.firstTime).toBeVisible()
  const { slots } = await (
    await fetch(
      `${server.url}/api/public/pages/sales/availability?eventTypeId=et-intro&answers.region=EMEA&from=${new Date().toISOString()}&to=${new Date(Date.now() + 7 * 86400_000).toISOString()}`,
    )
  ).json()
  await booking.firstTime.click()
  // Someone else takes the same time (every pool member) before this customer confirms.
  for (let i = 0; i < 3; i++) {
    await fetch(`${server.url}/api/public/pages/sales/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        eventTypeId: 'et-intro',
        start: slots[0].start,
        customer: { name: `Other ${i}`, email: `other${i}@example.org`, timeZone: 'UTC' },
        answers: { region: 'EMEA' },
      }),
    })
  }
  await booking.fillDetails('Lee Park', 'lee@example.org')
  await expect(page.getByRole('alert')).toContainText('That time was just taken')
  await expect(booking.firstTime).toBeVisible()

  await booking.firstTime.focus()
  await page.keyboard.press('Enter')
  await page.getByLabel('Your name *').focus()
  await page.keyboard.type('Kim Keys')
  await page.keyboard.press('Tab')
  await page.keyboard.type('kim@example.org')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'You are booked' })).toBeVisible()
})

test('find member by time: the customer picks a time, then one of the members free then', async ({
  page,
}) => {
  await page.goto(`${server.url}/book/team`)
  const booking = new BookingPage(page)
  await booking.chooseEventType('Intro call')
  await booking.answerRegion('AMER')
  await booking.firstTime.click()
  await expect(page.getByRole('heading', { name: /Who is free at/ })).toBeVisible()
  await page.getByRole('button', { name: 'Ben' }).click()
  await booking.fillDetails('Noor Haddad', 'noor@example.org')
  await expect(page.getByRole('heading', { name: 'You are booked' })).toBeVisible()
  await expect(page.getByText('With Ben')).toBeVisible()
  const ws = await (await server.admin('/api/admin/workspace')).json()
  expect(ws.bookings.map((b: { hostMemberIds: string[] }) => b.hostMemberIds)).toEqual([['m-ben']])
})
