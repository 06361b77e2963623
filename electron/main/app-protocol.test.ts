import { describe, expect, it } from 'vitest'
import { appFilePath } from './app-protocol'

describe('appFilePath', () => {
  it.each([
    ['teamslot://app/index.html', '/srv/renderer/index.html'],
    ['teamslot://app/', '/srv/renderer/index.html'],
    ['teamslot://app/assets/index-1.js', '/srv/renderer/assets/index-1.js'],
    ['teamslot://app/assets/a%20b.css', '/srv/renderer/assets/a b.css'],
    ['teamslot://app/../secret', '/srv/renderer/secret'],
    ['teamslot://app/%2e%2e/%2e%2e/etc/passwd', '/srv/renderer/etc/passwd'],
    ['teamslot://app/..%2f..%2fetc/passwd', null],
    ['teamslot://other/index.html', null],
    ['https://app/index.html', null],
    ['teamslot://app/%00.js', null],
    ['teamslot://app/%E0%A4%A', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(appFilePath('/srv/renderer', url)).toBe(expected)
  })
})
