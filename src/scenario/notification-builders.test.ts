import { describe, expect, it } from 'vitest'

import { parseNotificationRequest } from '@/mpns/request'
import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'

import {
  cycleTile,
  flipTile,
  iconicTile,
  legacyTile,
  raw,
  tile,
  toNotificationRequest,
  toast,
} from './notification-builders'
import type { NotificationRequest } from './notification-builders'

function parse(request: NotificationRequest) {
  const body =
    typeof request.body === 'string' ? new TextEncoder().encode(request.body) : request.body
  return parseNotificationRequest(
    { method: 'POST', url: 'http://127.0.0.1/channel', headers: request.headers, body },
    DEFAULT_ENGINE_SETTINGS,
  )
}

describe('notification builders', () => {
  it.each([
    ['toast', toast({ text1: 'Anna', text2: 'Lunch?', param: '/Chat.xaml?id=7' })],
    ['silent toast', toast({ text1: 'Quiet', silent: true })],
    ['FlipTile', flipTile({ title: 'Oslo', count: 3, backContent: 'Snow' })],
    ['IconicTile', iconicTile({ title: 'Mail', count: 12, wideContent1: 'From Anna' })],
    ['CycleTile', cycleTile({ title: 'Photos', cycleImages: ['/a.png', '/b.png'] })],
    ['legacy tile', legacyTile({ title: 'Scores', count: 2 })],
    ['secondary tile', flipTile({ title: 'Oslo' }, { id: '/City.xaml?id=oslo' })],
    ['tile with Clear', flipTile({ title: 'Oslo' }, { clear: ['BackContent'] })],
  ])('passes the engine validator without warnings: %s', (_name, request) => {
    expect(parse(request).warnings).toEqual([])
  })

  it('escapes markup in text', () => {
    const parsed = parse(toast({ text1: '<b>&"', text2: 'x' }))
    expect(parsed.payload).toMatchObject({ type: 'toast', toast: { text1: '<b>&"' } })
  })

  it('picks the class of the delivery window per target', () => {
    expect(toast({ text1: 'a' }, { delivery: '900' }).headers).toContainEqual([
      'X-NotificationClass',
      '22',
    ])
    expect(flipTile({ title: 'a' }, { delivery: '450' }).headers).toContainEqual([
      'X-NotificationClass',
      '11',
    ])
    expect(raw('x', { delivery: '450' }).headers).toEqual([['X-NotificationClass', '13']])
  })

  it('writes tile elements in one order whatever order they are given in', () => {
    const a = tile({ template: 'FlipTile', fields: { Title: 'T', Count: 1 } })
    const b = tile({ template: 'FlipTile', fields: { Count: 1, Title: 'T' } })
    expect(a.body).toBe(b.body)
  })

  it('decodes a Base64 raw body of a scenario step', () => {
    const request = toNotificationRequest({
      app: 'Contoso Chat',
      via: 'page',
      delivery: 'immediate',
      raw: { base64: 'AAEC/w==' },
    })
    expect(request.body).toEqual(new Uint8Array([0, 1, 2, 255]))
  })
})
