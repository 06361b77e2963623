import { useMemo } from 'react'
import type { FocusEvent, KeyboardEvent } from 'react'
import {
  Button,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components'
import { textFold, zoneSearchMatches } from '../../../core/src/time/zone-search'
import { zoneOptions } from '../forms/zone-options'
import { clockNow } from '../clock'

export interface ZonePickerProps {
  readonly label: string
  readonly value: string
  readonly onChange: (zone: string) => void
  readonly problems?: readonly string[]
  readonly description?: string
}

/**
 * A time zone, searched by city or region and listed with its current UTC offset (React Aria's
 * combo box: type to filter, arrows to move, Enter to pick). Only real zones can be chosen. What
 * was typed and matches exactly one zone ("kolkata", "London") is that zone on Enter and when
 * the field is left: React Aria alone would put the previous zone back on leaving, silently.
 */
export function ZonePicker({
  label,
  value,
  onChange,
  problems = [],
  description,
}: ZonePickerProps) {
  const options = useMemo(() => zoneOptions(clockNow(), [value]), [value])
  // Found by core's zone search (names, cities, "Eastern", "Mumbai"; accents and case ignored),
  // the list and the single-match rule alike.
  const searchOf = useMemo(
    () => new Map(options.map((option) => [option.label, option.search])),
    [options],
  )
  const isFound = (label: string, typed: string) =>
    zoneSearchMatches(searchOf.get(label) ?? textFold(label), typed)
  const onlyMatch = (typed: string): string | null => {
    const text = typed.trim()
    if (text === '') return null
    const matches = options.filter((option) => isFound(option.label, text))
    return matches.length === 1 ? matches[0]!.id : null
  }
  const takeOnlyMatch = (event: KeyboardEvent<HTMLInputElement> | FocusEvent<HTMLInputElement>) => {
    const key = event.type === 'keydown' ? (event as KeyboardEvent).key : null
    if (key !== null && key !== 'Enter' && key !== 'Tab') return
    const zone = onlyMatch(event.currentTarget.value)
    if (zone !== null && zone !== value) onChange(zone)
  }
  return (
    <ComboBox
      className={`combo ${problems.length > 0 ? 'is-invalid' : ''}`}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      defaultItems={options}
      defaultFilter={isFound}
      menuTrigger="focus"
      isInvalid={problems.length > 0}
    >
      <Label className="field-label">{label}</Label>
      <div className="combo-input">
        <Input onKeyDown={takeOnlyMatch} onBlur={takeOnlyMatch} />
        <Button className="btn" aria-label={`Show ${label.toLowerCase()} list`}>
          ▾
        </Button>
      </div>
      {description ? (
        <Text slot="description" className="field-help">
          {description}
        </Text>
      ) : null}
      {problems.length > 0 ? (
        <Text slot="errorMessage" className="field-error">
          {problems.join(' ')}
        </Text>
      ) : null}
      <Popover className="popover">
        <ListBox className="listbox">
          {(item: { id: string; label: string }) => (
            <ListBoxItem id={item.id} textValue={item.label} className="option">
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  )
}
