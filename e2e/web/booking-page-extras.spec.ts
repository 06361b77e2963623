import { expect, test } from '@playwright/test'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  BookingPageUi,
  CONFIGS,
  CUSTOMER_ZONE,
  cspViolations,
  seriousViolations,
} from '../support/booking-page'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

/**
 * Around the flows: the searchable zone picker, the language switch (every catalog), a page
 * with several event types, and the embeddable variant with its allow-list of origins.
 */

/** The booking workspace plus a second event type on Ana's page (two choices to make). */
function workspace() {
  const ws = bookingWorkspace()
  return {
    ...ws,
    eventTypes: [
      ...ws.eventTypes,
      {
        ...ws.eventTypes[0]!,
        id: 'et-demo',
        name: 'Product demo',
        durationMinutes: 45,
        questions: [],
      },
    ],
    bookingPages: ws.bookingPages.map((b) =>
      b.id === 'bp-ana' ? { ...b, eventTypeIds: ['et-intro', 'et-demo'] } : b,
    ),
  }
}

for (const config of CONFIGS) {
  test.describe(config.name, () => {
    let server: TestServer
    let csp: string[] = []
    test.use({ timezoneId: CUSTOMER_ZONE, viewport: config.viewport, locale: config.locale })
    test.beforeEach(async ({ page }) => {
      server = await startTestServer(workspace())
      csp = cspViolations(page)
    })
    test.afterEach(async () => {
      await server.stop()
      expect(csp).toEqual([])
    })

    test('the customer searches the zone picker by city and offset; every time follows the new zone', async ({
      page,
    }) => {
      const ui = new BookingPageUi(page, config.locale)
      await page.goto(`${server.url}/book/ana`)
      // Two event types: the customer chooses, each with its duration.
      await expect(ui.heading('event.heading')).toBeVisible()
      await page.getByRole('button', { name: /Product demo/ }).click()
      await expect(ui.zoneShown).toContainText('New York')
      const firstSlot = await ui.times.first().getAttribute('aria-label')
      await expect(ui.times.first()).toContainText(ui.t('event.minutes', { count: 45 }))

      await ui.button('zone.change').click()
      const search = page.getByRole('combobox', { name: ui.t('zone.label') })
      await expect(search).toBeFocused()
      await search.fill('kolk')
      const option = page.getByRole('option', { name: /Kolkata \(GMT\+5:30\)/ })
      await expect(option).toBeVisible()
      expect(await seriousViolations(page), 'zone picker').toEqual([])
      await search.fill('gmt+5:30')
      await expect(option).toBeVisible()
      await expect(page.getByRole('option', { name: /Colombo \(GMT\+5:30\)/ })).toBeVisible()
      // The words people type find it too: a city without a zone of its own.
      await search.fill('Mumbai')
      await expect(option).toBeVisible()
      await expect(page.getByRole('option', { name: /GMT/ })).toHaveCount(1)
      await search.fill('kolkata')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      await expect(ui.zoneShown).toContainText('Kolkata (GMT+5:30)')
      // The focus is back on the button that opened the picker, not on the page.
      await expect(ui.button('zone.change')).toBeFocused()
      // Escape closes it the same way.
      await ui.button('zone.change').click()
      await expect(search).toBeFocused()
      await page.keyboard.press('Escape')
      await expect(ui.button('zone.change')).toBeFocused()
      await expect(ui.times.first()).toContainText('GMT+5:30')
      // Same instants, other wall clock: the first time's words changed.
      await expect(ui.times.first()).not.toHaveAttribute('aria-label', firstSlot!)
    })
  })
}

test.describe('languages', () => {
  let server: TestServer
  test.use({ timezoneId: CUSTOMER_ZONE, viewport: { width: 390, height: 844 }, locale: 'fr-FR' })
  test.beforeEach(async () => {
    server = await startTestServer(workspace())
  })
  test.afterEach(async () => {
    await server.stop()
  })

  test('the page speaks the browser’s language, switches on request and remembers the choice', async ({
    page,
  }) => {
    await page.goto(`${server.url}/book/ana`)
    await expect(page.getByRole('heading', { name: 'Que souhaitez-vous réserver ?' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr-FR')
    await page.getByLabel('Langue').selectOption('es')
    await expect(page.getByRole('heading', { name: '¿Qué desea reservar?' })).toBeVisible()
    await page.getByRole('button', { name: /Product demo/ }).click()
    // Dates through Intl in Spanish: the calendar's month heading.
    await expect(page.getByRole('grid')).toBeVisible()
    const month = new Intl.DateTimeFormat('es', { month: 'long', timeZone: CUSTOMER_ZONE }).format(
      new Date(),
    )
    await expect(page.getByRole('heading', { level: 3 }).first()).toContainText(
      new RegExp(month, 'i'),
    )
    await page.reload()
    await expect(page.getByRole('heading', { name: '¿Qué desea reservar?' })).toBeVisible()
    await page.getByLabel('Idioma').selectOption('de')
    await expect(page.getByRole('heading', { name: 'Was möchten Sie buchen?' })).toBeVisible()
    await page.goto(`${server.url}/book/ana?lang=en`)
    await expect(page.getByRole('heading', { name: 'What would you like to book?' })).toBeVisible()
  })
})

test.describe('embedding', () => {
  let server: TestServer
  let site: Server
  let siteUrl: string
  /** What the other site's page frames (set by each test). */
  let framed = ''
  test.beforeEach(async () => {
    // Another site on this machine: another origin (localhost, not 127.0.0.1) on its own port.
    site = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html')
      res.end(
        `<!doctype html><title>Shop</title><h1>Our shop</h1>` +
          `<iframe title="Book a time" src="${server.url}${framed}" width="420" height="760"></iframe>`,
      )
    })
    await new Promise<void>((done) => site.listen(0, '127.0.0.1', done))
    const { port } = site.address() as AddressInfo
    siteUrl = `http://localhost:${port}`
    server = await startTestServer(workspace(), ['--embed-origin', siteUrl])
  })
  test.afterEach(async () => {
    await server.stop()
    await new Promise((done) => site.close(done))
  })

  test('an allowed site frames /book/{slug}?embed=1 and the customer books inside it', async ({
    page,
  }) => {
    framed = '/book/ben?embed=1&answers.region=AMER'
    await page.goto(`${siteUrl}/`)
    const frame = page.frameLocator('iframe[title="Book a time"]')
    await expect(
      frame.getByRole('heading', { name: 'Book a time with Ben', level: 1 }),
    ).toBeVisible()
    await frame.getByRole('button', { name: 'Continue' }).click()
    await frame
      .getByRole('region', { name: /^Free times on/ })
      .getByRole('button')
      .first()
      .click()
    await frame.getByLabel('Your name').fill('Framed Customer')
    await frame.getByLabel('Email').fill('framed@example.org')
    await frame.getByRole('button', { name: 'Confirm booking' }).click()
    await expect(frame.getByRole('heading', { name: 'You are booked' })).toBeVisible()
    // The manage link leaves the frame for a tab of its own.
    await expect(frame.getByRole('link', { name: 'Manage your booking' })).toHaveAttribute(
      'target',
      '_blank',
    )
  })

  test('another site, or the page without ?embed=1, cannot frame it', async ({ page }) => {
    const refusals: string[] = []
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text())
    })
    // The allowed site, but the page without ?embed=1.
    framed = '/book/ben'
    await page.goto(`${siteUrl}/`)
    await expect.poll(() => refusals.length).toBe(1)
    // Another origin (127.0.0.1 instead of localhost) asking for the embeddable page.
    framed = '/book/ben?embed=1'
    await page.goto(siteUrl.replace('localhost', '127.0.0.1') + '/')
    await expect.poll(() => refusals.length).toBe(2)
    const frame = page.frameLocator('iframe[title="Book a time"]')
    await expect(frame.getByRole('heading', { name: 'Book a time with Ben' })).toHaveCount(0)
  })
})
