import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, settingsLoad, settingsParse, settingsSave } from './settings'

describe('settingsParse', () => {
  it('treats an empty server URL as "use the embedded server"', () => {
    expect(settingsParse({ remoteServerUrl: '', remoteAdminToken: 'x' })).toEqual({
      ok: true,
      settings: DEFAULT_SETTINGS,
    })
  })
  it('accepts an https server with a token and trims trailing slashes', () => {
    expect(
      settingsParse({ remoteServerUrl: 'https://sync.example/', remoteAdminToken: 'secret-token' }),
    ).toEqual({
      ok: true,
      settings: { remoteServerUrl: 'https://sync.example', remoteAdminToken: 'secret-token' },
    })
  })
  it.each([
    [null, 'settings must be an object'],
    [
      { remoteServerUrl: 'http://sync.example', remoteAdminToken: 'secret-token' },
      'server URL must be https://',
    ],
    [{ remoteServerUrl: 'https://sync.example', remoteAdminToken: 'short' }, 'admin token'],
    [{ remoteServerUrl: 42, remoteAdminToken: 'secret-token' }, 'server URL'],
  ])('refuses %j', (input, message) => {
    const result = settingsParse(input)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.message).toContain(message)
  })
})

describe('settingsLoad and settingsSave', () => {
  it('round-trips settings through a file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ts-settings-')), 'settings.json')
    const settings = { remoteServerUrl: 'https://sync.example', remoteAdminToken: 'secret-token' }
    settingsSave(file, settings)
    expect(settingsLoad(file)).toEqual(settings)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(settings)
  })
  it('falls back to defaults for a missing or damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ts-settings-'))
    expect(settingsLoad(join(dir, 'missing.json'))).toEqual(DEFAULT_SETTINGS)
    writeFileSync(join(dir, 'bad.json'), '{not json')
    expect(settingsLoad(join(dir, 'bad.json'))).toEqual(DEFAULT_SETTINGS)
  })
})
