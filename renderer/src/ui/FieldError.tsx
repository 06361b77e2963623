/** Core's problems for one field, shown right below it (announced when they appear). */
export function FieldError({ messages, id }: { messages: readonly string[]; id?: string }) {
  if (messages.length === 0) return null
  return (
    <ul className="field-error" id={id} role="alert">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  )
}
