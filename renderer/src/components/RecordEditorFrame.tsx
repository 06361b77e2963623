import type { FormEvent, ReactNode } from 'react'

export interface RecordEditorFrameProps {
  readonly title: string
  readonly problems: readonly string[]
  readonly onSave: () => void
  readonly onCancel: () => void
  /** Present when the record exists and may be deleted. */
  readonly onDelete?: (() => void) | undefined
  readonly children: ReactNode
}

/** The common frame of the setup editors: title, fields, problems, save / cancel / delete. */
export function RecordEditorFrame({
  title,
  problems,
  onSave,
  onCancel,
  onDelete,
  children,
}: RecordEditorFrameProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSave()
  }
  return (
    <form className="editor" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      {children}
      {problems.length > 0 ? (
        <ul role="alert" className="problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <button type="submit">Save</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {onDelete ? (
          <button type="button" className="danger" onClick={onDelete}>
            Delete
          </button>
        ) : null}
      </div>
    </form>
  )
}
