/** The customer's language choice, kept in localStorage (absent where storage is blocked). */
const LANGUAGE_KEY = 'teamslot.book.language'

export function rememberedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY)
  } catch {
    return null
  }
}

export function languageRemember(language: string): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language)
  } catch {
    // Storage may be blocked (private mode, a third-party frame): the choice lasts this visit.
  }
}
