import { useEffect, useRef } from 'react'

import styles from './DevConsole.module.css'

interface PayloadEditorProps {
  value: string
  onChange: (value: string) => void
}

/**
 * Edits the payload as plain text in a contenteditable textbox, so that QA can `fill()` it and
 * read it with `toHaveText()` as they will with a rich editor.
 */
export function PayloadEditor({ value, onChange }: PayloadEditorProps) {
  const editorRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const editor = editorRef.current
    // Writing only when the text differs keeps the caret where the user is typing.
    if (editor && editor.innerText !== value) {
      editor.innerText = value
    }
  }, [value])

  const handleInput = () => {
    onChange(editorRef.current?.innerText ?? '')
  }

  return (
    <div
      ref={editorRef}
      className={styles.payload}
      role="textbox"
      aria-multiline="true"
      aria-label="Payload"
      contentEditable="plaintext-only"
      spellCheck={false}
      suppressContentEditableWarning
      onInput={handleInput}
    />
  )
}
