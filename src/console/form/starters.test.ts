import { describe, expect, it } from 'vitest'

import { parseTilePayload } from '@/mpns/payload/tile'
import { parseToastPayload } from '@/mpns/payload/toast'
import { parseXmlDocument } from '@/mpns/payload/xml'
import type { SenderWarning } from '@/mpns/warnings'
import { readDraftBody } from '@/store/console-request'

import { parseFormFields } from './payload-form-model'
import { CONSOLE_STARTERS } from './starters'

const XML_STARTERS = CONSOLE_STARTERS.filter((starter) => starter.draft.notificationType !== 'raw')
const RAW_STARTERS = CONSOLE_STARTERS.filter((starter) => starter.draft.notificationType === 'raw')

describe('CONSOLE_STARTERS', () => {
  it('lists every starter once, by name', () => {
    expect(CONSOLE_STARTERS.map((starter) => starter.name)).toEqual([
      'Toast',
      'Toast with sound',
      'Silent toast',
      'Legacy tile',
      'FlipTile',
      'IconicTile',
      'CycleTile',
      'Secondary tile by Id',
      'Tile with Clear',
      'Raw text',
      'Raw JSON',
      'Raw binary',
    ])
  })

  it.each(XML_STARTERS.map((starter) => [starter.name, starter] as const))(
    'passes the payload validator: %s',
    (_name, starter) => {
      const warnings: SenderWarning[] = []
      const root = parseXmlDocument(new TextEncoder().encode(starter.draft.payload))

      if (starter.draft.notificationType === 'toast') {
        parseToastPayload(root, warnings)
      } else {
        parseTilePayload(root, warnings)
      }

      expect(warnings).toEqual([])
    },
  )

  it.each(XML_STARTERS.map((starter) => [starter.name, starter] as const))(
    'opens in the form: %s',
    (_name, starter) => {
      const parsed = parseFormFields(starter.draft.payload, starter.draft.notificationType)
      expect(parsed.ok).toBe(true)
    },
  )

  it.each(CONSOLE_STARTERS.map((starter) => [starter.name, starter] as const))(
    'sends in the immediate class: %s',
    (_name, starter) => {
      const immediate = { toast: '2', tile: '1', raw: '3' }[starter.draft.notificationType]
      expect(starter.draft.notificationClass).toBe(immediate)
    },
  )

  it.each(RAW_STARTERS.map((starter) => [starter.name, starter] as const))(
    'encodes its raw body: %s',
    (_name, starter) => {
      const body = readDraftBody({ ...starter.draft, messageId: '' })
      expect(body.ok).toBe(true)
    },
  )

  it('sends the binary raw starter as bytes', () => {
    const binary = CONSOLE_STARTERS.find((starter) => starter.name === 'Raw binary')
    expect(binary?.draft.rawEncoding).toBe('base64')

    const body = binary && readDraftBody({ ...binary.draft, messageId: '' })

    expect(body).toEqual({
      ok: true,
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    })
  })

  it('addresses a secondary tile by Id', () => {
    const secondary = CONSOLE_STARTERS.find((starter) => starter.name === 'Secondary tile by Id')
    const parsed = parseFormFields(secondary?.draft.payload ?? '', 'tile')

    expect(parsed).toMatchObject({ ok: true, fields: { id: '/CityPage.xaml?city=Oslo' } })
  })
})
