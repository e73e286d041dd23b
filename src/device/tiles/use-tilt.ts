import { useRef, useState } from 'react'
import type { PointerEvent } from 'react'
import type { Transition } from 'framer-motion'

import {
  FLAT_TILT_POSE,
  TILT_PRESS_TRANSITION,
  TILT_RELEASE_TRANSITION,
  toTiltPose,
} from '../motion'
import type { TiltPose } from '../motion'

/** The pose to animate to, its transition, and the pointer handlers that drive it. */
export interface TiltControls {
  pose: TiltPose
  transition: Transition
  onPointerDown: (event: PointerEvent<HTMLElement>) => void
  onPointerMove: (event: PointerEvent<HTMLElement>) => void
  onPointerUp: () => void
  onPointerCancel: () => void
  onPointerLeave: () => void
}

interface PressedBox {
  left: number
  top: number
  width: number
  height: number
}

/**
 * Tilts an element toward the touch while it is pressed, and returns it to flat on release,
 * leave or cancel. With `enabled` false the element stays flat.
 */
export function useTilt(enabled: boolean): TiltControls {
  const [pressedPose, setPressedPose] = useState<TiltPose | undefined>(undefined)
  // The box is read once on press: a tilted element's box changes with its projection.
  const boxRef = useRef<PressedBox | undefined>(undefined)

  const handlePointerDown = (event: PointerEvent<HTMLElement>) => {
    if (!enabled) {
      return
    }
    const rect = event.currentTarget.getBoundingClientRect()
    boxRef.current = { left: rect.left, top: rect.top, width: rect.width, height: rect.height }
    setPressedPose(toPose(boxRef.current, event))
  }
  const handlePointerMove = (event: PointerEvent<HTMLElement>) => {
    const box = boxRef.current
    if (box !== undefined) {
      setPressedPose(toPose(box, event))
    }
  }
  const handleRelease = () => {
    boxRef.current = undefined
    setPressedPose(undefined)
  }

  const pose = enabled && pressedPose !== undefined ? pressedPose : FLAT_TILT_POSE
  return {
    pose,
    transition: pose === FLAT_TILT_POSE ? TILT_RELEASE_TRANSITION : TILT_PRESS_TRANSITION,
    onPointerDown: handlePointerDown,
    onPointerMove: handlePointerMove,
    onPointerUp: handleRelease,
    onPointerCancel: handleRelease,
    onPointerLeave: handleRelease,
  }
}

function toPose(box: PressedBox, event: PointerEvent<HTMLElement>): TiltPose {
  return toTiltPose({
    x: event.clientX - box.left,
    y: event.clientY - box.top,
    width: box.width,
    height: box.height,
  })
}
