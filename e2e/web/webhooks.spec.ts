import { expect, test } from '@playwright/test'
import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { addPerson, DeskApp, publicSalesBooking } from '../support/app'
import { seriousViolations } from '../support/axe'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

/** What a receiver on loopback got: the signature header and the raw body. */
interface Received {
  readonly signature: string
  readonly body: string
}

let server: TestServer
let receiver: Server
let received: Received[]
/** The status the receiver answers with. */
let answer: number
let receiverUrl: string
test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.beforeEach(async () => {
  server = await startTestServer(bookingWorkspace())
  received = []
  answer = 200
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({
        signature: String(req.headers['teamslot-signature']),
        body: Buffer.concat(chunks).toString('utf8'),
      })
      res.writeHead(answer).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
})
test.afterEach(async () => {
  receiver.closeAllConnections()
  await new Promise((resolve) => receiver.close(resolve))
  await server.stop()
})

/** True when `header` signs `body` with `secret` (the check README gives receivers). */
function isSigned(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=')))
  const mac = createHmac('sha256', secret).update(`${parts['t']}.${body}`).digest('hex')
  return parts['v1'] === mac
}

test('an owner adds a webhook without typing JSON, copies its secret once, tests it, sees its deliveries and removes it', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await expect(app.nav('Webhooks')).toHaveAttribute(
    'title',
    'Other systems told about bookings as they happen',
  )
  await app.go('Webhooks')
  await expect(page.getByText('No webhooks yet')).toBeVisible()
  const form = page.getByRole('form', { name: 'Add a webhook' })

  // Bad input is said in words next to its field, and nothing is added.
  await form.getByRole('button', { name: 'Add webhook' }).click()
  await expect(form.getByRole('alert')).toHaveText(
    'Paste the whole address, starting with https://',
  )
  // Sending bookings unencrypted beyond this computer needs a tick.
  await form.getByLabel('Address the receiver gave you').fill('http://hooks.example.com/in')
  await form.getByRole('button', { name: 'Add webhook' }).click()
  await expect(form.getByRole('alert')).toHaveText(
    'Use https://, or tick that this address may be sent bookings unencrypted',
  )
  await expect(form.getByRole('checkbox', { name: /This address is not encrypted/ })).toBeVisible()
  await form.getByLabel('Address the receiver gave you').fill(receiverUrl)
  await expect(form.getByRole('checkbox', { name: /This address is not encrypted/ })).toHaveCount(0)
  await form.getByLabel('Only the changes ticked below').check()
  await form.getByRole('button', { name: 'Add webhook' }).click()
  await expect(form.getByRole('alert')).toHaveText(
    'Tick at least one change, or choose every booking change',
  )
  await form.getByLabel('A booking is made').check()
  await form.getByLabel('A booking is cancelled').check()
  await form.getByRole('button', { name: 'Add webhook' }).click()

  // The secret is shown once, to copy, and the keyboard is taken to it.
  const card = page.getByRole('region', { name: 'Signing secret' })
  await expect(card).toContainText(`Bookings are now sent to ${receiverUrl}`)
  await expect(card.getByRole('heading', { name: 'Copy the signing secret now' })).toBeFocused()
  const secret = await card.getByLabel('Secret').inputValue()
  expect(secret.length).toBeGreaterThanOrEqual(32)
  expect(await seriousViolations(page), 'secret card').toEqual([])
  await card.getByRole('button', { name: 'Done' }).click()
  await expect(card).toHaveCount(0)
  await expect(form.getByLabel('Address the receiver gave you')).toBeFocused()
  const list = page.getByRole('region', { name: 'Webhooks list' })
  const row = list.getByRole('row').filter({ hasText: receiverUrl })
  await expect(row).toContainText('A booking is made, a booking is cancelled')
  await expect(row).toContainText('Nothing sent yet.')
  await expect(list).not.toContainText(secret)
  // The same address again would send everything twice: refused in words.
  await form.getByLabel('Address the receiver gave you').fill(receiverUrl)
  await form.getByRole('button', { name: 'Add webhook' }).click()
  await expect(form.getByRole('alert')).toHaveText(
    'this address already gets bookings; change which changes it is sent instead of adding it twice',
  )
  await expect(list.getByRole('row')).toHaveCount(2)

  // A test: sent now, signed with that secret, and the answer said in words.
  await row.getByRole('button', { name: `Send a test to ${receiverUrl}` }).click()
  await expect(row.getByRole('status', { name: `Test of ${receiverUrl}` })).toHaveText(
    'Delivered: the receiver answered 200.',
  )
  expect(received).toHaveLength(1)
  // A made-up booking of this team, with names, so the receiver can map its fields.
  expect(JSON.parse(received[0]!.body)).toMatchObject({
    type: 'webhook.test',
    booking: { customer: { name: 'Sample Customer' } },
    details: { eventType: { name: 'Intro call' } },
  })
  expect(isSigned(secret, received[0]!.signature, received[0]!.body)).toBe(true)
  answer = 500
  await row.getByRole('button', { name: `Send a test to ${receiverUrl}` }).click()
  await expect(row.getByRole('status', { name: `Test of ${receiverUrl}` })).toHaveText(
    'Not delivered: the receiver answered 500 (it failed on its side: real changes are tried again later).',
  )
  answer = 200

  // A booking made on the public page is delivered, and listed with its change in words.
  const start = new Date(Math.ceil((Date.now() + 30 * 3600_000) / 3600_000) * 3600_000)
  const booked = await publicSalesBooking(server, start.toISOString(), {
    name: 'Hook Test',
    email: 'hook@example.com',
  })
  expect(booked.status).toBe(201)
  await expect
    .poll(() => received.map((r) => JSON.parse(r.body).type as string))
    .toContain('booking.created')
  const created = received.find((r) => JSON.parse(r.body).type === 'booking.created')!
  expect(JSON.parse(created.body).booking.customer.name).toBe('Hook Test')
  expect(JSON.parse(created.body).details.eventType.name).toBe('Intro call')
  await row.getByRole('button', { name: `Deliveries to ${receiverUrl}` }).click()
  const deliveries = page.getByRole('region', { name: 'Deliveries list' })
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect(deliveries.getByRole('row').nth(1)).toContainText('A booking is made', {
      timeout: 1000,
    })
    await expect(deliveries.getByRole('row').nth(1)).toContainText('Delivered (1 try)', {
      timeout: 1000,
    })
  }).toPass()
  await expect(deliveries.getByRole('row').nth(1)).toContainText('Hook Test')

  // A receiver that fails: the row says so, and once it is mended the change is sent again now.
  answer = 500
  const second = await publicSalesBooking(
    server,
    new Date(start.getTime() + 2 * 3600_000).toISOString(),
    { name: 'Retry Test', email: 'retry@example.com' },
  )
  expect(second.status).toBe(201)
  const failing = deliveries.getByRole('row').filter({ hasText: 'Retry Test' })
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect(failing).toContainText('Not delivered yet (1 try)', { timeout: 1000 })
  }).toPass()
  await expect(failing).toContainText('answered 500')
  answer = 200
  await failing
    .getByRole('button', { name: 'Try again now: A booking is made, Retry Test' })
    .click()
  await expect(failing.getByRole('status')).toHaveText('Sent again: Refresh to see the answer.')
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect(failing).toContainText('Delivered (2 tries)', { timeout: 1000 })
  }).toPass()
  expect(await seriousViolations(page), 'deliveries').toEqual([])

  // Sent every change from now on.
  await row.getByRole('button', { name: `Change what ${receiverUrl} is sent` }).click()
  const change = page.getByRole('form', { name: `What ${receiverUrl} is sent` })
  await expect(change.getByRole('heading')).toBeFocused()
  await change.getByLabel('Every booking change').check()
  await change.getByRole('button', { name: 'Save' }).click()
  await expect(row).toContainText('Every booking change')

  // A new secret: the old one no longer signs.
  await row.getByRole('button', { name: `New secret for ${receiverUrl}…` }).click()
  // The safe answer has the focus: Enter twice changes nothing.
  await expect(row.getByRole('button', { name: 'Keep the old secret' })).toBeFocused()
  await row.getByRole('button', { name: 'Make a new secret' }).click()
  await expect(card.getByRole('heading', { name: 'The new signing secret' })).toBeFocused()
  const renewed = await card.getByLabel('Secret').inputValue()
  expect(renewed).not.toBe(secret)
  await card.getByRole('button', { name: 'Done' }).click()
  await row.getByRole('button', { name: `Send a test to ${receiverUrl}` }).click()
  await expect(row.getByRole('status', { name: `Test of ${receiverUrl}` })).toHaveText(
    'Delivered: the receiver answered 200.',
  )
  const last = received.at(-1)!
  expect(isSigned(renewed, last.signature, last.body)).toBe(true)
  expect(isSigned(secret, last.signature, last.body)).toBe(false)

  // Escape backs out of a confirmation, the focus back on the button that asked.
  await row.getByRole('button', { name: `Remove ${receiverUrl}…` }).click()
  await page.keyboard.press('Escape')
  await expect(row.getByRole('group', { name: 'Confirm' })).toHaveCount(0)
  await expect(row.getByRole('button', { name: `Remove ${receiverUrl}…` })).toBeFocused()

  // Removed after a second press: nothing more is sent there.
  await row.getByRole('button', { name: `Remove ${receiverUrl}…` }).click()
  await expect(row.getByRole('group', { name: 'Confirm' })).toContainText(
    'Nothing more is sent there.',
  )
  await row.getByRole('button', { name: 'Remove now' }).click()
  await expect(app.toast(`${receiverUrl} is sent nothing more`)).toBeVisible()
  await expect(page.getByText('No webhooks yet')).toBeVisible()
  const listed = (await (await server.admin('/api/admin/webhooks')).json()) as {
    webhooks: unknown[]
  }
  expect(listed.webhooks).toEqual([])
})

test('only owners see webhooks', async ({ page }) => {
  const { token } = await addPerson(server, 'Mia Manager', 'manager')
  const app = new DeskApp(page)
  await page.goto(`${server.url}/app/#invite=${token}`)
  await expect(app.signedIn).toHaveText('Signed in as Mia Manager (manager)')
  await expect(app.nav('Outbox')).toBeVisible()
  await expect(app.nav('Webhooks')).toHaveCount(0)
  await page.goto(`${server.url}/app/#/webhooks`)
  await expect(page.getByRole('alert')).toHaveText('A manager may not manage webhooks.')
  await expect(page.getByText('An owner can do this, or give you a role that may.')).toBeVisible()
  await expect(page.getByRole('form', { name: 'Add a webhook' })).toHaveCount(0)
})
