import { forceLinting } from '@codemirror/lint'
import { EditorView } from '@codemirror/view'
import { useEffect, useRef, useState } from 'react'

import {
  contextChangedEffect,
  createPayloadEditorState,
  languageCompartment,
  selectLanguage,
} from './payload-editor-extensions'
import type { PayloadEditorContext, PayloadEditorHooks } from './payload-editor-extensions'
import type { PayloadDiagnostic } from './payload-diagnostics'
import styles from './PayloadEditor.module.css'
import { PayloadProblems } from './PayloadProblems'

export interface CodePayloadEditorProps {
  value: string
  onChange: (value: string) => void
  context: PayloadEditorContext
  /** Id of the element that describes the editor, such as the byte count. */
  describedBy: string
  /** True when the editor should take the focus as it mounts, as the plain editor had it. */
  takeFocus: boolean
}

/**
 * Edits the payload in CodeMirror, with XML highlighting, completion of the `wp:` elements and
 * attributes valid at the cursor, and the engine's own diagnostics below it.
 */
export function CodePayloadEditor({
  value,
  onChange,
  context,
  describedBy,
  takeFocus,
}: CodePayloadEditorProps) {
  const parentRef = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const hooksRef = useRef<PayloadEditorHooks | null>(null)
  const latest = useRef({ onChange, context })
  const [diagnostics, setDiagnostics] = useState<PayloadDiagnostic[]>([])

  useEffect(() => {
    latest.current = { onChange, context }
  }, [onChange, context])

  useEffect(() => {
    const parent = parentRef.current
    if (parent === null) {
      return
    }
    const hooks: PayloadEditorHooks = {
      readContext: () => latest.current.context,
      onChange: (text) => latest.current.onChange(text),
      onDiagnostics: setDiagnostics,
      describedBy,
    }
    hooksRef.current = hooks
    const view = new EditorView({ state: createPayloadEditorState(value, hooks), parent })
    viewRef.current = view
    if (takeFocus) {
      view.focus()
      view.dispatch({ selection: { anchor: view.state.doc.length } })
    }
    return () => {
      view.destroy()
      viewRef.current = null
    }
    // The view is created once, and later values arrive through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const view = viewRef.current
    const hooks = hooksRef.current
    // A new state replaces the text that the store changed, such as on a type switch, and
    // starts a fresh undo history, so that undo never crosses into another payload.
    if (view !== null && hooks !== null && view.state.doc.toString() !== value) {
      view.setState(createPayloadEditorState(value, hooks))
    }
  }, [value])

  useEffect(() => {
    const view = viewRef.current
    if (view === null) {
      return
    }
    view.dispatch({
      effects: [
        languageCompartment.reconfigure(selectLanguage(context.notificationType)),
        contextChangedEffect.of(null),
      ],
    })
    // The effect above schedules a check, which this runs at once.
    forceLinting(view)
  }, [context])

  const handleGoTo = (diagnostic: PayloadDiagnostic) => {
    const view = viewRef.current
    if (view === null) {
      return
    }
    view.dispatch({
      selection: { anchor: diagnostic.from, head: diagnostic.to },
      scrollIntoView: true,
    })
    view.focus()
  }

  return (
    <>
      <div ref={parentRef} className={styles.codeEditor} />
      <p className={styles.hint}>
        Ctrl+Space lists the elements and attributes valid at the cursor. Tab leaves the editor.
      </p>
      <PayloadProblems diagnostics={diagnostics} onGoTo={handleGoTo} />
    </>
  )
}
