/**
 * The public booking page's entry: reads the address, picks the language, mounts the app.
 * Written against React's API, bundled with Preact (`vite.config.ts`).
 */
import './preact-events'
import { createRoot } from 'react-dom/client'
import { App } from './components/App'
import { languageChoose, messagesLoad } from './i18n/i18n'
import { routeParse } from './route'
import { rememberedLanguage } from './storage'
import './styles.css'

/**
 * React Aria's press handling adds a `<style id="react-aria-pressable-style">` unless an element
 * with that id exists; the page's CSP forbids inline styles, so `styles.css` carries its rule and
 * an empty marker stands in for the element.
 */
function pressableStyleMark(): void {
  const marker = document.createElement('template')
  marker.id = 'react-aria-pressable-style'
  document.head.append(marker)
}

async function start(): Promise<void> {
  pressableStyleMark()
  const root = document.getElementById('app')
  if (!root) return
  const params = new URLSearchParams(window.location.search)
  const isEmbedded = params.get('embed') === '1'
  if (isEmbedded) document.documentElement.classList.add('embedded')
  const language = languageChoose(navigator.languages, rememberedLanguage(), params.get('lang'))
  const messages = await messagesLoad(language)
  createRoot(root).render(
    <App
      route={routeParse(window.location.pathname, window.location.hash)}
      initialLanguage={language}
      initialMessages={messages}
      search={window.location.search}
      isEmbedded={isEmbedded}
    />,
  )
}

void start()
