import type { Question, QuestionType } from '../../../core/src/model/workspace'
import type { Parsed } from './hours-text'

const TYPES: readonly QuestionType[] = ['text', 'select', 'phone', 'note']

/**
 * Booking-form questions, one per line: `id; label; type; required|optional[; option, option]`,
 * e.g. `region; Region; select; required; EMEA, AMER`. Name and email are always asked and are
 * not listed here.
 */
export function questionsParse(text: string): Parsed<Question[]> {
  const questions: Question[] = []
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')) {
    const [id = '', label = '', type = '', need = '', options = ''] = line
      .split(';')
      .map((p) => p.trim())
    if (!id || !label) return { ok: false, message: `"${line}" needs at least an id and a label` }
    if (!TYPES.includes(type as QuestionType)) {
      return { ok: false, message: `"${line}": the type must be one of ${TYPES.join(', ')}` }
    }
    if (need !== 'required' && need !== 'optional') {
      return { ok: false, message: `"${line}": say required or optional` }
    }
    const list = options
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== '')
    questions.push({
      id,
      label,
      type: type as QuestionType,
      required: need === 'required',
      ...(type === 'select' ? { options: list } : {}),
    })
  }
  return { ok: true, value: questions }
}

/** The inverse of {@link questionsParse}. */
export function questionsFormat(questions: readonly Question[]): string {
  return questions
    .map((q) =>
      [
        q.id,
        q.label,
        q.type,
        q.required ? 'required' : 'optional',
        ...(q.type === 'select' ? [(q.options ?? []).join(', ')] : []),
      ].join('; '),
    )
    .join('\n')
}
