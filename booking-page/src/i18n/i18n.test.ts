import { describe, expect, it } from 'vitest'
import { de } from './messages/de'
import { en } from './messages/en'
import { es } from './messages/es'
import { fr } from './messages/fr'
import { formatLocale, languageChoose, LANGUAGES, messagesLoad, translator } from './i18n'

describe('languageChoose', () => {
  it.each([
    [['de-AT', 'en'], null, null, 'de'],
    [['pt-BR', 'fr-CA'], null, null, 'fr'],
    [['ja'], null, null, 'en'],
    [['de'], 'es', null, 'es'],
    [['de'], 'es', 'fr', 'fr'],
    [['de'], 'xx', 'yy', 'de'],
  ])('preferred %j, remembered %s, asked %s → %s', (preferred, remembered, asked, expected) => {
    expect(languageChoose(preferred, remembered, asked)).toBe(expected)
  })
})

describe('formatLocale', () => {
  it('keeps the browser’s region for the chosen language', () => {
    expect(formatLocale('en', ['en-GB', 'de'])).toBe('en-GB')
    expect(formatLocale('de', ['en-GB', 'de-CH'])).toBe('de-CH')
    expect(formatLocale('fr', ['en-GB'])).toBe('fr')
  })
})

describe('the catalogs', () => {
  it('have every English key in every language, each a different text where it is words', () => {
    for (const catalog of [de, fr, es]) {
      expect(Object.keys(catalog).toSorted()).toEqual(Object.keys(en).toSorted())
    }
    // A catalog copied from English would pass the key check: most texts must differ.
    for (const catalog of [de, fr, es]) {
      const same = Object.keys(en).filter(
        (key) => catalog[key as keyof typeof en] === en[key as keyof typeof en],
      )
      expect(same.length).toBeLessThan(5)
    }
  })

  it('are valid ICU messages that format with their placeholders in every language', async () => {
    const values = {
      name: 'Ana',
      time: '09:00',
      event: 'Intro',
      day: 'Monday',
      count: 2,
      start: '09:00',
      end: '09:30',
      duration: '30',
      zone: 'UTC',
      url: 'https://x.example',
      number: '+1',
      deadline: 'Monday',
      status: 500,
      now: 'Ben',
      before: 'Dev',
      email: 'lee@example.org',
    }
    for (const language of LANGUAGES) {
      const t = translator(await messagesLoad(language), language)
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(t(key, values)).not.toMatch(/[{}]/)
      }
    }
  })

  it('uses each language’s plural rules', async () => {
    const t = translator(await messagesLoad('fr'), 'fr')
    expect(t('event.minutes', { count: 1 })).toBe('1 minute')
    expect(t('event.minutes', { count: 45 })).toBe('45 minutes')
    const tDe = translator(de, 'de')
    expect(tDe('time.count', { count: 1, day: 'Montag' })).toBe('1 freie Zeit am Montag')
  })
})
