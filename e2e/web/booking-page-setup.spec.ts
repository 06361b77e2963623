import { expect, test } from '@playwright/test'
import { deflateSync } from 'node:zlib'
import { DeskApp, serverWorkspace } from '../support/app'
import { BookingPageUi, cspViolations } from '../support/booking-page'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

/**
 * From the desktop's editors to the customer's page: a master page's branding (logo upload,
 * accent colour, description) and an event type's cancellation notice, set in forms, shown on
 * the public page.
 */

let server: TestServer
test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.beforeEach(async () => {
  server = await startTestServer(bookingWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

/** A `width`×`height` PNG of one colour (a stand-in for a company logo). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([length, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array(width).fill([15, 118, 110]).flat()),
  ])
  const pixels = deflateSync(Buffer.concat(Array(height).fill(row)))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

test('a manager brands the sales page and sets a cancellation notice in the desktop; customers see both', async ({
  page,
  context,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Setup')

  await page.getByRole('button', { name: 'Edit Intro call' }).click()
  const eventForm = page.getByRole('form', { name: 'Edit Intro call' })
  await eventForm
    .getByLabel('Customers may cancel or reschedule until (minutes before the start)')
    .fill('1440')
  await eventForm.getByRole('button', { name: 'Save' }).click()
  await expect(app.toast('Saved event type Intro call')).toBeVisible()

  await page.getByRole('button', { name: 'Edit Talk to sales' }).click()
  const pageForm = page.getByRole('form', { name: 'Edit Talk to sales' })
  await pageForm
    .getByLabel('Logo')
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(1200, 300) })
  await expect(pageForm.getByRole('img', { name: 'The page’s logo' })).toBeVisible()
  await pageForm.getByLabel('Accent colour').fill('#0f766e')
  await pageForm.getByLabel('Short description').fill('Our sales team answers within a day.')
  await pageForm.getByRole('button', { name: 'Save' }).click()
  await expect(app.toast(/Saved master page Talk to sales/)).toBeVisible()

  await expect
    .poll(async () => {
      const ws = await serverWorkspace(server)
      return [
        ws.masterPages.find((p: { slug: string }) => p.slug === 'sales')?.branding,
        ws.eventTypes[0].cancelNoticeMinutes,
      ]
    })
    .toEqual([
      {
        logo: expect.stringMatching(/^data:image\/png;base64,/),
        accentColor: '#0f766e',
        description: 'Our sales team answers within a day.',
      },
      1440,
    ])

  // The customer's page, in a fresh tab: the logo, the colour and the description.
  const customer = await context.newPage()
  const csp = cspViolations(customer)
  await customer.goto(`${server.url}/book/sales`)
  const ui = new BookingPageUi(customer, 'en-GB')
  await expect(customer.getByText('Our sales team answers within a day.')).toBeVisible()
  const logo = customer.locator('.page-header img')
  await expect(logo).toHaveAttribute('src', /^data:image\/png;base64,/)
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeLessThanOrEqual(320)
  await ui.answerRegion('EMEA')
  await expect(ui.times.first()).toBeVisible()
  const accent = await customer.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
  )
  expect(accent).toBe('#0f766e')
  await expect(customer.getByRole('grid').locator('[data-selected]')).toHaveCSS(
    'background-color',
    'rgb(15, 118, 110)',
  )
  expect(csp).toEqual([])
})
