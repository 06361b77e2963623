import { useMemo, useState } from 'react'
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components'
import { knownZones, zoneFilter, zoneOptions } from '../format/zones'
import { useI18n } from '../i18n/i18n-context'

export interface ZonePickerProps {
  readonly zone: string
  onChange(zone: string): void
  onClose(): void
}

/** Shown at most: the search narrows 400-odd zones quickly; nobody scrolls through them all. */
const MAX_SHOWN = 60

/**
 * The zone search (React Aria's ComboBox): type a city, region or offset ("berlin", "gmt+1"),
 * pick with the arrow keys and Enter. Loaded on demand (its own chunk).
 */
export default function ZonePicker({ zone, onChange, onClose }: ZonePickerProps) {
  const { t } = useI18n()
  const [now] = useState(() => Date.now())
  const options = useMemo(() => zoneOptions(knownZones(zone), zone, now), [zone, now])
  const [query, setQuery] = useState('')
  const shown = useMemo(() => zoneFilter(options, query).slice(0, MAX_SHOWN), [options, query])
  return (
    <div className="zone-picker">
      <ComboBox
        autoFocus
        menuTrigger="focus"
        inputValue={query}
        onInputChange={setQuery}
        items={shown}
        onSelectionChange={(key) => {
          if (typeof key === 'string') onChange(key)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query === '') onClose()
        }}
      >
        <Label>{t('zone.label')}</Label>
        <Input placeholder={t('zone.search')} />
        <Popover className="zone-popover">
          <ListBox renderEmptyState={() => <p className="muted">{t('zone.noMatch')}</p>}>
            {(option: (typeof shown)[number]) => (
              <ListBoxItem id={option.id} textValue={option.label}>
                {option.label}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <button type="button" className="link-button" onClick={onClose}>
        {t('zone.done')}
      </button>
    </div>
  )
}
