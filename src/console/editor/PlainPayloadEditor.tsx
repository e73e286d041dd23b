import { useEffect } from 'react'
import type { RefObject } from 'react'

import styles from './PayloadEditor.module.css'

interface PlainPayloadEditorProps {
  value: string
  onChange: (value: string) => void
  editorRef: RefObject<HTMLDivElement | null>
  describedBy: string
}

/**
 * Edits the payload as plain text in a contenteditable textbox until the code editor has loaded.
 * QA can `fill()` it and read it with `toHaveText()` as they do the code editor.
 */
export function PlainPayloadEditor({
  value,
  onChange,
  editorRef,
  describedBy,
}: PlainPayloadEditorProps) {
  useEffect(() => {
    const editor = editorRef.current
    // Writing only when the text differs keeps the caret where the user is typing.
    if (editor && editor.innerText !== value) {
      editor.innerText = value
    }
  }, [value, editorRef])

  const handleInput = () => {
    onChange(editorRef.current?.innerText ?? '')
  }

  return (
    <div
      ref={editorRef}
      className={styles.plainEditor}
      role="textbox"
      aria-multiline="true"
      aria-label="Payload"
      aria-describedby={describedBy}
      contentEditable="plaintext-only"
      spellCheck={false}
      suppressContentEditableWarning
      onInput={handleInput}
    />
  )
}
