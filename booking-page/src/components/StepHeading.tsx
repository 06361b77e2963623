import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'

/**
 * A step's heading: focused when the step appears, so keyboard and screen-reader users land on
 * the new step (and hear it) instead of on a button that no longer exists.
 */
export function StepHeading({ children }: { readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <h2 ref={ref} tabIndex={-1}>
      {children}
    </h2>
  )
}
