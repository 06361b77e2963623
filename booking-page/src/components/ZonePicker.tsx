import { useCombobox } from 'downshift'
import type { ChangeEvent } from 'react'
import { useMemo, useState } from 'react'
import type { ZoneOption } from '../format/zones'
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
 * The zone search, a WAI-ARIA combobox (Downshift's `useCombobox`: the listbox, active option and
 * keyboard as the pattern says): type a city, region or offset ("berlin", "gmt+1"), pick with
 * the arrow keys and Enter; Escape closes. Loaded on demand (its own chunk).
 */
export default function ZonePicker({ zone, onChange, onClose }: ZonePickerProps) {
  const { t } = useI18n()
  const [now] = useState(() => Date.now())
  const options = useMemo(() => zoneOptions(knownZones(zone), zone, now), [zone, now])
  const [query, setQuery] = useState('')
  const shown = useMemo(() => zoneFilter(options, query).slice(0, MAX_SHOWN), [options, query])
  const combobox = useCombobox<ZoneOption>({
    items: [...shown],
    inputValue: query,
    initialIsOpen: true,
    itemToString: (option) => option?.label ?? '',
    onInputValueChange: ({ inputValue }) => setQuery(inputValue ?? ''),
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onChange(selectedItem.id)
    },
    onIsOpenChange: ({ isOpen, selectedItem }) => {
      if (!isOpen && !selectedItem) onClose()
    },
  })
  return (
    <div className="zone-picker">
      <label {...combobox.getLabelProps()}>{t('zone.label')}</label>
      <input
        {...combobox.getInputProps({
          placeholder: t('zone.search'),
          // Set at once, not from Downshift's after-render callback: Preact runs those after
          // paint, and a fast typist's next key would meet the previous value.
          onChange: (event: ChangeEvent<HTMLInputElement>) => setQuery(event.currentTarget.value),
        })}
        // The picker opens on request: typing starts at once.
        autoFocus
      />
      <ul {...combobox.getMenuProps()} className="zone-options">
        {combobox.isOpen
          ? shown.map((option, index) => (
              <li
                key={option.id}
                className="zone-option"
                data-active={combobox.highlightedIndex === index ? '' : undefined}
                {...combobox.getItemProps({ item: option, index })}
              >
                {option.label}
              </li>
            ))
          : null}
        {combobox.isOpen && shown.length === 0 ? (
          <li className="muted" aria-disabled="true">
            {t('zone.noMatch')}
          </li>
        ) : null}
      </ul>
      <button type="button" className="link-button" onClick={onClose}>
        {t('zone.done')}
      </button>
    </div>
  )
}
