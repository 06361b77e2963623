import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { DesktopSettings } from '../shared/ipc-contract'
import { isValidServerUrl } from './trusted-url'

export const DEFAULT_SETTINGS: DesktopSettings = { remoteServerUrl: null, remoteAdminToken: null }

/**
 * Validates untrusted settings (from the renderer or a hand-edited file). Returns the settings or
 * a message naming what is wrong.
 */
export function settingsParse(
  input: unknown,
): { ok: true; settings: DesktopSettings } | { ok: false; message: string } {
  if (typeof input !== 'object' || input === null)
    return { ok: false, message: 'settings must be an object' }
  const { remoteServerUrl, remoteAdminToken } = input as Record<string, unknown>
  if (remoteServerUrl === null || remoteServerUrl === undefined || remoteServerUrl === '') {
    return { ok: true, settings: DEFAULT_SETTINGS }
  }
  if (typeof remoteServerUrl !== 'string' || !isValidServerUrl(remoteServerUrl)) {
    return { ok: false, message: 'server URL must be https:// (or http:// to this machine)' }
  }
  if (
    typeof remoteAdminToken !== 'string' ||
    remoteAdminToken.length < 8 ||
    remoteAdminToken.length > 500
  ) {
    return { ok: false, message: 'a remote server needs its admin token (8–500 characters)' }
  }
  return {
    ok: true,
    settings: { remoteServerUrl: remoteServerUrl.replace(/\/+$/, ''), remoteAdminToken },
  }
}

/** Reads settings from `file`; a missing or damaged file gives the defaults. */
export function settingsLoad(file: string): DesktopSettings {
  if (!existsSync(file)) return DEFAULT_SETTINGS
  try {
    const parsed = settingsParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.ok ? parsed.settings : DEFAULT_SETTINGS
  } catch {
    return DEFAULT_SETTINGS
  }
}

/** Writes settings atomically (temp file + rename), so a crash never leaves half a file. */
export function settingsSave(file: string, settings: DesktopSettings): void {
  const temp = `${file}.tmp`
  writeFileSync(temp, JSON.stringify(settings, null, 2), { mode: 0o600 })
  renameSync(temp, file)
}
