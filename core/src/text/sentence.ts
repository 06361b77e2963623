/** `text` with its first letter in capitals, to start a sentence ("a viewer may …" → "A viewer may …"). */
export function sentenceStart(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`
}
