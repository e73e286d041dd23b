import { useRef, useState } from 'react'
import type { DragEvent } from 'react'

import { logError } from '@/lib/log'

import styles from './HistoryPanel.module.css'

const SCENARIO_FORMAT_FIELD = /"format"\s*:\s*"wp8-emulator-scenario"/

export interface ConsoleFileDrop {
  /** Class that highlights the console while files are dragged over it; '' otherwise. */
  className: string
  onDragEnter: (event: DragEvent<HTMLElement>) => void
  onDragOver: (event: DragEvent<HTMLElement>) => void
  onDragLeave: (event: DragEvent<HTMLElement>) => void
  onDrop: (event: DragEvent<HTMLElement>) => void
}

/**
 * Lets files be dropped on the console: an .xml file becomes the payload, a scenario file is
 * loaded, and a saved request (history export or HAR) loads its draft. Drags that carry no files are left alone.
 */
export function useConsoleFileDrop(): ConsoleFileDrop {
  const [dragging, setDragging] = useState(false)
  // dragenter and dragleave fire for every child crossed, so only the outermost pair counts.
  const depth = useRef(0)

  const onDragEnter = (event: DragEvent<HTMLElement>) => {
    if (!carriesFiles(event)) {
      return
    }
    event.preventDefault()
    depth.current += 1
    setDragging(true)
  }
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!carriesFiles(event)) {
      return
    }
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
  }
  const onDragLeave = (event: DragEvent<HTMLElement>) => {
    if (!carriesFiles(event)) {
      return
    }
    depth.current = Math.max(0, depth.current - 1)
    if (depth.current === 0) {
      setDragging(false)
    }
  }
  const onDrop = (event: DragEvent<HTMLElement>) => {
    if (!carriesFiles(event)) {
      return
    }
    event.preventDefault()
    depth.current = 0
    setDragging(false)
    // NOTE: only the first of several dropped files is read, since the form edits one draft at a time.
    const file = event.dataTransfer.files[0]
    if (file) {
      void openDroppedFile(file)
    }
  }

  return {
    className: dragging ? (styles.dropTarget ?? '') : '',
    onDragEnter,
    onDragOver,
    onDragLeave,
    onDrop,
  }
}

/**
 * Loads the scenario runtime or the history store on first use, so that their code stays out of
 * the first frame's script.
 */
async function openDroppedFile(file: File): Promise<void> {
  try {
    if (file.name.toLowerCase().endsWith('.json') && isScenarioText(await file.text())) {
      const { loadScenarioFile } = await import('@/store/scenario-runtime')
      await loadScenarioFile(file)
      return
    }
    const { historyStore } = await import('@/store/history-store')
    await historyStore.getState().openConsoleFile(file)
  } catch (error) {
    logError('[console]', `Failed to open the dropped file "${file.name}"`, error)
  }
}

/** Tells a scenario file from the console's other JSON files by its `format` field. */
function isScenarioText(text: string): boolean {
  return SCENARIO_FORMAT_FIELD.test(text)
}

function carriesFiles(event: DragEvent<HTMLElement>): boolean {
  return Array.from(event.dataTransfer.types).includes('Files')
}
