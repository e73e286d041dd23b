import { describe, expect, it } from 'vitest'

import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import type { NotificationType } from '@/mpns/types'
import { buildConsoleRequest } from '@/store/console-request'

import { explainRequestHeaders } from './headers-model'

const CHANNEL_URI = 'http://127.0.0.1:5173/throttledthirdparty/01.00/tok'

function explain(
  draft: { notificationType: NotificationType; notificationClass: string; messageId?: string },
  settings = DEFAULT_ENGINE_SETTINGS,
) {
  const request = buildConsoleRequest({ messageId: '', payload: '<x/>', ...draft }, CHANNEL_URI)
  const explanations = explainRequestHeaders(request, {
    notificationType: draft.notificationType,
    settings,
  })
  return Object.fromEntries(explanations.map((header) => [header.name, header]))
}

describe('explainRequestHeaders', () => {
  it.each<[NotificationType, string, string, RegExp]>([
    ['toast', '2', 'toast', /^Batching: class 2, immediate delivery\.$/],
    ['toast', '12', 'toast', /^Batching: class 12, delivery within 450 seconds\.$/],
    ['toast', '22', 'toast', /^Batching: class 22, delivery within 900 seconds\.$/],
    ['tile', '1', 'token', /^Batching: class 1, immediate delivery\.$/],
    ['tile', '21', 'token', /within 900 seconds/],
  ])('explains a %s of class %s', (notificationType, notificationClass, target, meaning) => {
    const headers = explain({ notificationType, notificationClass })

    expect(headers['X-WindowsPhone-Target']?.value).toBe(target)
    expect(headers['X-NotificationClass']?.value).toBe(notificationClass)
    expect(headers['X-NotificationClass']?.meaning).toMatch(meaning)
    expect(headers['Content-Type']?.value).toBe('text/xml')
  })

  it('explains raw without target or content type', () => {
    const headers = explain({ notificationType: 'raw', notificationClass: '13' })

    expect(headers['X-WindowsPhone-Target']).toMatchObject({ value: null })
    expect(headers['X-WindowsPhone-Target']?.meaning).toMatch(/raw notification/)
    expect(headers['Content-Type']).toMatchObject({ value: null })
    expect(headers['X-NotificationClass']?.meaning).toMatch(/class 13, delivery within 450/)
  })

  it('names the default class when none is sent', () => {
    const slowest = explain({ notificationType: 'toast', notificationClass: '' })
    const immediate = explain(
      { notificationType: 'toast', notificationClass: '' },
      { ...DEFAULT_ENGINE_SETTINGS, missingClassDefault: 'immediate' },
    )

    expect(slowest['X-NotificationClass']?.value).toBeNull()
    expect(slowest['X-NotificationClass']?.meaning).toMatch(/default batching: class 22, .*900/)
    expect(immediate['X-NotificationClass']?.meaning).toMatch(/class 2, immediate delivery/)
  })

  it('shows the rejection of a class for another type', () => {
    const headers = explain({ notificationType: 'toast', notificationClass: '1' })

    expect(headers['X-NotificationClass']?.meaning).toMatch(
      /^Invalid X-NotificationClass "1" for a toast/,
    )
  })

  it('shows the trimmed message ID', () => {
    const withId = explain({
      notificationType: 'toast',
      notificationClass: '2',
      messageId: ' 3f2504e0-4f89-11d3-9a0c-0305e82c3301 ',
    })
    const withoutId = explain({ notificationType: 'toast', notificationClass: '2' })

    expect(withId['X-MessageID']?.value).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301')
    expect(withId['X-MessageID']?.meaning).toMatch(/response echoes it/)
    expect(withoutId['X-MessageID']?.value).toBeNull()
  })
})
