/** Characters kept from each end of a serial number in the certificate table. */
const SERIAL_END_LENGTH = 6

/**
 * Shortens a serial number to its first and last characters, which are enough to tell
 * certificates apart and to match them with `openssl x509 -serial` output.
 */
export function toShortSerial(serialNumber: string): string {
  if (serialNumber.length <= SERIAL_END_LENGTH * 2 + 1) {
    return serialNumber
  }
  return `${serialNumber.slice(0, SERIAL_END_LENGTH)}…${serialNumber.slice(-SERIAL_END_LENGTH)}`
}

/** Formats an expiry time as its UTC date, marked when it has passed at `nowMs`. */
export function toExpiryText(expiresAt: string, nowMs: number): string {
  const expiryMs = Date.parse(expiresAt)
  if (Number.isNaN(expiryMs)) {
    return expiresAt
  }
  const date = new Date(expiryMs).toISOString().slice(0, 10)
  return expiryMs <= nowMs ? `${date} (expired)` : date
}

/** Builds the file name a downloaded certificate is saved under. */
export function toDownloadFileName(serviceName: string, format: 'pem' | 'pfx'): string {
  return `${serviceName}.${format}`
}
