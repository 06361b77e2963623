import { FieldError } from './FieldError'

export interface ChecklistFieldProps {
  readonly legend: string
  readonly options: readonly { readonly id: string; readonly label: string }[]
  readonly selected: readonly string[]
  /** The new selection, in the options' order. */
  readonly onChange: (selected: readonly string[]) => void
  readonly problems?: readonly string[]
}

/** Pick several records by name (event types on a page, booking pages for customer choice). */
export function ChecklistField({
  legend,
  options,
  selected,
  onChange,
  problems = [],
}: ChecklistFieldProps) {
  const chosen = new Set(selected)
  return (
    <fieldset className={problems.length > 0 ? 'is-invalid' : undefined}>
      <legend>{legend}</legend>
      {options.length === 0 ? <span className="muted small">Nothing to choose yet.</span> : null}
      <div className="actions">
        {options.map((option) => (
          <label key={option.id} className="check">
            <input
              type="checkbox"
              checked={chosen.has(option.id)}
              onChange={(e) => {
                const next = new Set(chosen)
                if (e.target.checked) next.add(option.id)
                else next.delete(option.id)
                onChange(options.map((o) => o.id).filter((id) => next.has(id)))
              }}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError messages={problems} />
    </fieldset>
  )
}
