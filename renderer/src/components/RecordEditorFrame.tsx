import type { FormEvent, ReactNode } from 'react'
import type { FormProblems } from '../forms/form-problems'
import { AppDialog } from '../ui/AppDialog'
import { ProblemsSummary } from '../ui/ProblemsSummary'

export interface RecordEditorFrameProps {
  readonly title: string
  readonly problems: FormProblems
  /** A problem's path in words ("Monday, hours 2"). */
  readonly where: (path: string) => string
  readonly onSave: () => void
  readonly onCancel: () => void
  /** Present when the record exists and may be deleted. */
  readonly onDelete?: (() => void) | undefined
  /** Said just above the buttons (what saving would do that the fields do not show). */
  readonly notice?: ReactNode
  readonly children: ReactNode
}

/**
 * The common frame of the setup editors, in a dialog: title, every problem at once (each also
 * beside its field), the fields, save / cancel / delete.
 */
export function RecordEditorFrame(props: RecordEditorFrameProps) {
  const { title, problems, where, onSave, onCancel, onDelete, notice, children } = props
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSave()
  }
  return (
    <AppDialog title={title} size="large" onClose={onCancel}>
      <form className="editor" onSubmit={submit} aria-label={title} noValidate>
        <ProblemsSummary problems={problems} where={where} />
        {children}
        {notice}
        <div className="actions">
          <button type="submit" className="btn btn-primary">
            Save
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          {onDelete ? (
            <button type="button" className="btn btn-danger" onClick={onDelete}>
              Delete
            </button>
          ) : null}
        </div>
      </form>
    </AppDialog>
  )
}
