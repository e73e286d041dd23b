import { describe, expect, it } from 'vitest'

import { isDismissSwipe, toEmptyToastLabel } from './toast-model'

describe('isDismissSwipe', () => {
  it.each([
    [0, 0, false],
    [60, 100, false],
    [119, 599, false],
    [120, 0, true],
    [30, 600, true],
    [-200, -900, false],
  ])('offset %i px at %i px/s dismisses: %s', (offset, velocity, expected) => {
    expect(isDismissSwipe(offset, velocity)).toBe(expected)
  })
})

describe('toEmptyToastLabel', () => {
  it('names a banner without text after its app', () => {
    const toast = { id: 'd1', appId: 'contoso-chat', text1: '', text2: '' }
    expect(toEmptyToastLabel(toast, 'Contoso Chat')).toBe('Open Contoso Chat')
  })

  it('leaves a banner with text to its text', () => {
    const toast = { id: 'd1', appId: 'contoso-chat', text1: 'Anna', text2: '' }
    expect(toEmptyToastLabel(toast, 'Contoso Chat')).toBeUndefined()
  })
})
