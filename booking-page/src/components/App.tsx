import { useEffect, useMemo, useState } from 'react'
import type { Language } from '../i18n/i18n'
import { formatLocale, messagesLoad, translator } from '../i18n/i18n'
import type { I18n } from '../i18n/i18n-context'
import { I18nContext } from '../i18n/i18n-context'
import type { Messages } from '../i18n/messages/en'
import type { PageRoute } from '../route'
import { languageRemember } from '../storage'
import { BookFlow } from './BookFlow'
import { LanguageSwitch } from './LanguageSwitch'
import { ManageBooking } from './ManageBooking'

export interface AppProps {
  readonly route: PageRoute
  readonly initialLanguage: Language
  readonly initialMessages: Messages
  readonly search: string
  readonly isEmbedded: boolean
}

/** The page: language (switchable, remembered), then the booking flow or the manage page. */
export function App({ route, initialLanguage, initialMessages, search, isEmbedded }: AppProps) {
  const [language, setLanguageState] = useState(initialLanguage)
  const [messages, setMessages] = useState(initialMessages)
  const i18n = useMemo<I18n>(() => {
    const locale = formatLocale(language, navigator.languages)
    return {
      language,
      locale,
      t: translator(messages, locale),
      setLanguage(next) {
        languageRemember(next)
        void messagesLoad(next).then((loaded) => {
          setMessages(loaded)
          setLanguageState(next)
        })
      },
    }
  }, [language, messages])

  useEffect(() => {
    document.documentElement.lang = i18n.locale
  }, [i18n.locale])

  const body =
    route.kind === 'book' ? (
      <BookFlow slug={route.slug} search={search} isEmbedded={isEmbedded} />
    ) : route.kind === 'manage' ? (
      <ManageBooking slug={route.slug} id={route.id} token={route.token} />
    ) : (
      <p role="alert">{i18n.t('page.notFound')}</p>
    )
  return (
    <I18nContext.Provider value={i18n}>
      <div className="book">
        <div className="toolbar">
          <LanguageSwitch />
        </div>
        <main>{body}</main>
      </div>
    </I18nContext.Provider>
  )
}
