import { useEffect, useState } from 'react'

/** The one ticking clock of the UI: epoch ms, refreshed every `intervalMs`. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/** The current time for event handlers (a decision at commit time must not use a stale tick). */
export function currentTimeMs(): number {
  return Date.now()
}
