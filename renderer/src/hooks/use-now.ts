import { useEffect, useState } from 'react'
import { clockNow } from '../clock'

/** The one ticking clock of the UI: epoch ms from `clockNow`, refreshed every `intervalMs`. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => clockNow())
  useEffect(() => {
    const timer = setInterval(() => setNow(clockNow()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/** The current time for event handlers (a decision at commit time must not use a stale tick). */
export function currentTimeMs(): number {
  return clockNow()
}
