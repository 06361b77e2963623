import { useLayoutEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'

export interface AppDialogProps {
  readonly title: string
  readonly onClose: () => void
  readonly children: ReactNode
  readonly size?: 'small' | 'medium' | 'large'
  /** A side panel (booking details) instead of a centred dialog. */
  readonly isSheet?: boolean
}

/**
 * The app's modal dialog (React Aria: focus trapped and restored, Escape and outside click close
 * it, the title names it for screen readers).
 */
export function AppDialog({ title, onClose, children, size = 'medium', isSheet }: AppDialogProps) {
  const closeRef = useRef(onClose)
  useLayoutEffect(() => {
    closeRef.current = onClose
  })
  useLayoutEffect(() => dialogOpened(() => closeRef.current()), [])
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(isOpen) => !isOpen && onClose()}
      className={isSheet ? 'modal-overlay sheet-overlay' : 'modal-overlay'}
    >
      <Modal className={`modal ${isSheet ? 'sheet' : `size-${size}`}`}>
        <Dialog className="dialog">
          <div className="dialog-header">
            <Heading slot="title" className="dialog-title">
              {title}
            </Heading>
            <button type="button" className="btn btn-icon" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </div>
          <div className="dialog-body">{children}</div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}

/**
 * The open dialogs' close functions, the topmost last. React Aria closes a dialog on Escape
 * pressed inside it; but when a dialog opened from another one closes, the focus goes back to
 * the outer one only on the next animation frame, and an Escape pressed in between (twice in a
 * row, or on a busy page: a team of 400,000 bookings) landed on the page and left the outer
 * dialog open. Escape pressed on the page itself (nothing focused) closes the topmost dialog.
 */
const openDialogs: (() => void)[] = []

function onPageKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented) return
  const active = document.activeElement
  if (active !== null && active !== document.body) return
  openDialogs.at(-1)?.()
}

/** Registers an open dialog's close; the answer unregisters it. */
function dialogOpened(close: () => void): () => void {
  if (openDialogs.length === 0) document.addEventListener('keydown', onPageKeyDown)
  openDialogs.push(close)
  return () => {
    const at = openDialogs.lastIndexOf(close)
    if (at >= 0) openDialogs.splice(at, 1)
    if (openDialogs.length === 0) document.removeEventListener('keydown', onPageKeyDown)
    focusNotLost()
  }
}

/**
 * After a dialog closes, React Aria gives the focus back to what opened it, on the next animation
 * frame. When that is gone or disabled by what the dialog did (a booking's block moved to another
 * column by a reassignment; "Cancel booking…" disabled once it is cancelled) the focus fell to
 * the page, and the next Tab started again at the top: then it goes to the dialog still open
 * beneath (its own element), or else to the view.
 */
function focusNotLost(): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const active = document.activeElement
      if (active !== null && active !== document.body) return
      const dialogs = document.querySelectorAll<HTMLElement>('[role="dialog"]')
      const beneath = dialogs.item(dialogs.length - 1) as HTMLElement | null
      ;(beneath ?? document.querySelector<HTMLElement>('main'))?.focus()
    }),
  )
}
