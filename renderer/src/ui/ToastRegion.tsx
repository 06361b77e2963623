import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContentView,
  UNSTABLE_ToastRegion as Region,
} from 'react-aria-components'
import { toastQueue } from './toasts'

/** Where toasts appear (bottom right), each with its title, details, Undo and a close button. */
export function ToastRegion() {
  return (
    <Region queue={toastQueue} className="toast-region" aria-label="Notifications">
      {({ toast }) => (
        <Toast toast={toast} className={`toast tone-${toast.content.tone ?? 'success'}`}>
          <ToastContentView className="toast-content">
            <Text slot="title" className="toast-title">
              {toast.content.title}
            </Text>
            {toast.content.description ? (
              <Text slot="description" className="toast-description">
                {toast.content.description}
              </Text>
            ) : null}
          </ToastContentView>
          {toast.content.undo ? (
            <Button
              className="btn btn-quiet toast-undo"
              onPress={() => {
                toast.content.undo?.()
                toastQueue.close(toast.key)
              }}
            >
              Undo
            </Button>
          ) : null}
          <Button slot="close" className="btn btn-icon" aria-label="Dismiss">
            ×
          </Button>
        </Toast>
      )}
    </Region>
  )
}
