/**
 * The page's languages: English, German, French and Spanish. The language comes from the
 * browser (`navigator.languages`, first supported), a `?lang=` parameter, or the customer's own
 * choice on the page (remembered in localStorage); dates, times and zones are formatted by
 * `Intl` in that language (with the browser's region when it speaks the same language:
 * `en-GB` dates for an English page in Britain).
 */
import { IntlMessageFormat } from 'intl-messageformat'
import { en } from './messages/en'
import type { MessageKey, Messages } from './messages/en'

export const LANGUAGES = ['en', 'de', 'fr', 'es'] as const
export type Language = (typeof LANGUAGES)[number]

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
}

/** English ships with the page; the others are loaded when chosen. */
const LOADERS: Readonly<Record<Language, () => Promise<Messages>>> = {
  en: () => Promise.resolve(en),
  de: () => import('./messages/de').then((m) => m.de),
  fr: () => import('./messages/fr').then((m) => m.fr),
  es: () => import('./messages/es').then((m) => m.es),
}

/** True for a supported language code. */
export function languageIsSupported(code: string | null | undefined): code is Language {
  return (LANGUAGES as readonly string[]).includes(code ?? '')
}

/** The base language of a BCP 47 tag (`de-AT` → `de`). */
function baseOf(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? ''
}

/**
 * The page's language: `asked` (`?lang=`) when supported, else `remembered` (the customer's
 * earlier choice), else the first of `preferred` (`navigator.languages`) whose base language is
 * supported, else English.
 */
export function languageChoose(
  preferred: readonly string[],
  remembered: string | null,
  asked: string | null,
): Language {
  if (languageIsSupported(asked)) return asked
  if (languageIsSupported(remembered)) return remembered
  const found = preferred.map(baseOf).find(languageIsSupported)
  return found ?? 'en'
}

/**
 * The locale for `Intl` in `language`: the first preferred tag of that language (keeps the
 * region: `en-GB`, `es-MX`), else the language itself.
 */
export function formatLocale(language: Language, preferred: readonly string[]): string {
  const tag = preferred.find((candidate) => baseOf(candidate) === language)
  try {
    return tag ? (Intl.getCanonicalLocales(tag)[0] ?? language) : language
  } catch {
    return language
  }
}

/** Formats one message: `t('event.minutes', { count: 30 })`. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

/** A translator for `messages` in `locale` (each message parsed once). */
export function translator(messages: Messages, locale: string): Translate {
  const compiled = new Map<MessageKey, IntlMessageFormat>()
  return (key, values) => {
    let format = compiled.get(key)
    if (!format) {
      format = new IntlMessageFormat(messages[key], locale)
      compiled.set(key, format)
    }
    return String(format.format(values))
  }
}

/** The catalog of `language`. */
export function messagesLoad(language: Language): Promise<Messages> {
  return LOADERS[language]()
}
