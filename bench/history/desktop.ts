/**
 * The desktop's first sync, measured in Debian's Chromium on the web build the server serves
 * (`/app/#token=…`), in a fresh on-disk profile (a persistent context: an incognito context keeps
 * IndexedDB in memory, which is not what the desktop does):
 * - first sync: from `page.goto` until the status bar first says "All changes are synced" — the app sets
 *   that only when every collection finished its initial pull, nothing is pushing or pulling and
 *   every event stream is open (`renderer/src/sync/sync-status.ts`); the bookings in the replica's
 *   IndexedDB are counted afterwards as a check;
 * - IndexedDB usage (`navigator.storage.estimate()`) and the profile's IndexedDB folder on disk;
 * - the renderer's JS heap (`performance.memory`);
 * - opening the Bookings week view: click the nav button → the first booking of the week on screen.
 * Capped: a sync that does not finish in time is reported as over the cap (with how many bookings
 * had arrived), never waited for.
 */
import { chromium } from '@playwright/test'
import type { Request } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dirSizeMb } from './server-process'

export const CHROMIUM = process.env['TEAMSLOT_CHROMIUM'] ?? '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface DesktopFigures {
  /** ms until fully in sync, or null when over the cap. */
  readonly firstSyncMs: number | null
  readonly capMs: number
  /** Bookings in the replica's IndexedDB when in sync (or at the cap). */
  readonly replicatedBookings: number | null
  readonly indexedDbEstimateMb: number | null
  readonly indexedDbOnDiskMb: number | null
  readonly rendererHeapMb: number | null
  /** ms from clicking "Bookings" to the first event of the week on screen; null if not measured. */
  readonly weekViewMs: number | null
  /**
   * ms from a reload after the first sync until the status bar says "All changes are synced"
   * again (the replica and the replication's state read back from IndexedDB); null if not measured.
   */
  readonly reloadInSyncMs: number | null
  readonly note: string | null
}

export async function desktopFirstSync(options: {
  readonly url: string
  readonly token: string
  readonly capMs: number
}): Promise<DesktopFigures> {
  const profile = mkdtempSync(join(tmpdir(), 'teamslot-history-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    // BENCH_DESKTOP_PROFILE=<file.cpuprofile>: the renderer's CPU profile of the first sync.
    const profileFile = process.env['BENCH_DESKTOP_PROFILE']
    const cdp = profileFile ? await context.newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.start')
    }
    // BENCH_DESKTOP_TRACE=<file.tsv>: every request of the first sync (ms since page.goto: sent,
    // answered, finished; method, status, path).
    const traceFile = process.env['BENCH_DESKTOP_TRACE']
    const trace: string[] = []
    const started = performance.now()
    if (traceFile) {
      const sentAt = new Map<object, number>()
      const answeredAt = new Map<object, number>()
      const since = () => (performance.now() - started).toFixed(0)
      page.on('request', (r) => sentAt.set(r, performance.now() - started))
      page.on('response', (r) => answeredAt.set(r.request(), performance.now() - started))
      const done = (r: Request, status: string) => {
        const url = new URL(r.url())
        trace.push(
          [
            (sentAt.get(r) ?? NaN).toFixed(0),
            (answeredAt.get(r) ?? NaN).toFixed(0),
            since(),
            r.method(),
            status,
            url.pathname + url.search.replace(/checkpoint=[^&]*/, 'checkpoint=…'),
          ].join('\t'),
        )
      }
      page.on('requestfinished', (r) => done(r, 'ok'))
      page.on('requestfailed', (r) => done(r, r.failure()?.errorText ?? 'failed'))
    }
    await page.goto(`${options.url}/app/#token=${options.token}`)
    let firstSyncMs: number | null = null
    try {
      await page.waitForFunction(allSynced, null, {
        polling: 200,
        timeout: Math.max(1, options.capMs - (performance.now() - started)),
      })
      firstSyncMs = performance.now() - started
      trace.push(`${firstSyncMs.toFixed(0)}\t\t\t\tin sync`)
    } catch (err) {
      if (!(err instanceof Error) || err.name !== 'TimeoutError') throw err
    }
    if (traceFile) writeFileSync(traceFile, trace.join('\n') + '\n')
    if (cdp && profileFile) {
      const { profile } = await cdp.send('Profiler.stop')
      writeFileSync(profileFile, JSON.stringify(profile))
    }
    const replicatedBookings = await page
      .evaluate(countBookingsInIndexedDb)
      .catch(() => null as number | null)
    const usage = await page
      .evaluate(async () => (await navigator.storage.estimate()).usage ?? null)
      .catch(() => null)
    const heap = await page
      .evaluate(
        () =>
          (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
            ?.usedJSHeapSize ?? null,
      )
      .catch(() => null)
    let weekViewMs: number | null = null
    let note: string | null = null
    if (firstSyncMs !== null) {
      const clicked = performance.now()
      try {
        // The main navigation's entries are links (the view lives in the URL).
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Bookings', exact: true })
          .click({ timeout: 60_000 })
        // A calendar event is a button named "<customer> · <hosts>" (as e2e/web/week.spec.ts finds it).
        await page
          .locator('section[aria-labelledby="bookings-heading"]')
          .getByRole('button', { name: / · / })
          .first()
          .waitFor({ state: 'visible', timeout: 60_000 })
        weekViewMs = performance.now() - clicked
      } catch (err) {
        note = `week view: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`
      }
    } else {
      note = `over the ${Math.round(options.capMs / 1000)} s cap`
    }
    let reloadInSyncMs: number | null = null
    if (firstSyncMs !== null) {
      const reloaded = performance.now()
      await page.reload()
      await page
        .waitForFunction(allSynced, null, { polling: 100, timeout: 120_000 })
        .then(() => (reloadInSyncMs = performance.now() - reloaded))
        .catch((err: unknown) => {
          note = `reload: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`
        })
    }
    await context.close()
    return {
      firstSyncMs,
      capMs: options.capMs,
      replicatedBookings,
      indexedDbEstimateMb: usage === null ? null : usage / 1024 / 1024,
      indexedDbOnDiskMb: dirSizeMb(join(profile, 'Default', 'IndexedDB')),
      rendererHeapMb: heap === null ? null : heap / 1024 / 1024,
      weekViewMs,
      reloadInSyncMs,
      note,
    }
  } finally {
    await context.close().catch(() => undefined)
    rmSync(profile, { recursive: true, force: true })
  }
}

/** Runs in the page: the status bar says every change is synced (after a first sync or a reload). */
function allSynced(): boolean {
  return (
    document
      .querySelector('[aria-label="Sync status"]')
      ?.textContent?.includes('All changes are synced') ?? false
  )
}

/** Runs in the page: documents in the replica's bookings collection (RxDB's Dexie storage). */
async function countBookingsInIndexedDb(): Promise<number | null> {
  const databases = await indexedDB.databases()
  const name = databases.find(
    (d) => d.name?.startsWith('rxdb-dexie-') && d.name.endsWith('--bookings'),
  )?.name
  if (!name) return null
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  try {
    return await new Promise<number>((resolve, reject) => {
      const request = db.transaction('docs', 'readonly').objectStore('docs').count()
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
  } finally {
    db.close()
  }
}
