/**
 * Reads the first whole number in a status text such as `10,000` or `Received: 10 000`. Digit
 * groups may be separated by a comma, a space, a no-break space or a narrow no-break space.
 * Returns null when the text has no number.
 */
export function parseStatusCount(text: string): number | null {
  const match = /\d{1,3}(?:[,\u0020\u00a0\u202f]\d{3})+(?!\d)|\d+/.exec(text)
  if (match === null) {
    return null
  }
  return Number(match[0].replace(/\D/g, ''))
}
