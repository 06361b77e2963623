import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { startMailServer } from '../../sync-server/src/test-support/mail-server'
import type { TestMailServer } from '../../sync-server/src/test-support/mail-server'
import { DeskApp, publicSalesBooking, serverWorkspace } from '../support/app'
import { BookingPageUi } from '../support/booking-page'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

let server: TestServer
let mail: TestMailServer
test.use({ timezoneId: 'America/New_York' })
test.beforeEach(async () => {
  mail = await startMailServer()
  server = await startTestServer(bookingWorkspace(), [
    '--smtp-url',
    mail.url,
    '--mail-from',
    'Acme Bookings <bookings@acme.example>',
  ])
})
test.afterEach(async () => {
  await server.stop()
  await mail.close()
})

const toCustomer = (m: TestMailServer['messages'][number]) =>
  (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address === 'lee@example.org'

test('a customer books on /book/{slug}, gets the confirmation email, and its manage link works', async ({
  page,
}) => {
  const ui = new BookingPageUi(page, 'en-US')
  await page.goto(`${server.url}/book/sales`)
  await ui.answerRegion('EMEA')
  await ui.times.first().click()
  await ui.fillDetails('Lee Park', 'lee@example.org')
  await ui.confirm()
  await expect(ui.heading('done.heading')).toBeVisible()

  // The sender delivers on its own (no test hook): wait for the customer's email, bounded.
  await expect.poll(() => mail.messages.filter(toCustomer).length, { timeout: 20_000 }).toBe(1)
  const confirmation = mail.messages.find(toCustomer)!
  expect(confirmation.subject).toMatch(/^Confirmed: Intro call on /)
  expect(confirmation.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true)
  const link = /To reschedule or cancel: (\S+)/.exec(confirmation.text ?? '')?.[1]
  expect(link).toMatch(new RegExp(`^${server.url}/book/sales/manage/bk-[^#]+#token=`))

  await page.goto('about:blank')
  await page.goto(link!)
  await expect(ui.button('manage.cancel')).toBeVisible()
  await ui.button('manage.cancel').click()
  await ui.button('manage.confirmCancel').click()
  await expect(page.getByRole('status').filter({ hasText: ui.t('manage.cancelled') })).toBeVisible()
  await expect.poll(() => mail.messages.filter(toCustomer).length, { timeout: 20_000 }).toBe(2)
  expect(mail.messages.filter(toCustomer)[1]!.subject).toMatch(/^Cancelled: Intro call/)
})

test('the desk sees each email in the Outbox and Settings says whether mail goes out', async ({
  page,
}) => {
  const booked = await fetch(
    `${server.url}/api/public/pages/sales/availability?eventTypeId=et-intro&answers.region=EMEA&from=${new Date().toISOString()}&to=${new Date(Date.now() + 7 * 86400_000).toISOString()}`,
  )
  const { slots } = await booked.json()
  const book = async (start: string, name: string, email: string) =>
    expect((await publicSalesBooking(server, start, { name, email })).status).toBe(201)
  await book(slots[0].start, 'Lee Park', 'lee@example.org')
  await expect.poll(() => mail.messages.filter(toCustomer).length, { timeout: 20_000 }).toBe(1)
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Outbox')
  const emails = page.getByRole('table', { name: 'Emails' })
  await expect(
    emails.getByRole('row', { name: /Confirmation.*Lee Park.*lee@example\.org.*Sent/ }),
  ).toBeVisible()
  // A booking made while the Outbox is open: its email appears, and then as sent, by itself.
  await expect(emails.getByRole('row', { name: /Sam Rivera/ })).toHaveCount(0)
  await book(slots[slots.length - 1].start, 'Sam Rivera', 'sam@example.org')
  await expect(
    emails.getByRole('row', { name: /Confirmation.*Sam Rivera.*sam@example\.org.*Sent/ }),
  ).toBeVisible({ timeout: 30_000 })
  // What the customer was told: the email's own text, as the mail server received it.
  const sent = mail.messages.find(toCustomer)!
  await emails
    .getByRole('row', { name: /Confirmation.*Lee Park/ })
    .getByRole('button', { name: /^Read the email to Lee Park/ })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Confirmation' })
  await expect(dialog).toContainText(`Lee Park <lee@example.org>`)
  await expect(dialog).toContainText(String(sent.subject))
  await expect(dialog).toContainText('With a calendar invitation (.ics)')
  const text = dialog.getByRole('document', { name: 'Email text' })
  const manage = /https?:\/\/\S+\/manage\/\S+#token=\S+/.exec(String(sent.text))?.[0]
  expect(manage).toBeTruthy()
  await expect(text).toContainText(manage!)
  expect((await text.innerText()).replace(/\s+/g, ' ').trim()).toBe(
    String(sent.text).replace(/\s+/g, ' ').trim(),
  )
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze()
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([])
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await app.go('Settings')
  await expect(page.getByText('sends confirmations, updates and reminders as')).toContainText(
    'Acme Bookings <bookings@acme.example>',
  )
})

test('an event type gets a place and reminders in its editor; core names a bad link at its field', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Setup')
  await page.getByRole('button', { name: 'Edit Intro call' }).click()
  const form = page.getByRole('form', { name: 'Edit Intro call' })
  await form.getByRole('radio', { name: /^Video/ }).check()
  await form.getByRole('textbox', { name: 'Meeting link' }).fill('http://meet.example.com/intro')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByText('expected an https:// address', { exact: true })).toBeVisible()
  // The summary names the field as the form does, not by its record path ("location:").
  await expect(form.locator('.problems-summary')).toContainText(
    'Where it takes place: expected an https:// address',
  )
  await expect(form.getByRole('textbox', { name: 'Meeting link' })).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await form.getByRole('textbox', { name: 'Meeting link' }).fill('https://meet.example.com/intro')
  await form.getByRole('checkbox', { name: '1 day before' }).check()
  await form.getByRole('checkbox', { name: '1 hour before' }).check()
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form).toBeHidden()
  await expect
    .poll(async () => {
      const ws = await serverWorkspace(server)
      const intro = ws.eventTypes.find((e: { id: string }) => e.id === 'et-intro')
      return [intro.location, intro.reminderMinutesBefore]
    })
    .toEqual([{ type: 'video', url: 'https://meet.example.com/intro' }, [1440, 60]])
  // The public page says how it takes place (the link itself only once booked).
  const ui = new BookingPageUi(page, 'en-US')
  await page.goto(`${server.url}/book/sales`)
  await ui.answerRegion('EMEA')
  await ui.times.first().click()
  await expect(
    page.getByRole('definition').filter({ hasText: ui.t('location.video') }),
  ).toBeVisible()
  await expect(page.getByText('https://meet.example.com/intro')).toHaveCount(0)

  // A booking two days ahead: its two reminders are listed in the Outbox before they are due.
  const from = new Date(Date.now() + 2 * 86_400_000)
  const { slots } = await (
    await fetch(
      `${server.url}/api/public/pages/sales/availability?eventTypeId=et-intro&answers.region=EMEA&from=${from.toISOString()}&to=${new Date(from.getTime() + 86_400_000).toISOString()}`,
    )
  ).json()
  expect(
    (
      await publicSalesBooking(server, slots[0].start, {
        name: 'Rita Moreno',
        email: 'rita@example.org',
      })
    ).status,
  ).toBe(201)
  await page.goto(`${server.url}/app/`)
  await app.go('Outbox')
  const ahead = page.getByRole('table', { name: 'Reminders to come' })
  await expect(
    ahead.getByRole('row', { name: /1 day before.*Rita Moreno.*Intro call/ }),
  ).toBeVisible()
  await expect(
    ahead.getByRole('row', { name: /1 hour before.*Rita Moreno.*Intro call/ }),
  ).toBeVisible()
})
