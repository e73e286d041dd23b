import { useEffect, useState } from 'react'

import { pickFlipDelayMs } from './tile-model'

export type TileFace = 'front' | 'back'

/** Alternates a Flip tile between its faces at random intervals while `enabled` is true. */
export function useFlipCycle(enabled: boolean): TileFace {
  const [face, setFace] = useState<TileFace>('front')

  useEffect(() => {
    if (!enabled) {
      return
    }
    let timer = setTimeout(turn, pickFlipDelayMs())
    function turn(): void {
      setFace((current) => (current === 'front' ? 'back' : 'front'))
      timer = setTimeout(turn, pickFlipDelayMs())
    }
    return () => clearTimeout(timer)
  }, [enabled])

  return enabled ? face : 'front'
}
