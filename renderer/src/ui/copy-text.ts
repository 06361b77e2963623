import { toastShow } from './toasts'

/** Copies `text` and says so ("Token copied"), or asks to copy `what` by hand when refused. */
export function copyText(text: string, what: string): void {
  void navigator.clipboard.writeText(text).then(
    () => toastShow({ title: `${what} copied`, tone: 'success' }),
    () => toastShow({ title: `Copy the ${what.toLowerCase()} by hand`, tone: 'info' }),
  )
}
