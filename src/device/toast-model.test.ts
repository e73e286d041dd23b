import { describe, expect, it } from 'vitest'

import type { ToastSound } from '@/store/slices/device-model'

import {
  hasMovedSincePress,
  isDismissSwipe,
  toEmptyToastLabel,
  toToastIconUrl,
  toToastLine,
  toToastSoundLabel,
} from './toast-model'

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

describe('hasMovedSincePress', () => {
  it.each([
    [0, 0, false],
    [4, 4, false],
    [6, 0, false],
    [7, 0, true],
    [0, -30, true],
    [200, 0, true],
  ])('travel of %i, %i px is a drag: %s', (dx, dy, expected) => {
    expect(hasMovedSincePress({ x: 100, y: 50 }, { x: 100 + dx, y: 50 + dy })).toBe(expected)
  })
})

describe('toToastLine', () => {
  it('keeps Text1 and Text2 as sent', () => {
    expect(toToastLine({ text1: 'Anna', text2: '<b>x</b> & more' })).toEqual({
      title: 'Anna',
      content: '<b>x</b> & more',
    })
  })

  it('draws line breaks as spaces', () => {
    expect(toToastLine({ text1: 'Storm\nwarning', text2: 'Gusts\r\nat 30 m/s' })).toEqual({
      title: 'Storm warning',
      content: 'Gusts at 30 m/s',
    })
  })
})

describe('toToastIconUrl', () => {
  const assets = { '/assets/applicationicon.png': 'blob:icon' }

  it('resolves the icon path through the app files, ignoring case', () => {
    expect(toToastIconUrl({ iconPath: 'Assets\\ApplicationIcon.png', assets })).toBe('blob:icon')
  })

  it('returns undefined for an app without an icon path', () => {
    expect(toToastIconUrl({ assets })).toBeUndefined()
  })

  it('returns undefined for an icon file the app lacks', () => {
    expect(toToastIconUrl({ iconPath: '/Assets/Missing.png', assets })).toBeUndefined()
  })
})

describe('toToastSoundLabel', () => {
  it.each<[ToastSound | undefined, string]>([
    [undefined, 'Default sound'],
    [{ kind: 'default' }, 'Default sound'],
    [{ kind: 'silent' }, 'Silent'],
    [{ kind: 'custom', path: '/Assets/Sounds/chime.wav' }, 'chime.wav'],
    [{ kind: 'custom', path: 'Assets\\Sounds\\ding.wma' }, 'ding.wma'],
    [{ kind: 'custom', path: 'alert.wav' }, 'alert.wav'],
    [{ kind: 'custom', path: '/Assets/Sounds/' }, '/Assets/Sounds/'],
  ])('labels %j as %s', (sound, expected) => {
    expect(toToastSoundLabel(sound)).toBe(expected)
  })
})
