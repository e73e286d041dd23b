import { autocompletion, completionKeymap, startCompletion } from '@codemirror/autocomplete'
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { autoCloseTags, xmlLanguage } from '@codemirror/lang-xml'
import { bracketMatching, syntaxHighlighting } from '@codemirror/language'
import { lintGutter, linter, lintKeymap } from '@codemirror/lint'
import type { Diagnostic } from '@codemirror/lint'
import { Compartment, EditorState, StateEffect } from '@codemirror/state'
import type { Extension } from '@codemirror/state'
import { EditorView, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view'

import { logError } from '@/lib/log'
import type { EngineSettings, NotificationType } from '@/mpns/types'
import type { RawEncoding } from '@/store/console-request'

import { completePayload } from './payload-completions'
import type { PayloadCompletion, PayloadCompletionKind } from './payload-completions'
import { diagnosePayload } from './payload-diagnostics'
import type { PayloadDiagnostic } from './payload-diagnostics'
import { PAYLOAD_HIGHLIGHT_STYLE, PAYLOAD_EDITOR_THEME } from './payload-editor-theme'

/** Inputs of checking and completion, read again on every check so that they may change. */
export interface PayloadEditorContext {
  notificationType: NotificationType
  settings: EngineSettings
  /** True when the selected channel was opened for an authenticated web service. */
  authenticated: boolean
  /** Encoding of a raw payload, which decides how it is checked and counted. */
  rawEncoding: RawEncoding
}

/** Callbacks and context the editor's extensions call into. */
export interface PayloadEditorHooks {
  readContext: () => PayloadEditorContext
  onChange: (text: string) => void
  onDiagnostics: (diagnostics: PayloadDiagnostic[]) => void
  /** Element whose text describes the editor, such as the byte count. */
  describedBy: string
}

/** CodeMirror's completion icon for each kind of completion. */
const COMPLETION_TYPES: Readonly<Record<PayloadCompletionKind, string>> = {
  element: 'type',
  attribute: 'property',
  value: 'enum',
}

/** Largest boost magnitude CodeMirror accepts. */
const MAX_BOOST = 99

/** Time after the last edit before the payload is checked again, in milliseconds. */
const LINT_DELAY_MS = 250

/**
 * Keys left to the console. Ctrl+Enter (Cmd+Enter on macOS) sends the request, and CodeMirror's
 * default keymap would insert a blank line first.
 */
const CONSOLE_KEYS: ReadonlySet<string> = new Set(['Mod-Enter'])

/** Holds the XML language, which raw payloads go without. */
export const languageCompartment = new Compartment()

/**
 * Marks a transaction after which the context changed, such as the raw encoding or the engine
 * settings, so that the payload is checked again although its text is the same.
 */
export const contextChangedEffect = StateEffect.define<null>()

/**
 * Creates an editor state for `text` with the payload editor's extensions. Tab is left unbound,
 * so that it moves focus out of the editor as in any other form field.
 */
export function createPayloadEditorState(text: string, hooks: PayloadEditorHooks): EditorState {
  const { notificationType } = hooks.readContext()
  return EditorState.create({ doc: text, extensions: createExtensions(notificationType, hooks) })
}

/** Returns the language extensions for a notification type: XML for toasts and tiles. */
export function selectLanguage(type: NotificationType): Extension {
  return type === 'raw' ? [] : [xmlLanguage, autoCloseTags]
}

function createExtensions(type: NotificationType, hooks: PayloadEditorHooks): Extension[] {
  return [
    // NOTE: only "\n" separates lines, so a "\r" stays in the payload that is sent and shows
    // as a special character, rather than being converted as CodeMirror's default would.
    EditorState.lineSeparator.of('\n'),
    lineNumbers(),
    history(),
    highlightSpecialChars(),
    bracketMatching(),
    languageCompartment.of(selectLanguage(type)),
    syntaxHighlighting(PAYLOAD_HIGHLIGHT_STYLE),
    autocompletion({ override: [(context) => completeAt(context, hooks)], icons: false }),
    linter((view) => lintPayload(view, hooks), {
      delay: LINT_DELAY_MS,
      needsRefresh: (update) =>
        update.transactions.some((transaction) =>
          transaction.effects.some((effect) => effect.is(contextChangedEffect)),
        ),
    }),
    lintGutter(),
    keymap.of([
      ...completionKeymap,
      ...defaultKeymap.filter((binding) => !CONSOLE_KEYS.has(binding.key ?? '')),
      ...historyKeymap,
      ...lintKeymap,
    ]),
    EditorView.lineWrapping,
    EditorView.domEventHandlers({ beforeinput: replaceWholeSelection }),
    EditorView.contentAttributes.of({
      'aria-label': 'Payload',
      'aria-multiline': 'true',
      'aria-describedby': hooks.describedBy,
      spellcheck: 'false',
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) {
        hooks.onChange(update.state.doc.toString())
      }
    }),
    PAYLOAD_EDITOR_THEME,
  ]
}

/**
 * Replaces the whole document when typed or pasted text replaces a selection of all of it, as
 * select-all followed by typing, or Playwright's `fill()`, does. Left to the browser, such an edit
 * of several line elements leaves an empty line element behind, and the payload gains a "\n".
 */
function replaceWholeSelection(event: InputEvent, view: EditorView): boolean {
  const replacesText =
    event.inputType === 'insertText' || event.inputType === 'insertReplacementText'
  const text = event.data ?? event.dataTransfer?.getData('text/plain')
  const selection = view.contentDOM.ownerDocument.getSelection()
  const range = selection !== null && selection.rangeCount > 0 ? selection.getRangeAt(0) : null
  if (!replacesText || text === undefined || range === null) {
    return false
  }
  const from = view.posAtDOM(range.startContainer, range.startOffset)
  const to = view.posAtDOM(range.endContainer, range.endOffset)
  if (from !== 0 || to !== view.state.doc.length || to === 0) {
    return false
  }
  event.preventDefault()
  view.dispatch({
    changes: { from: 0, to, insert: text },
    selection: { anchor: text.length },
    userEvent: 'input.type',
  })
  return true
}

function completeAt(
  context: CompletionContext,
  hooks: PayloadEditorHooks,
): CompletionResult | null {
  const { notificationType } = hooks.readContext()
  if (notificationType === 'raw') {
    return null
  }

  const result = completePayload({
    text: context.state.doc.toString(),
    position: context.pos,
    type: notificationType,
    explicit: context.explicit,
  })
  if (result === null) {
    return null
  }
  return {
    from: result.from,
    to: result.to,
    options: result.options.map(toCompletion),
    validFor: /^[\w.:-]*$/,
  }
}

/**
 * Converts a completion for CodeMirror. The boost keeps the schema's order, such as Text1 before
 * Text2, where CodeMirror would sort equal matches by label.
 */
function toCompletion(option: PayloadCompletion, index: number): Completion {
  return {
    label: option.label,
    boost: -Math.min(index, MAX_BOOST),
    type: COMPLETION_TYPES[option.kind],
    info: option.description,
    apply: (view, _completion, from, to) => {
      view.dispatch({
        changes: { from, to, insert: option.insert },
        selection: { anchor: from + option.cursor },
        userEvent: 'input.complete',
      })
      if (option.reopen) {
        startCompletion(view)
      }
    },
  }
}

function lintPayload(view: EditorView, hooks: PayloadEditorHooks): Diagnostic[] {
  const context = hooks.readContext()
  let diagnostics: PayloadDiagnostic[]
  try {
    diagnostics = diagnosePayload({
      text: view.state.doc.toString(),
      type: context.notificationType,
      settings: context.settings,
      authenticated: context.authenticated,
      rawEncoding: context.rawEncoding,
    })
  } catch (error) {
    logError('[console]', `Failed to check the ${context.notificationType} payload`, error)
    diagnostics = []
  }

  hooks.onDiagnostics(diagnostics)
  return diagnostics.map((diagnostic) => ({
    from: diagnostic.from,
    to: diagnostic.to,
    severity: diagnostic.severity,
    message: diagnostic.message,
    source: `line ${diagnostic.line}, column ${diagnostic.column}`,
  }))
}
