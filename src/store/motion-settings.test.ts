import { describe, expect, it } from 'vitest'

import { createMotionSettings } from './motion-settings'

describe('createMotionSettings', () => {
  it.each([
    ['', 'animated', 0],
    ['?motion=deterministic&seed=7', 'deterministic', 7],
    ['?motion=reduced', 'reduced', 0],
    ['?motion=fast&seed=-1', 'animated', 0],
    ['?seed=1.5', 'animated', 0],
    ['?seed=99999999999', 'animated', 0],
  ])('reads %j as %s with seed %i', (search, mode, seed) => {
    const settings = createMotionSettings(search).getState()

    expect(settings.mode).toBe(mode)
    expect(settings.seed).toBe(seed)
    expect(settings.tick).toBe(0)
  })

  it('advances the tile animation one step', () => {
    const settings = createMotionSettings('?motion=deterministic')

    settings.getState().advanceTileAnimation()
    settings.getState().advanceTileAnimation()

    expect(settings.getState().tick).toBe(2)
  })
})
