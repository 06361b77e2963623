import { useId } from 'react'
import { FieldError } from './FieldError'

export interface TextInputProps {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly problems?: readonly string[]
  readonly type?: 'text' | 'email' | 'number' | 'url'
  readonly help?: string
  readonly min?: number
  readonly maxLength?: number
  readonly placeholder?: string
}

/** A labelled text input with its help text and core's problems for it beneath. */
export function TextInput(props: TextInputProps) {
  const { label, value, onChange, problems = [], type = 'text', help } = props
  const id = useId()
  const invalid = problems.length > 0
  return (
    <div className={`field ${invalid ? 'is-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        min={props.min}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : help ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {help ? (
        <span className="field-help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
      <FieldError messages={problems} id={`${id}-error`} />
    </div>
  )
}
