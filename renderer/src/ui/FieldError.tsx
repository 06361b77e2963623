/** Core's problems for one field, shown right below it (announced when they appear). */
export function FieldError({ messages, id }: { messages: readonly string[]; id?: string }) {
  if (messages.length === 0) return null
  return (
    <div className="field-error" id={id} role="alert">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  )
}
