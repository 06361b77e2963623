import { LANGUAGE_NAMES, LANGUAGES, languageIsSupported } from '../i18n/i18n'
import { useI18n } from '../i18n/i18n-context'

/** The language switch: a plain select (the page remembers the choice). */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n()
  return (
    <label className="language">
      <span>{t('page.language')}</span>
      <select
        value={language}
        onChange={(event) => {
          const next = event.currentTarget.value
          if (languageIsSupported(next)) setLanguage(next)
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  )
}
