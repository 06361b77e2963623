import { createReadStream } from 'node:fs'
import { RECORD_SHAPES } from '../../../core/src/schema/records'
import { shapeParse } from '../../../core/src/schema/shape'
import type { WorkspaceProblem } from '../../../core/src/validation'
import type { BookingService } from '../booking-service'
import { HttpError } from '../http/errors'
import type { ServerDatabase } from '../database'
import type { BookingIdPage } from '../workspace-store'
import type { SqliteDriverChoice } from '../storage'
import { importApply } from './import-apply'
import type { ImportApplyProgress } from './import-apply'
import {
  ImportStaging,
  importStagingDelete,
  importStagingIsMarked,
  importStagingLeftovers,
} from './import-staging'
import type { StagingApplying } from './import-staging'
import { ImportProblems, importBookingsValidate, importSetupCheck } from './import-validate'
import { jsonGuardCreate } from './json-guard'
import { workspaceBodyRead } from './workspace-body'

/** What happens during an import, reported to an optional observer (tests, logs). */
export type WorkspaceImportEvent =
  /** After each chunk of the body: distinct bookings staged so far. */
  | { readonly phase: 'receiving'; readonly staged: number }
  /** After each page of staged bookings checked against the setup. */
  | { readonly phase: 'validating'; readonly checked: number }
  /** The body was valid; the import is about to be marked and applied. */
  | { readonly phase: 'validated'; readonly bookings: number }
  /** After each chunk written while applying (see importApply). */
  | ({ readonly phase: 'applying' } & ImportApplyProgress)
  /** The apply finished and its staging file is gone. */
  | { readonly phase: 'applied' }

/** An observer of {@link WorkspaceImportEvent}s; the import waits for what it returns. */
export type WorkspaceImportObserver = (event: WorkspaceImportEvent) => Promise<void> | void

/** The outcome of an import: applied, or refused with nothing changed. */
export type WorkspaceImportOutcome =
  | { readonly ok: true; readonly bookings: number }
  | {
      readonly ok: false
      /** The first problems (at most MAX_LISTED_PROBLEMS), each with its path. */
      readonly problems: readonly WorkspaceProblem[]
      /** How many more problems there are. */
      readonly problemsNotShown: number
    }

export interface WorkspaceImporterDeps {
  readonly db: ServerDatabase
  /** Booking writes wait while an import is applied (`BookingService.exclusive`). */
  readonly service: Pick<BookingService, 'exclusive'>
  /** Pages of stored booking ids (`bookingIdPages`), for deleting what an import lacks. */
  readonly bookingIds: BookingIdPage
  /** The server's data folder (where the store is): staging files live there. */
  readonly directory: string
  /** SQLite driver of the staging files (default: the storage's default for this runtime). */
  readonly driver?: SqliteDriverChoice
  /** `updatedAt` of the documents an import writes (ISO instant). */
  readonly nowIso: () => string
  readonly observer?: WorkspaceImportObserver
}

/**
 * The workspace import: streams a body in, validates it, and replaces the stored workspace with
 * it, crash-safely.
 *
 * - **Receiving** (`importText`): the body is parsed as it arrives (`workspaceBodyRead`); each
 *   booking is shape-parsed at once with core's booking shape and written to a staging table (a
 *   temporary SQLite file in the data folder, id as primary key). The setup is assembled in memory.
 * - **Validating**: at the body's end, the setup with core's `workspaceParse` (bookings left out),
 *   then each staged booking with core's `recordParse(setup, 'bookings', …)`, plus repeated ids.
 *   Any problem: refused, the staging file deleted, nothing changed.
 * - **Applying**, alone in the booking queue (`BookingService.exclusive`): a marker and the setup
 *   are written durably to the staging file first, then `importApply` writes in chunks, then the
 *   staging file (with its marker) is deleted. After a crash, {@link recover} (on start, before
 *   serving) finishes every marked apply from its staging file, so the store never stays a mix of
 *   the old and the imported workspace; unmarked leftovers (a crash while receiving) are deleted.
 */
export class WorkspaceImporter {
  /** Marked staging files of applies that failed in this process (superseded by the next one). */
  private failedApplies: string[] = []

  constructor(private readonly deps: WorkspaceImporterDeps) {}

  /** Imports a workspace JSON text arriving in chunks (see the class comment). */
  async importText(text: AsyncIterable<string>): Promise<WorkspaceImportOutcome> {
    const { deps } = this
    const staging = await ImportStaging.create(deps.directory, deps.driver)
    let isMarked = false
    try {
      const bookingShapeProblems = new ImportProblems()
      const body = await workspaceBodyRead(
        text,
        (value, index) => {
          const parsed = shapeParse(RECORD_SHAPES.bookings, value, `bookings.${index}`)
          if (!parsed.ok) {
            bookingShapeProblems.addAll(parsed.problems)
            return
          }
          // Once a shape problem is found nothing will be applied: only keep counting.
          if (bookingShapeProblems.isEmpty) staging.add(index, parsed.value.id, parsed.value)
        },
        () => deps.observer?.({ phase: 'receiving', staged: staging.count }),
      )
      staging.commit()
      const problems = new ImportProblems()
      problems.addAll(body.problems)
      const setup = importSetupCheck(body.setup)
      // Like workspaceParse on the whole workspace: shape problems first and alone.
      if (!setup.ok && setup.isShapeProblem) problems.addAll(setup.problems)
      if ((!setup.ok && setup.isShapeProblem) || !bookingShapeProblems.isEmpty) {
        problems.append(bookingShapeProblems)
        return refused(problems)
      }
      if (!setup.ok) problems.addAll(setup.problems)
      await importBookingsValidate(staging, setup.workspace, problems, (checked) =>
        deps.observer?.({ phase: 'validating', checked }),
      )
      if (!problems.isEmpty) return refused(problems)
      await deps.observer?.({ phase: 'validated', bookings: staging.count })
      await deps.service.exclusive(async () => {
        const marker = staging.markApplying(JSON.stringify(setup.workspace), deps.nowIso())
        isMarked = true
        // An apply that failed earlier left its marker; this import replaces it.
        for (const path of this.failedApplies) importStagingDelete(path)
        this.failedApplies = []
        await importApply(deps.db, deps.bookingIds, staging, marker, (event) =>
          deps.observer?.({ phase: 'applying', ...event }),
        )
      })
      staging.remove()
      await deps.observer?.({ phase: 'applied' })
      return { ok: true, bookings: staging.count }
    } catch (error) {
      // Marked but failed: the store may be a mix; the marker stays, so the next start (or the
      // next import) settles it.
      if (isMarked) {
        staging.close()
        this.failedApplies.push(staging.path)
      }
      throw error
    } finally {
      if (!isMarked) staging.remove()
    }
  }

  /** Imports a workspace JSON file, read as a stream (`--seed`). */
  importFile(path: string): Promise<WorkspaceImportOutcome> {
    return this.importText(fileText(path))
  }

  /**
   * On start, before serving: finishes every import whose apply was interrupted (a marked
   * staging file, oldest mark first, so the last import wins) and deletes staging files without a
   * marker (a crash while receiving or validating: nothing had changed). Returns how many applies
   * it finished.
   */
  async recover(): Promise<number> {
    const { deps } = this
    const marked: { staging: ImportStaging; marker: StagingApplying }[] = []
    for (const path of importStagingLeftovers(deps.directory)) {
      // Unmarked: a crash while receiving or validating, nothing had changed. Never opened: such a
      // file was written without a journal on disk and may be corrupt.
      if (!importStagingIsMarked(path)) {
        importStagingDelete(path)
        continue
      }
      const staging = await ImportStaging.open(path, deps.driver)
      const marker = staging.applying()
      if (marker) marked.push({ staging, marker })
    }
    marked.sort((a, b) => a.marker.markedAt.localeCompare(b.marker.markedAt))
    for (const { staging, marker } of marked) {
      await deps.service.exclusive(() =>
        importApply(deps.db, deps.bookingIds, staging, marker, (event) =>
          deps.observer?.({ phase: 'applying', ...event }),
        ),
      )
      staging.remove()
      await deps.observer?.({ phase: 'applied' })
    }
    return marked.length
  }
}

function refused(problems: ImportProblems): WorkspaceImportOutcome {
  return { ok: false, problems: problems.listed, problemsNotShown: problems.unlisted }
}

/** A file's text in chunks as it is read, through the same byte guard as request bodies. */
async function* fileText(path: string): AsyncGenerator<string> {
  const guard = jsonGuardCreate()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()
    } catch {
      throw new HttpError('invalid-request', 'the workspace is not valid UTF-8')
    }
  }
  for await (const chunk of createReadStream(path)) {
    guard.check(chunk as Buffer)
    yield decode(chunk as Buffer)
  }
  yield decode()
}
