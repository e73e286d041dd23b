import { useEffect, useState } from 'react'

import { createSeededRandom, deriveSeed } from '@/lib/seeded-random'

import { pickTileChangeDelayMs, pickTileStaggerMs, toDeterministicStep } from '../motion'
import { useMotionMode } from '../motion-mode'

interface TileStepOptions {
  /** Positions the tile moves through: 2 for a flipping tile, the image count for a cycling one. */
  stepCount: number
  /** Separates this tile's random timing from other tiles' under one seed. */
  timingKey: string
}

/**
 * Returns the position, from 0, a live tile shows. In `deterministic` mode it is a function of
 * the tick. Otherwise the tile waits a random stagger, then moves one position after every
 * random delay, drawn from a generator seeded with the motion seed and the timing key.
 */
export function useTileStep({ stepCount, timingKey }: TileStepOptions): number {
  const { mode, seed, tick } = useMotionMode()
  const [step, setStep] = useState(0)
  const runsTimers = mode !== 'deterministic' && stepCount > 1

  useEffect(() => {
    if (!runsTimers) {
      return
    }
    const random = createSeededRandom(deriveSeed(seed, timingKey))
    let timer = setTimeout(advance, pickTileStaggerMs(random) + pickTileChangeDelayMs(random))
    function advance(): void {
      setStep((current) => current + 1)
      timer = setTimeout(advance, pickTileChangeDelayMs(random))
    }

    return () => {
      clearTimeout(timer)
      // A tile that starts moving again starts from its first position.
      setStep(0)
    }
  }, [runsTimers, seed, timingKey])

  if (stepCount <= 1) {
    return 0
  }
  if (mode === 'deterministic') {
    return toDeterministicStep(tick, stepCount)
  }
  return step % stepCount
}
