import { createContext, useContext } from 'react'
import type { Language, Translate } from './i18n'

/** The page's language, its `Intl` locale, the translator, and a way to switch language. */
export interface I18n {
  readonly language: Language
  readonly locale: string
  readonly t: Translate
  setLanguage(language: Language): void
}

export const I18nContext = createContext<I18n | null>(null)

/** The page's I18n (inside `App`). */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n outside the I18nContext')
  return i18n
}
