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
