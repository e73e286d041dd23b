import { useEffect, useState } from 'react'
import type { ComponentType, RefObject } from 'react'

import { logError } from '@/lib/log'

import { useAfterFirstFrame } from '../use-after-first-frame'
import type * as CodePayloadEditorModule from './CodePayloadEditor'
import type { CodePayloadEditorProps } from './CodePayloadEditor'

/** The loaded code editor, and whether it should take the focus from the plain editor. */
export interface LoadedCodeEditor {
  Editor: ComponentType<CodePayloadEditorProps>
  takeFocus: boolean
}

let editorModule: Promise<typeof CodePayloadEditorModule> | null = null

/**
 * Loads the CodeMirror editor after the page has drawn its first frame, because CodeMirror is
 * too large for the script that runs before the Start screen takes taps. Returns null until it
 * has loaded, and for good when loading fails, so the plain editor stays in use.
 */
export function useCodePayloadEditor(
  plainEditor: RefObject<HTMLElement | null>,
): LoadedCodeEditor | null {
  const [loaded, setLoaded] = useState<LoadedCodeEditor | null>(null)

  const drawn = useAfterFirstFrame()

  useEffect(() => {
    if (!drawn) {
      return undefined
    }
    let active = true
    editorModule ??= import('./CodePayloadEditor')
    editorModule
      .then(({ CodePayloadEditor }) => {
        if (!active) {
          return
        }
        const focused = document.activeElement
        const takeFocus = focused !== null && focused === plainEditor.current
        setLoaded({ Editor: CodePayloadEditor, takeFocus })
      })
      .catch((error: unknown) => {
        editorModule = null
        logError(
          '[console]',
          'Failed to load the code editor, so the plain payload editor stays in use',
          error,
        )
      })
    return () => {
      active = false
    }
  }, [drawn, plainEditor])

  return loaded
}
