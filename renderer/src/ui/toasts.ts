import { UNSTABLE_ToastQueue as ToastQueue } from 'react-aria-components'

/** One toast: what happened, optionally how to take it back. */
export interface ToastContent {
  readonly title: string
  readonly description?: string
  readonly tone?: 'success' | 'error' | 'info'
  /** Offers "Undo" while the toast is shown. */
  readonly undo?: () => void
}

/** How long a toast stays (ms); one with undo stays as long as the undo window. */
export const TOAST_MS = 5000

/** The app's one toast queue (React Aria's): saved, booked, reassigned, refused. */
export const toastQueue = new ToastQueue<ToastContent>({ maxVisibleToasts: 4 })

/** Shows a toast; returns its key (to close it early). */
export function toastShow(content: ToastContent, timeoutMs = TOAST_MS): string {
  return toastQueue.add(content, { timeout: timeoutMs })
}

/**
 * Runs `work` and says how it went: `done` as a success, or `refused` with the error's words.
 * Resolves true when it was done.
 */
export async function toastOutcome(
  work: () => Promise<unknown>,
  done: string,
  refused: string,
): Promise<boolean> {
  try {
    await work()
    toastShow({ title: done, tone: 'success' })
    return true
  } catch (err) {
    toastShow({ title: refused, description: String((err as Error).message), tone: 'error' })
    return false
  }
}
