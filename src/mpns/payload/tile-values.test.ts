import { describe, expect, it } from 'vitest'

import type { TileFieldName } from '../types'
import type { SenderWarning, SenderWarningCode } from '../warnings'
import { checkTileFieldValue } from './tile-values'

function check(name: TileFieldName, value: string): SenderWarningCode[] {
  const warnings: SenderWarning[] = []
  checkTileFieldValue(name, value, warnings)
  return warnings.map(({ code }) => code)
}

describe('checkTileFieldValue', () => {
  it.each<[TileFieldName, string, SenderWarningCode[]]>([
    ['Count', '0', []],
    ['Count', '99', []],
    ['Count', '100', ['COUNT_OUT_OF_RANGE']],
    ['Count', '-1', ['COUNT_OUT_OF_RANGE']],
    ['Count', '2.5', ['COUNT_OUT_OF_RANGE']],
    ['Count', 'two', ['COUNT_NOT_NUMBER']],
    ['BackgroundColor', '#FF1BA1E2', []],
    ['BackgroundColor', '#1BA1E2', []],
    ['BackgroundColor', '#7F1BA1E2', ['BACKGROUND_COLOR_INVALID']],
    ['BackgroundColor', 'blue', ['BACKGROUND_COLOR_INVALID']],
    ['Title', '100', []],
    ['WideContent1', 'color', []],
    ['BackgroundImage', '#FF1BA1E2', []],
  ])('checks %s %j', (name, value, expected) => {
    expect(check(name, value)).toEqual(expected)
  })
})
