import { describe, expect, it } from 'vitest'

import { MAX_ICON_IMAGE_PX, MAX_SMALL_ICON_IMAGE_PX, toCssUrl, toIconBoxSize } from './tile-layout'
import type { BoxSize } from './tile-layout'

describe('toIconBoxSize', () => {
  it.each<[string, BoxSize | undefined, number, BoxSize]>([
    ['not loaded', undefined, MAX_ICON_IMAGE_PX, { width: 126.25, height: 126.25 }],
    ['zero-sized', { width: 0, height: 10 }, MAX_ICON_IMAGE_PX, { width: 126.25, height: 126.25 }],
    [
      '202 x 202',
      { width: 202, height: 202 },
      MAX_ICON_IMAGE_PX,
      { width: 126.25, height: 126.25 },
    ],
    ['130 x 202', { width: 130, height: 202 }, MAX_ICON_IMAGE_PX, { width: 81.25, height: 126.25 }],
    [
      '404 x 202',
      { width: 404, height: 202 },
      MAX_ICON_IMAGE_PX,
      { width: 126.25, height: 63.125 },
    ],
    ['64 x 64', { width: 64, height: 64 }, MAX_ICON_IMAGE_PX, { width: 40, height: 40 }],
    [
      '70 x 110',
      { width: 70, height: 110 },
      MAX_SMALL_ICON_IMAGE_PX,
      { width: 43.75, height: 68.75 },
    ],
  ])('fits a %s icon', (_case, natural, maxSide, expected) => {
    const box = toIconBoxSize(natural, maxSide)

    expect(box.width).toBeCloseTo(expected.width)
    expect(box.height).toBeCloseTo(expected.height)
  })
})

describe('toCssUrl', () => {
  it.each([
    ['blob:http://127.0.0.1/abc', 'url("blob:http://127.0.0.1/abc")'],
    ['/a"b\\c\nd', 'url("/a%22b%5Cc%0Ad")'],
    ['/__emulator/image?url=x%22', 'url("/__emulator/image?url=x%22")'],
  ])('wraps %j', (url, expected) => {
    expect(toCssUrl(url)).toBe(expected)
  })
})
