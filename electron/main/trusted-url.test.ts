import { describe, expect, it } from 'vitest'
import { canNavigate, canOpenExternally, isValidServerUrl } from './trusted-url'

describe('canNavigate', () => {
  it.each([
    ['http://localhost:5173/#/team', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['https://evil.example/', 'http://localhost:5173', false],
    ['teamslot://app/index.html', 'teamslot://app', true],
    ['teamslot://evil/index.html', 'teamslot://app', false],
    ['file:///app/index.html', 'teamslot://app', false],
    ['file:///etc/passwd', 'http://localhost:5173', false],
    ['https://evil.example/', 'teamslot://app', false],
    ['not a url', 'teamslot://app', false],
    ['javascript:alert(1)', 'teamslot://app', false],
  ])('%s from origin %s → %s', (url, origin, expected) => {
    expect(canNavigate(url, origin)).toBe(expected)
  })
})

describe('canOpenExternally', () => {
  it.each([
    ['https://teamslot.example/help', true],
    ['http://teamslot.example/', false],
    ['https://user:pw@teamslot.example/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://share/x', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(canOpenExternally(url)).toBe(expected)
  })
})

describe('isValidServerUrl', () => {
  it.each([
    ['https://sync.teamslot.example', true],
    ['http://127.0.0.1:4400', true],
    ['http://localhost:4400', true],
    ['http://sync.teamslot.example', false],
    ['ftp://sync.teamslot.example', false],
    ['https://a:b@sync.teamslot.example', false],
    ['sync.teamslot.example', false],
  ])('%s → %s', (url, expected) => {
    expect(isValidServerUrl(url)).toBe(expected)
  })
})
