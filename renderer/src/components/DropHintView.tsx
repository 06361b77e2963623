import type { DropHint } from '../hooks/use-drag-move'

/** Where a dragged booking would land, and whether it may (the text says why not). */
export function DropHintView({ hint, pxPerMinute }: { hint: DropHint; pxPerMinute: number }) {
  return (
    <div
      className={`drop-hint ${hint.isAllowed ? '' : 'is-refused'}`}
      style={{ top: hint.topMin * pxPerMinute, minHeight: hint.heightMin * pxPerMinute }}
      role="status"
      aria-live="polite"
    >
      {hint.text}
    </div>
  )
}
