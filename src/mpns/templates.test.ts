import { describe, expect, it } from 'vitest'

import { parseTilePayload } from './payload/tile'
import { parseToastPayload } from './payload/toast'
import { parseXmlDocument } from './payload/xml'
import {
  NOTIFICATION_CLASS_OPTIONS,
  PAYLOAD_TEMPLATES,
  TARGET_BY_TYPE,
  TILE_TEMPLATES,
} from './templates'
import type { NotificationType } from './types'
import type { SenderWarning } from './warnings'

function toBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

describe('payload templates', () => {
  it('parses the toast starter without warnings', () => {
    const warnings: SenderWarning[] = []
    const toast = parseToastPayload(parseXmlDocument(toBytes(PAYLOAD_TEMPLATES.toast)), warnings)

    expect(toast.text1).toBe('Contoso')
    expect(warnings).toEqual([])
  })

  it.each(Object.entries(TILE_TEMPLATES))(
    'parses the %s starter without warnings',
    (template, xml) => {
      const warnings: SenderWarning[] = []
      const tile = parseTilePayload(parseXmlDocument(toBytes(xml)), warnings)

      expect(tile.template).toBe(template)
      expect(Object.keys(tile.fields).length).toBeGreaterThan(0)
      expect(warnings).toEqual([])
    },
  )

  it('uses the FlipTile starter as the tile payload', () => {
    expect(PAYLOAD_TEMPLATES.tile).toBe(TILE_TEMPLATES.FlipTile)
  })

  it.each<[NotificationType, string[]]>([
    ['toast', ['2', '12', '22', '']],
    ['tile', ['1', '11', '21', '']],
    ['raw', ['3', '13', '23', '']],
  ])('offers the %s classes immediate, 450 s, 900 s and none', (type, expected) => {
    expect(NOTIFICATION_CLASS_OPTIONS[type].map(({ value }) => value)).toEqual(expected)
  })

  it('pairs each type with its X-WindowsPhone-Target', () => {
    expect(TARGET_BY_TYPE).toEqual({ toast: 'toast', tile: 'token', raw: null })
  })
})
