import { useEffect, useRef } from 'react'

/**
 * Moves the keyboard focus once the next render has put its target on the page: after a button
 * adds a field (focus the new field) or removes one (focus its neighbour), where the button
 * pressed is gone or done and a dialog would otherwise send the focus to its Close button.
 * `later(find)` is called before the state change; `find` gets the container (`box`) after it.
 */
export function useFocusLater<T extends HTMLElement>() {
  const box = useRef<T>(null)
  const pending = useRef<((box: T) => HTMLElement | null | undefined) | null>(null)
  useEffect(() => {
    const find = pending.current
    if (find === null || box.current === null) return
    pending.current = null
    find(box.current)?.focus()
  })
  return {
    box,
    later(find: (box: T) => HTMLElement | null | undefined): void {
      pending.current = find
    },
  }
}

/** The element marked `data-focus="key"` inside `box`. */
export function focusKey(box: HTMLElement, key: string): HTMLElement | null {
  return box.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`)
}
