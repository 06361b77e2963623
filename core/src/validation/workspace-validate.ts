/**
 * Semantic validation of a whole workspace, after its JSON shape has been checked (zod).
 */

import type { Workspace } from '../model/workspace'
import { bookingPagesValidate } from './booking-pages-validate'
import { bookingsValidate } from './bookings-validate'
import { eventTypesValidate } from './event-types-validate'
import { masterPagesValidate } from './master-pages-validate'
import { membersValidate } from './members-validate'
import { panelsValidate } from './panels-validate'
import { poolsValidate } from './pools-validate'
import { workspaceLookup } from './workspace-lookup'
import type { WorkspaceProblem } from './workspace-problem'
import { problemsForRepeats } from './workspace-problem'

/** The collections in the order problems are reported. */
const COLLECTIONS = [
  'members',
  'eventTypes',
  'bookingPages',
  'pools',
  'panels',
  'masterPages',
  'bookings',
] as const

/**
 * Every semantic problem in `workspace`; an empty list means it is valid. Assumes the shape is
 * already right (`workspaceShape` in `../schema/records.ts`: types, enums, formats, ranges, known
 * zones; `workspaceParse` runs both) and checks:
 * - ids are unique within each collection (the same id in two collections is fine);
 * - slugs are unique across booking pages and master pages together: both are public pages at
 *   `/book/{slug}` and `/api/public/pages/{slug}` (api.md v1.1);
 * - each collection's own rules: `membersValidate`, `eventTypesValidate`, `bookingPagesValidate`,
 *   `poolsValidate`, `panelsValidate`, `masterPagesValidate`, `bookingsValidate` (references are
 *   resolved against the first record with an id).
 *
 * Problems come by collection (workspace order above), then by record index.
 * Never throws for a well-shaped workspace; never mutates it.
 */
export function workspaceValidate(workspace: Workspace): WorkspaceProblem[] {
  const lookup = workspaceLookup(workspace)
  const problems: WorkspaceProblem[] = []
  const own = {
    members: membersValidate(workspace.members),
    eventTypes: eventTypesValidate(workspace.eventTypes),
    bookingPages: bookingPagesValidate(workspace.bookingPages, lookup),
    pools: poolsValidate(workspace.pools, lookup),
    panels: panelsValidate(workspace.panels, lookup),
    masterPages: masterPagesValidate(workspace.masterPages, lookup),
    bookings: bookingsValidate(workspace.bookings, lookup),
  }
  for (const name of COLLECTIONS) {
    const records: readonly { readonly id: string }[] = workspace[name]
    const found = [
      ...problemsForRepeats(
        records.map((r) => r.id),
        name,
        '.id',
        'id',
      ),
      ...own[name],
    ]
    if (name === 'bookingPages' || name === 'masterPages') {
      const slugs = workspace[name].map((r) => r.slug)
      found.push(...problemsForRepeats(slugs, name, '.slug', 'slug'))
    }
    if (name === 'masterPages') found.push(...slugClashes(workspace))
    problems.push(...found.toSorted((a, b) => recordIndex(a.path) - recordIndex(b.path)))
  }
  return problems
}

/**
 * Master pages whose slug a booking page already uses: both are public pages at `/book/{slug}`
 * (api.md v1.1), so a slug names one page of either kind.
 */
function slugClashes(workspace: Workspace): WorkspaceProblem[] {
  const bookingPageSlugs = new Map(workspace.bookingPages.map((page, i) => [page.slug, i]))
  return workspace.masterPages.flatMap((page, i) => {
    const clash = bookingPageSlugs.get(page.slug)
    if (clash === undefined) return []
    const message = `slug ${JSON.stringify(page.slug)} is already the link of bookingPages.${clash}`
    return [{ path: `masterPages.${i}.slug`, message }]
  })
}

/** The record index in a path like `members.2.weeklyHours.tue.1` (2). */
function recordIndex(path: string): number {
  return Number(path.split('.')[1] ?? 0)
}
