import { expect, test } from '@playwright/test'
import type { Locator } from '@playwright/test'
import { DeskApp, serverWorkspace } from '../support/app'
import { startTestServer } from '../support/sync-server'
import type { TestServer } from '../support/sync-server'
import { bookingWorkspace } from '../support/workspaces'

let server: TestServer
test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.beforeEach(async () => {
  server = await startTestServer(bookingWorkspace())
})
test.afterEach(async () => {
  await server.stop()
})

type Named = { id: string; name?: string; title?: string }
const idOf = (list: Named[], name: string) => list.find((r) => (r.name ?? r.title) === name)?.id

async function save(form: Locator) {
  await form.getByRole('button', { name: 'Save' }).click()
}

test('a scheduler sets up an event type with a choice question, pools, a panel and a dynamic master page from nothing, by name', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Setup')

  // An event type whose booking form asks a choice question.
  await page.getByRole('button', { name: 'Add event type' }).click()
  const eventForm = page.getByRole('form', { name: 'New event type' })
  await eventForm.getByLabel('Name').fill('Consultation')
  await eventForm.getByLabel('Duration (minutes)').fill('45')
  await eventForm.getByLabel('Minimum notice (minutes)').fill('0')
  await eventForm.getByRole('button', { name: '+ Add question' }).click()
  // The keyboard goes to what was just added, and to its neighbour when something is removed.
  await expect(eventForm.getByLabel('Question 1', { exact: true })).toBeFocused()
  await eventForm.getByLabel('Question 1', { exact: true }).fill('Topic')
  await eventForm.getByLabel('Answer type').selectOption({ label: 'Choice from a list' })
  await eventForm.getByLabel('Topic option 1').fill('Billing')
  await eventForm.getByRole('button', { name: '+ Add option to Topic' }).click()
  await expect(eventForm.getByLabel('Topic option 2')).toBeFocused()
  await eventForm.getByRole('button', { name: '+ Add option to Topic' }).click()
  await eventForm.getByRole('button', { name: 'Remove option 3' }).click()
  await expect(eventForm.getByLabel('Topic option 2')).toBeFocused()
  await eventForm.getByLabel('Topic option 2').fill('Setup')
  await eventForm.getByRole('checkbox', { name: 'Required' }).check()
  // A second question moved up and down: the keyboard follows it (the way it went, or the other
  // way once it reached the end), then it is removed.
  await eventForm.getByRole('button', { name: '+ Add question' }).click()
  await eventForm.getByLabel('Question 2', { exact: true }).fill('Company')
  await eventForm.getByRole('button', { name: 'Move Company up' }).click()
  await expect(eventForm.getByRole('button', { name: 'Move Company down' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(eventForm.getByRole('button', { name: 'Move Company up' })).toBeFocused()
  await eventForm.getByRole('button', { name: 'Remove Company' }).click()
  await save(eventForm)
  await expect(app.toast('Saved event type Consultation')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Event types' })).toContainText('Consultation')

  // A round-robin pool: no priority fields; member order shown and rearranged.
  await page.getByRole('button', { name: 'Add pool' }).click()
  const poolForm = page.getByRole('form', { name: 'New pool' })
  await poolForm.getByLabel('Name').fill('Billing team')
  await poolForm.getByLabel('Add a member').selectOption({ label: 'Ana Silva' })
  await poolForm.getByLabel('Add a member').selectOption({ label: 'Dev Patel' })
  // Ben is still to add: the keyboard stays on "Add a member".
  await expect(poolForm.getByLabel('Add a member')).toBeFocused()
  const order = poolForm.getByRole('grid', { name: 'Pool members' })
  await expect(order.getByRole('row')).toHaveText([/1\.Ana Silva/, /2\.Dev Patel/])
  await expect(poolForm.getByLabel(/Priority of/)).toHaveCount(0)
  await order.getByRole('button', { name: 'Move Dev Patel up' }).click()
  await expect(order.getByRole('row')).toHaveText([/1\.Dev Patel/, /2\.Ana Silva/])
  await save(poolForm)
  await expect(page.getByRole('region', { name: 'Resource pools' })).toContainText('Billing team')

  // An existing pool switched to priority: now priorities appear; order changed by dragging.
  await page.getByRole('button', { name: 'Edit Sales' }).click()
  const salesForm = page.getByRole('form', { name: 'Edit Sales' })
  await salesForm.getByLabel('Distribution').selectOption({ label: 'Pooled with priority' })
  await salesForm.getByRole('button', { name: 'Remove Dev Patel from the pool' }).click()
  await expect(salesForm.getByLabel('Add a member')).toBeFocused()
  await salesForm.getByLabel('Priority of Ben Okafor').selectOption('2')
  const salesOrder = salesForm.getByRole('grid', { name: 'Pool members' })
  await salesOrder
    .getByRole('row', { name: /Ben Okafor/ })
    .dragTo(salesOrder.getByRole('row', { name: /Ana Silva/ }), { targetPosition: { x: 40, y: 3 } })
  await expect(salesOrder.getByRole('row')).toHaveText([/Ben Okafor/, /Ana Silva/])
  await save(salesForm)
  await expect(salesForm).toBeHidden()

  // A panel: a fixed member and anyone from the new pool; the same member twice is refused there.
  await page.getByRole('button', { name: 'Add panel' }).click()
  const panelForm = page.getByRole('form', { name: 'New panel' })
  await panelForm.getByLabel('Name').fill('Onboarding panel')
  await panelForm
    .getByRole('combobox', { name: 'Seat 1 (organizer)' })
    .selectOption({ label: 'Ana Silva' })
  await panelForm.getByRole('combobox', { name: 'Seat 2' }).selectOption({ label: 'Ana Silva' })
  await save(panelForm)
  await expect(panelForm.getByRole('group', { name: 'Seat 2' }).getByRole('alert')).toContainText(
    'member “Ana Silva” already fills seat 1',
  )
  await panelForm
    .getByRole('combobox', { name: 'Seat 2' })
    .selectOption({ label: 'Anyone from Billing team' })
  await save(panelForm)
  await expect(page.getByRole('region', { name: 'Panels' })).toContainText('Onboarding panel')

  // A master page with rules, built in the form: every problem at once, beside its field.
  await page.getByRole('button', { name: 'Add master page' }).click()
  const pageForm = page.getByRole('form', { name: 'New master page' })
  await pageForm.getByLabel('Title').fill('Consult us')
  await expect(pageForm.getByLabel('Link')).toHaveValue('consult-us')
  await pageForm.getByLabel('Link').fill('consult')
  await pageForm.getByRole('checkbox', { name: 'Consultation' }).check()
  await pageForm.getByRole('radio', { name: /Rules/ }).check()
  await pageForm.getByRole('button', { name: '+ Add rule' }).click()
  const rule1 = pageForm.getByRole('region', { name: 'Rule 1' })
  await rule1.getByRole('button', { name: '+ Add condition to Rule 1' }).click()
  await rule1.getByLabel('Rule 1, condition 1 value').selectOption('Billing')
  await pageForm.getByRole('button', { name: '+ Add rule' }).click()
  const rule2 = pageForm.getByRole('region', { name: 'Rule 2' })
  await rule2.getByRole('button', { name: '+ Add condition to Rule 2' }).click()
  await rule2.getByLabel('Rule 2, condition 1 comparison').selectOption({ label: 'is one of' })
  await rule2.getByRole('checkbox', { name: 'Setup' }).check()
  await rule2.getByLabel('Rule 2: goes to').selectOption({ label: 'Panel: Onboarding panel' })
  await save(pageForm)
  // No target for rule 1 and no fallback: both named, in place and in the summary.
  await expect(rule1.getByRole('alert')).toBeVisible()
  await expect(pageForm.getByText('2 things to fix before saving:')).toBeVisible()
  await expect(pageForm.getByRole('alert').first()).toContainText('Rule 1, goes to')
  await expect(pageForm.getByRole('alert').first()).toContainText('Otherwise goes to')

  await rule1.getByLabel('Rule 1: goes to').selectOption({ label: 'Pool: Billing team' })
  await pageForm.getByLabel('Otherwise goes to').selectOption({ label: 'Ana Silva (/ana)' })
  // Reorder: the panel rule first.
  await rule2.getByRole('button', { name: 'Move Rule 2 up' }).click()
  await expect(
    pageForm.getByRole('region', { name: 'Rule 1' }).getByLabel('Rule 1: goes to'),
  ).toHaveValue(/^panel:/)
  await save(pageForm)
  await expect(page.getByRole('region', { name: 'Master pages' })).toContainText('Consult us')
  // The page's whole address, to open or copy and send to customers; it opens the booking page.
  const link = page.getByRole('link', { name: /^Open Consult us’s page for customers/ })
  await expect(link).toHaveAttribute('href', /^https?:\/\/[^/]+\/book\/consult$/)
  expect((await fetch((await link.getAttribute('href'))!)).status).toBe(200)
  await expect(page.getByRole('button', { name: 'Copy the link to Consult us' })).toBeVisible()
  // Ids never appear in the setup lists.
  await expect(page.getByRole('main')).not.toContainText(/pool-|panel-|et-|bp-|mp-/)

  await expect
    .poll(async () =>
      (await serverWorkspace(server)).masterPages.some(
        (p: { slug: string }) => p.slug === 'consult',
      ),
    )
    .toBe(true)
  const ws = await serverWorkspace(server)
  const consultation = idOf(ws.eventTypes, 'Consultation')
  const billing = idOf(ws.pools, 'Billing team')
  const panel = idOf(ws.panels, 'Onboarding panel')
  expect(ws.eventTypes.find((e: Named) => e.id === consultation)).toMatchObject({
    durationMinutes: 45,
    questions: [
      {
        id: 'topic',
        label: 'Topic',
        type: 'select',
        options: ['Billing', 'Setup'],
        required: true,
      },
    ],
  })
  expect(ws.pools.find((p: Named) => p.id === billing)).toMatchObject({
    distribution: 'round-robin',
    members: [{ memberId: 'm-dev' }, { memberId: 'm-ana' }],
  })
  expect(ws.pools.find((p: Named) => p.id === 'pool-sales')).toMatchObject({
    distribution: 'pooled-priority',
    members: [
      { memberId: 'm-ben', priority: 2 },
      { memberId: 'm-ana', priority: 1 },
    ],
  })
  expect(ws.panels.find((p: Named) => p.id === panel)).toMatchObject({
    seats: [{ memberId: 'm-ana' }, { poolId: billing }],
  })
  expect(ws.masterPages.find((p: { slug: string }) => p.slug === 'consult')).toMatchObject({
    title: 'Consult us',
    eventTypeIds: [consultation],
    assignment: {
      type: 'dynamic',
      rules: [
        {
          eventTypeId: consultation,
          when: [{ questionId: 'topic', op: 'in', value: ['Setup'] }],
          target: { panelId: panel },
        },
        {
          eventTypeId: consultation,
          when: [{ questionId: 'topic', op: 'equals', value: 'Billing' }],
          target: { poolId: billing },
        },
      ],
      fallback: { bookingPageId: 'bp-ana' },
    },
  })
  // Customers can open it, and a Billing answer is routed to the Billing team's next in line.
  expect((await fetch(`${server.url}/api/public/pages/consult`)).status).toBe(200)
})

test('closing an editor with changes asks first; without changes it just closes', async ({
  page,
}) => {
  const app = new DeskApp(page)
  await app.open(server)
  await app.go('Setup')
  // Untouched: Escape closes at once.
  await page.getByRole('button', { name: 'Edit Intro call' }).click()
  const form = page.getByRole('form', { name: 'Edit Intro call' })
  await expect(form).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(form).toHaveCount(0)

  // Changed: Escape asks, the safe answer has the focus, and Enter keeps what was typed.
  await page.getByRole('button', { name: 'Edit Intro call' }).click()
  await form.getByLabel('Name').fill('Intro call (new)')
  await page.keyboard.press('Escape')
  const ask = form.getByRole('alert').filter({ hasText: 'Close without saving?' })
  await expect(ask).toBeVisible()
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(ask).toHaveCount(0)
  await expect(form.getByLabel('Name')).toHaveValue('Intro call (new)')
  // Cancel asks too; Discard closes and nothing is saved.
  await form.getByRole('button', { name: 'Cancel' }).click()
  await ask.getByRole('button', { name: 'Discard changes' }).click()
  await expect(form).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Event types' })).toContainText('Intro call')
  await expect(page.getByRole('region', { name: 'Event types' })).not.toContainText('(new)')
  const types = (await serverWorkspace(server)).eventTypes as { name: string }[]
  expect(types.map((t) => t.name)).not.toContain('Intro call (new)')
})
