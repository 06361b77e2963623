import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import type { TestServer } from './sync-server'

export type ViewName =
  | 'Calendar'
  | 'Bookings'
  | 'Reports'
  | 'Team'
  | 'Setup'
  | 'Conflicts'
  | 'Outbox'
  | 'People'
  | 'Webhooks'
  | 'Activity'
  | 'Settings'

/** The desk app's shell: navigation, sync status, toasts, the booking details panel. */
export class DeskApp {
  readonly syncStatus: Locator
  readonly notifications: Locator
  readonly details: Locator
  /** "Signed in as Ana Silva (scheduler)" in the header. */
  readonly signedIn: Locator
  constructor(readonly page: Page) {
    this.syncStatus = page.getByRole('status', { name: 'Sync status' })
    this.signedIn = this.syncStatus.getByText(/^Signed in as /)
    this.notifications = page.getByRole('region', { name: 'Notifications' })
    this.details = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('heading', { name: 'History' }) })
  }

  nav(view: ViewName): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: view })
  }

  /** A toast whose title matches. */
  toast(title: string | RegExp): Locator {
    return this.notifications.getByRole('alertdialog', { name: title })
  }

  /**
   * Opens the app on `server` signed in with the admin token (the bootstrap owner), or as a
   * person named `scheduler` (an owner, added through the admin API) whose name history records.
   */
  async open(server: TestServer, scheduler?: string): Promise<void> {
    const token = scheduler ? (await addPerson(server, scheduler, 'owner')).token : server.token
    await this.page.goto(`${server.url}/app/#token=${token}`)
    await expect(this.syncStatus).toContainText('Connected')
    await expect(this.signedIn).toHaveText(
      scheduler ? `Signed in as ${scheduler} (owner)` : 'Signed in as Owner',
    )
  }

  async go(view: ViewName): Promise<void> {
    await this.nav(view).click()
    await expect(this.nav(view)).toHaveAttribute('aria-current', 'page')
  }
}

/** Adds a person through the admin API (the admin token); their token is returned once. */
export async function addPerson(
  server: TestServer,
  name: string,
  role: 'owner' | 'manager' | 'scheduler' | 'viewer',
): Promise<{ id: string; token: string }> {
  const res = await server.admin('/api/admin/people', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
      role,
    }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; token: string }
}

/**
 * The public booking request of the `sales` page's Intro call (`bookingWorkspace`, EMEA answer) at
 * `start` for a customer in UTC: the raw response, for tests that expect a refusal too.
 */
export function publicSalesBooking(
  server: TestServer,
  start: string,
  customer: { readonly name: string; readonly email: string },
): Promise<Response> {
  return fetch(`${server.url}/api/public/pages/sales/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      eventTypeId: 'et-intro',
      start,
      customer: { ...customer, timeZone: 'UTC' },
      answers: { region: 'EMEA' },
    }),
  })
}

/** The stored workspace on the server (what really synced). */
export async function serverWorkspace(server: TestServer) {
  return (await server.admin('/api/admin/workspace')).json()
}

/** One stored booking. */
export async function serverBooking(server: TestServer, id: string) {
  const ws = await serverWorkspace(server)
  return ws.bookings.find((b: { id: string }) => b.id === id)
}

/** Types `HH:mm` into a React Aria time field named `label` inside `scope` (24-hour locales). */
export async function fillTime(scope: Locator, label: string, time: string): Promise<void> {
  const [hour = '', minute = ''] = time.split(':')
  await scope
    .getByRole('spinbutton', { name: `hour, ${label}`, exact: true })
    .pressSequentially(hour)
  await scope
    .getByRole('spinbutton', { name: `minute, ${label}`, exact: true })
    .pressSequentially(minute)
}

/** Picks a time zone in a zone picker by searching for `search`. */
export async function pickZone(
  scope: Locator,
  label: string,
  search: string,
  zone: RegExp,
): Promise<void> {
  const box = scope.getByRole('combobox', { name: label })
  // In sight first, as a person scrolls to a field before typing: a dialog scrolling while the
  // list opens closes the list (React Aria closes popovers on scroll).
  await box.scrollIntoViewIfNeeded()
  await box.fill(search)
  await scope.page().getByRole('option', { name: zone }).click()
}

/** The 10th of next month at `hourUtc` (UTC): a day the booking workspace always has open. */
export function tenthOfNextMonth(hourUtc = 0): Date {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 10, hourUtc))
}

/**
 * Opens New booking on the booking workspace's "Talk to sales" page for region EMEA, on
 * {@link tenthOfNextMonth}: the dialog, that day's free times, the day and its name as the
 * calendar writes it ("10 December 2026").
 */
export async function newBookingOnTenthOfNextMonth(page: Page) {
  await page.getByRole('button', { name: 'New booking' }).click()
  const dialog = page.getByRole('dialog', { name: 'New booking' })
  await dialog.getByLabel('Book through').selectOption({ label: 'Talk to sales' })
  await dialog.getByLabel('Region *').selectOption('EMEA')
  const day = tenthOfNextMonth()
  const dayName = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(day)
  await dialog.getByRole('button', { name: 'Next month' }).click()
  await dialog.getByRole('button', { name: new RegExp(dayName) }).click()
  const times = dialog.getByRole('group', { name: /^Free times on/ })
  return { dialog, times, day, dayName }
}
