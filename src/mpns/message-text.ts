/** Cuts a value quoted in a message to at most `maxLength` characters, marking the cut. */
export function shortenForMessage(value: string, maxLength = 80): string {
  if (value.length <= maxLength) {
    return value
  }
  return `${value.slice(0, maxLength - 3)}...`
}
