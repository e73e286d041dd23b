import { HighlightStyle } from '@codemirror/language'
import { EditorView } from '@codemirror/view'
import { tags } from '@lezer/highlight'

const CODE_FONT = "ui-monospace, 'Cascadia Mono', Consolas, monospace"

/**
 * Colours of the payload editor, matching the console's dark panels and its #1ba1e2 focus
 * colour. The page sets `color-scheme: dark` and has no light theme yet.
 */
export const PAYLOAD_EDITOR_THEME = EditorView.theme(
  {
    '&': {
      minHeight: '180px',
      backgroundColor: '#111',
      color: '#f0f0f0',
      border: '1px solid #555',
      borderRadius: '4px',
      fontSize: '13px',
    },
    '&.cm-focused': { outline: 'none', borderColor: '#1ba1e2' },
    '.cm-scroller': { fontFamily: CODE_FONT, minHeight: '178px' },
    '.cm-content': { caretColor: '#f0f0f0', padding: '8px 0' },
    '.cm-gutters': { backgroundColor: '#181818', color: '#8a8a8a', borderRight: '1px solid #333' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
      backgroundColor: '#1b4f72',
    },
    '.cm-specialChar': { color: '#ff8a80' },
    '.cm-tooltip': { backgroundColor: '#2b2b2b', color: '#f0f0f0', border: '1px solid #666' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
      backgroundColor: '#1ba1e2',
      color: '#000',
    },
    '.cm-completionInfo': { maxWidth: '320px', whiteSpace: 'normal' },
    '.cm-tooltip-lint': { maxWidth: '480px' },
    '.cm-diagnostic-error': { borderLeftColor: '#ff6b5b' },
    '.cm-diagnostic-warning': { borderLeftColor: '#f0a30a' },
  },
  { dark: true },
)

/** Token colours for XML: tag names, attribute names and values, comments and entities. */
export const PAYLOAD_HIGHLIGHT_STYLE = HighlightStyle.define([
  { tag: [tags.tagName, tags.angleBracket], color: '#6cb8ff' },
  { tag: tags.attributeName, color: '#9cdcfe' },
  { tag: tags.attributeValue, color: '#ce9178' },
  { tag: [tags.comment, tags.processingInstruction, tags.documentMeta], color: '#8a9a8a' },
  { tag: [tags.character, tags.string], color: '#d7ba7d' },
  { tag: tags.invalid, color: '#ff6b5b' },
])
