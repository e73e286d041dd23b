import { HighlightStyle } from '@codemirror/language'
import { EditorView } from '@codemirror/view'
import { tags } from '@lezer/highlight'

const CODE_FONT = "ui-monospace, 'Cascadia Mono', Consolas, monospace"

/**
 * Colours of the payload editor, from the page theme's CSS variables so that the editor follows
 * the light and dark page themes.
 */
export const PAYLOAD_EDITOR_THEME = EditorView.theme({
  '&': {
    minHeight: '180px',
    backgroundColor: 'var(--code-background)',
    color: 'var(--page-text)',
    border: '1px solid var(--border)',
    borderRadius: '4px',
    fontSize: '13px',
  },
  '&.cm-focused': {
    outline: '2px solid var(--focus-ring)',
    outlineOffset: '2px',
    borderColor: 'var(--focus-ring)',
  },
  '.cm-scroller': { fontFamily: CODE_FONT, minHeight: '178px' },
  '.cm-content': { caretColor: 'var(--page-text)', padding: '8px 0' },
  '.cm-gutters': {
    backgroundColor: 'var(--raised-background)',
    color: 'var(--muted-text)',
    borderRight: '1px solid var(--divider)',
  },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--selected-background)',
  },
  '.cm-specialChar': { color: 'var(--error-text)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--field-background)',
    color: 'var(--page-text)',
    border: '1px solid var(--strong-border)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--primary-background)',
    color: 'var(--primary-text)',
  },
  '.cm-completionInfo': { maxWidth: '320px', whiteSpace: 'normal' },
  '.cm-tooltip-lint': { maxWidth: '480px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--error-border)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warning-text)' },
})

/** Token colours for XML: tag names, attribute names and values, comments and entities. */
export const PAYLOAD_HIGHLIGHT_STYLE = HighlightStyle.define([
  { tag: [tags.tagName, tags.angleBracket], color: 'var(--code-tag)' },
  { tag: tags.attributeName, color: 'var(--code-attribute-name)' },
  { tag: tags.attributeValue, color: 'var(--code-attribute-value)' },
  {
    tag: [tags.comment, tags.processingInstruction, tags.documentMeta],
    color: 'var(--code-comment)',
  },
  { tag: [tags.character, tags.string], color: 'var(--code-entity)' },
  { tag: tags.invalid, color: 'var(--error-text)' },
])
