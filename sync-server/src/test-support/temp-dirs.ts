import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Temp folders made for the current test file (see `temp-dirs-setup.ts`). */
const MADE = new Set<string>()

/**
 * A fresh temp folder `<tmpdir>/<prefix>XXXXXX` that is removed after the current test file's
 * last test when the vitest setup file `temp-dirs-setup.ts` runs (not at once: a test may reopen
 * a store after closing it). Elsewhere (a child process a test starts) it stays, as before.
 */
export function tempDirMake(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  MADE.add(dir)
  return dir
}

/** Removes every folder {@link tempDirMake} made so far. */
export function tempDirsRemove(): void {
  for (const dir of MADE) rmSync(dir, { recursive: true, force: true })
  MADE.clear()
}
