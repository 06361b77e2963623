/**
 * Small helpers over SQL text: identifier quoting, and the lexical checks the derived reader makes
 * before it compiles a statement (first keyword, nothing after the first statement). The lexer
 * knows SQLite's quoting (`'…'`, `"…"`, `` `…` ``, `[…]`) and comments (`--`, `/* … *\/`).
 */

/** Double-quotes an SQL identifier. */
export function sqlIdentifier(name: string): string {
  return '"' + name.replaceAll('"', '""') + '"'
}

/** Index just past a comment starting at `at`, or `at` when none starts there. */
function skipComment(sql: string, at: number): number {
  if (sql.startsWith('--', at)) {
    const end = sql.indexOf('\n', at)
    return end < 0 ? sql.length : end + 1
  }
  if (sql.startsWith('/*', at)) {
    const end = sql.indexOf('*/', at + 2)
    return end < 0 ? sql.length : end + 2
  }
  return at
}

/** Index of the first character that is neither whitespace nor inside a comment, from `at`. */
function skipBlank(sql: string, at: number): number {
  let position = at
  for (;;) {
    while (position < sql.length && /\s/.test(sql.charAt(position))) position += 1
    const after = skipComment(sql, position)
    if (after === position) return position
    position = after
  }
}

const CLOSING_QUOTE: Readonly<Record<string, string>> = { "'": "'", '"': '"', '`': '`', '[': ']' }

/** The first keyword of `sql` in upper case (`''` when it does not start with a word). */
export function sqlFirstKeyword(sql: string): string {
  const start = skipBlank(sql, 0)
  return (/^[A-Za-z]+/.exec(sql.slice(start))?.[0] ?? '').toUpperCase()
}

/**
 * True when `sql` holds more than one statement: a `;` outside quotes and comments followed by
 * anything but whitespace, comments and further `;`.
 */
export function sqlHasSecondStatement(sql: string): boolean {
  let position = 0
  while (position < sql.length) {
    const char = sql.charAt(position)
    const closing = CLOSING_QUOTE[char]
    if (closing !== undefined) {
      // A doubled closing quote inside a quoted text is an escaped quote: the scan continues.
      const end = sql.indexOf(closing, position + 1)
      position = end < 0 ? sql.length : end + 1
      continue
    }
    const afterComment = skipComment(sql, position)
    if (afterComment !== position) {
      position = afterComment
      continue
    }
    if (char === ';') {
      let rest = skipBlank(sql, position + 1)
      while (sql.charAt(rest) === ';') rest = skipBlank(sql, rest + 1)
      return rest < sql.length
    }
    position += 1
  }
  return false
}
