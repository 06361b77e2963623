import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { zoneLabel } from '../format/datetime'
import { useI18n } from '../i18n/i18n-context'

/** The searchable picker (React Aria's ComboBox) is loaded only when asked for. */
const ZonePicker = lazy(() => import('./ZonePicker'))

export interface ZoneBarProps {
  readonly zone: string
  onZoneChange(zone: string): void
  /** Takes the focus when it appears (the zone was just picked here, and the page redrew). */
  readonly isFocused?: boolean
}

/** "Times are shown in New York (GMT-5)" and a button that opens the zone search. */
export function ZoneBar({ zone, onZoneChange, isFocused = false }: ZoneBarProps) {
  const { t, locale } = useI18n()
  const [isOpen, setOpen] = useState(false)
  // The offset shown is today's (a page is not open across a DST change for long).
  const [now] = useState(() => Date.now())
  // Closing the picker (a zone picked, Escape, Done) gives the focus back to the button that
  // opened it: the picker is gone, and the focus must not fall to the page.
  const changeButton = useRef<HTMLButtonElement>(null)
  const wasOpen = useRef(false)
  useEffect(() => {
    if (isFocused) changeButton.current?.focus()
    // Only when it appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useEffect(() => {
    if (wasOpen.current && !isOpen) changeButton.current?.focus()
    wasOpen.current = isOpen
  }, [isOpen])
  return (
    <div className="zone-bar">
      <p>{t('zone.shownIn', { zone: zoneLabel(zone, now, locale) })}</p>
      {isOpen ? (
        <Suspense fallback={<p className="muted">{t('page.loading')}</p>}>
          <ZonePicker
            zone={zone}
            onChange={(next) => {
              onZoneChange(next)
              setOpen(false)
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : (
        <button
          ref={changeButton}
          type="button"
          className="link-button"
          onClick={() => setOpen(true)}
        >
          {t('zone.change')}
        </button>
      )}
    </div>
  )
}
