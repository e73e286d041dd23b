import { describe, expect, it } from 'vitest'

import { toDownloadFileName, toExpiryText, toShortSerial } from './service-certificates-model'

const NOW_MS = Date.parse('2025-12-01T12:00:00.000Z')

describe('service certificates model', () => {
  it.each([
    ['0a1b2c3d4e5f60718293a4b5c6d7e8f9', '0a1b2c…d7e8f9'],
    ['0a1b2c3d4e5f6', '0a1b2c3d4e5f6'],
    ['0a1b2c3d4e5f67', '0a1b2c…4e5f67'],
    ['', ''],
  ])('shortens serial %j', (serial, short) => {
    expect(toShortSerial(serial)).toBe(short)
  })

  it.each([
    ['2026-06-01T12:00:00.000Z', '2026-06-01'],
    ['2025-12-01T23:30:00-02:00', '2025-12-02'],
    ['2025-12-01T12:00:00.000Z', '2025-12-01 (expired)'],
    ['2024-01-01T00:00:00Z', '2024-01-01 (expired)'],
    ['next year', 'next year'],
  ])('formats expiry %s', (expiresAt, text) => {
    expect(toExpiryText(expiresAt, NOW_MS)).toBe(text)
  })

  it('names downloads after the service', () => {
    expect(toDownloadFileName('Contoso Push', 'pfx')).toBe('Contoso Push.pfx')
  })
})
