import { useEffect, useRef } from 'react'
import type { FormProblems } from '../forms/form-problems'

/**
 * Every problem of a form at once, at the top (each is also shown beside its field), focused when
 * a save finds them: `where` turns a problem's path into words ("Monday, hours 2").
 */
export function ProblemsSummary({
  problems,
  where,
}: {
  problems: FormProblems
  where: (path: string) => string
}) {
  // A save that found problems (a new list each time) takes the keyboard here, so the next Tab
  // reaches the fields in order instead of staying on Save below them.
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (problems.all.length > 0) box.current?.focus()
  }, [problems])
  if (problems.all.length === 0) return null
  return (
    <div className="problems-summary" role="alert" tabIndex={-1} ref={box}>
      <strong>
        {problems.all.length === 1
          ? 'One thing to fix before saving:'
          : `${problems.all.length} things to fix before saving:`}
      </strong>
      <ul>
        {problems.all.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            {where(p.path) ? `${where(p.path)}: ` : ''}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  )
}
