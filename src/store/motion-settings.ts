import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'

/** Motion of tiles and pages: as on the phone, without motion, or step by step for tests. */
export type MotionModeSetting = 'animated' | 'reduced' | 'deterministic'

/** The page's motion settings, shared by every handset on it. */
export interface MotionSettings {
  mode: MotionModeSetting
  /** Seed of the random flip delays and stagger. */
  seed: number
  /** Step that sets every flip and cycle position in deterministic mode. */
  tick: number
  changeMode: (mode: MotionModeSetting) => void
  /** Sets the seed of the random flip delays and stagger; an invalid seed is ignored. */
  changeSeed: (seed: number) => void
  /** Moves every animated tile one step on, in deterministic mode. */
  advanceTileAnimation: () => void
}

const MOTION_MODES: readonly string[] = ['animated', 'reduced', 'deterministic']
const MAX_SEED = 0xffff_ffff

/**
 * Creates the motion settings from the page's query string: `motion` picks the mode and `seed`
 * the seed, so a test or a screenshot opens `/?motion=deterministic&seed=7` and gets the same
 * frames every time. Invalid values keep the defaults (animated, seed 0).
 */
export function createMotionSettings(search: string) {
  const params = new URLSearchParams(search)
  const requestedMode = params.get('motion') ?? ''
  const requestedSeed = Number(params.get('seed') ?? '0')

  return createStore<MotionSettings>()((set) => ({
    mode: MOTION_MODES.includes(requestedMode) ? (requestedMode as MotionModeSetting) : 'animated',
    seed: isSeed(requestedSeed) ? requestedSeed : 0,
    tick: 0,
    changeMode: (mode) => set({ mode }),
    changeSeed: (seed) => {
      if (isSeed(seed)) {
        set({ seed })
      }
    },
    advanceTileAnimation: () => set((state) => ({ tick: state.tick + 1 })),
  }))
}

function isSeed(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= MAX_SEED
}

export const motionSettings = createMotionSettings(
  typeof window === 'undefined' ? '' : window.location.search,
)

/** Selects from the page's motion settings. */
export function useMotionSettings<T>(selector: (state: MotionSettings) => T): T {
  return useStore(motionSettings, selector)
}
