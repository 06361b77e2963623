import { useEffect, useRef, useState } from 'react'
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
 * What a form's fields hold, in order (read-only ones left out: links shown to copy): a field
 * typed in, ticked, added, removed or moved changes it.
 */
export function formFieldsSnapshot(form: HTMLFormElement): string {
  const values: string[] = []
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLInputElement) {
      if (element.readOnly || element.type === 'button' || element.type === 'submit') continue
      values.push(
        element.type === 'checkbox' || element.type === 'radio'
          ? String(element.checked)
          : element.value,
      )
    } else if (element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) {
      if (element instanceof HTMLTextAreaElement && element.readOnly) continue
      values.push(element.value)
    }
  }
  return JSON.stringify(values)
}

/**
 * The common frame of the setup editors, in a dialog: title, every problem at once (each also
 * beside its field), the fields, save / cancel / delete. Closing it (Cancel, Escape, Close or a
 * click outside) after something was changed asks first, the focus on "Keep editing": Escape
 * discarded a question half typed without a word.
 */
export function RecordEditorFrame(props: RecordEditorFrameProps) {
  const { title, problems, where, onSave, onCancel, onDelete, notice, children } = props
  const formRef = useRef<HTMLFormElement>(null)
  const keepRef = useRef<HTMLButtonElement>(null)
  /** The fields as they opened (read once they are drawn). */
  const opened = useRef<string | null>(null)
  const [isAsking, setIsAsking] = useState(false)
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (formRef.current) opened.current = formFieldsSnapshot(formRef.current)
    })
    return () => cancelAnimationFrame(frame)
  }, [])
  useEffect(() => {
    if (isAsking) keepRef.current?.focus()
  }, [isAsking])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSave()
  }
  const requestClose = () => {
    // Asked already: Escape (or Close) again means "not now", the safe answer.
    if (isAsking) {
      setIsAsking(false)
      return
    }
    const form = formRef.current
    const isChanged =
      form !== null && opened.current !== null && formFieldsSnapshot(form) !== opened.current
    if (isChanged) setIsAsking(true)
    else onCancel()
  }
  return (
    <AppDialog title={title} size="large" onClose={requestClose}>
      <form className="editor" onSubmit={submit} aria-label={title} noValidate ref={formRef}>
        <ProblemsSummary problems={problems} where={where} />
        {children}
        {notice}
        {isAsking ? (
          <div className="card stack" role="alert">
            <p>Close without saving? What was changed here would be lost.</p>
            <div className="actions">
              <button
                type="button"
                className="btn btn-primary"
                ref={keepRef}
                onClick={() => setIsAsking(false)}
              >
                Keep editing
              </button>
              <button type="button" className="btn btn-danger" onClick={onCancel}>
                Discard changes
              </button>
            </div>
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="btn btn-primary">
            Save
          </button>
          <button type="button" className="btn" onClick={requestClose}>
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
