import { useId } from 'react'
import type { PickGroup } from '../forms/target-options'
import { FieldError } from './FieldError'

export interface PickFieldProps {
  readonly label: string
  readonly value: string
  readonly groups: readonly PickGroup[]
  readonly onChange: (value: string) => void
  readonly problems?: readonly string[]
  readonly placeholder?: string
}

/** Pick one record by name from grouped choices (pools, members' pages, panels…). */
export function PickField({
  label,
  value,
  groups,
  onChange,
  problems = [],
  placeholder = 'Choose…',
}: PickFieldProps) {
  const id = useId()
  return (
    <div className={`field ${problems.length > 0 ? 'is-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={problems.length > 0 || undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{placeholder}</option>
        {groups
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      <FieldError messages={problems} />
    </div>
  )
}
