import { createContext, useContext, useMemo, useSyncExternalStore } from 'react'
import type { ReactNode } from 'react'

import { toEffectiveMotionMode } from './motion'
import type { MotionMode } from './motion'

/** Motion settings of the tiles: the mode, the seed of their random timing and the tick. */
export interface MotionModeSettings {
  mode: MotionMode
  /** Seed of the generator behind flip delays and stagger in `animated` and `reduced` modes. */
  seed: number
  /** Step counter that sets every flip and cycle position in `deterministic` mode. */
  tick: number
}

interface MotionModeProviderProps {
  /** @default 'animated' */
  mode?: MotionMode
  /** @default 0 */
  seed?: number
  /** @default 0 */
  tick?: number
  children: ReactNode
}

const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)'

const DEFAULT_SETTINGS: MotionModeSettings = { mode: 'animated', seed: 0, tick: 0 }

const MotionModeContext = createContext<MotionModeSettings>(DEFAULT_SETTINGS)

/** Sets the motion mode, seed and tick for the tiles inside it. */
export function MotionModeProvider({
  mode = 'animated',
  seed = 0,
  tick = 0,
  children,
}: MotionModeProviderProps) {
  const value = useMemo(() => ({ mode, seed, tick }), [mode, seed, tick])

  return <MotionModeContext value={value}>{children}</MotionModeContext>
}

/**
 * Returns the motion settings of the nearest provider, or `animated` with seed 0 and tick 0
 * outside one. `animated` turns into `reduced` while the user's system requests reduced motion.
 */
export function useMotionMode(): MotionModeSettings {
  const requested = useContext(MotionModeContext)
  const prefersReducedMotion = usePrefersReducedMotion()

  return useMemo(() => {
    const mode = toEffectiveMotionMode(requested.mode, prefersReducedMotion)
    return mode === requested.mode ? requested : { ...requested, mode }
  }, [requested, prefersReducedMotion])
}

function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribeToReducedMotion, readReducedMotion, readNoReducedMotion)
}

function subscribeToReducedMotion(onChange: () => void): () => void {
  const query = findReducedMotionQuery()
  if (query === undefined) {
    return () => undefined
  }
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

function readReducedMotion(): boolean {
  return findReducedMotionQuery()?.matches ?? false
}

function readNoReducedMotion(): boolean {
  return false
}

// jsdom and some embedded browsers have no matchMedia, which reads as no preference.
function findReducedMotionQuery(): MediaQueryList | undefined {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') {
    return undefined
  }
  return window.matchMedia(REDUCED_MOTION_QUERY)
}
