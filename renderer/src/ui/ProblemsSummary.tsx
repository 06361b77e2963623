import type { FormProblems } from '../forms/form-problems'

/**
 * Every problem of a form at once, at the top (each is also shown beside its field): `where`
 * turns a problem's path into words ("Monday, hours 2").
 */
export function ProblemsSummary({
  problems,
  where,
}: {
  problems: FormProblems
  where: (path: string) => string
}) {
  if (problems.all.length === 0) return null
  return (
    <div className="problems-summary" role="alert">
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
