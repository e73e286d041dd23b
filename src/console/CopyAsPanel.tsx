import { useEffect, useId, useState } from 'react'
import type { ChangeEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'

import { logWarn } from '@/lib/log'
import { buildConsoleRequest, readDraftBody } from '@/store/console-request'
import type { ConsoleDraft, ConsoleRequest } from '@/store/console-request'
import { toConsoleDraft, useConsoleStore } from '@/store/console-store'

import styles from './CopyAsPanel.module.css'
import consoleStyles from './DevConsole.module.css'
import type { generateSnippet } from './snippets/generate-snippet'
import { SNIPPET_LANGUAGES } from './snippets/snippet-languages'
import type { SnippetLanguage } from './snippets/snippet-languages'

type GenerateSnippet = typeof generateSnippet

/** The request to write out, or why there is none. */
type SnippetSource = { ok: true; request: ConsoleRequest } | { ok: false; reason: string }

let generatorLoad: Promise<GenerateSnippet> | null = null

/**
 * Renders the "Copy as" buttons, which copy the request the console would send now as a curl,
 * Node.js, Python, PowerShell or C# snippet, and a disclosure that shows the snippet's text.
 */
export function CopyAsPanel() {
  const headingId = useId()
  const snippetId = useId()
  const captionId = useId()
  const channelUri = useConsoleStore(
    (state) =>
      state.channels.find((channel) => channel.token === state.selectedToken)?.channelUri ?? null,
  )
  const draft = useConsoleStore(useShallow(toConsoleDraft))
  const [status, setStatus] = useState('')
  const [expanded, setExpanded] = useState(false)
  const [shownLanguage, setShownLanguage] = useState<SnippetLanguage>('curl')
  const generate = useSnippetGenerator(expanded)
  const source = toSnippetSource(draft, channelUri)

  const handleCopy = async (language: SnippetLanguage) => {
    if (!source.ok) {
      return
    }
    const label = toLabel(language)
    setShownLanguage(language)
    try {
      const generateText = await loadSnippetGenerator()
      await navigator.clipboard.writeText(generateText(language, source.request))
      setStatus(`Copied the ${label} snippet.`)
    } catch (error) {
      logWarn('[console]', `Failed to copy the ${label} snippet.`, error)
      setStatus(
        `Failed to copy the ${label} snippet: ${toReason(error)}. Open Show snippet and copy the text from there.`,
      )
    }
  }
  const handleLanguageChange = (event: ChangeEvent<HTMLSelectElement>) => {
    setShownLanguage(event.target.value as SnippetLanguage)
  }

  let snippetText = source.ok ? 'Loading the snippet…' : source.reason
  if (source.ok && generate !== null) {
    snippetText = generate(shownLanguage, source.request)
  }

  return (
    <section aria-labelledby={headingId} className={consoleStyles.panel}>
      <h3 id={headingId} className={consoleStyles.panelTitle}>
        Copy as
      </h3>
      <div className={styles.buttons}>
        {SNIPPET_LANGUAGES.map(({ language, label }) => (
          <button
            key={language}
            type="button"
            className={consoleStyles.secondaryButton}
            disabled={!source.ok}
            onClick={() => void handleCopy(language)}
          >
            Copy as {label}
          </button>
        ))}
      </div>
      {!source.ok && <p className={consoleStyles.hint}>{source.reason}</p>}
      <p role="status" className={styles.status}>
        {status}
      </p>
      <button
        type="button"
        className={consoleStyles.secondaryButton}
        aria-expanded={expanded}
        aria-controls={snippetId}
        onClick={() => setExpanded(!expanded)}
      >
        Show snippet
      </button>
      {expanded && (
        <div id={snippetId} className={styles.disclosure}>
          <label className={styles.languagePicker}>
            <span>Snippet language</span>
            <select value={shownLanguage} onChange={handleLanguageChange}>
              {SNIPPET_LANGUAGES.map(({ language, label }) => (
                <option key={language} value={language}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <figure className={styles.figure} aria-labelledby={captionId}>
            <figcaption id={captionId} className={styles.caption}>
              {toLabel(shownLanguage)} snippet
            </figcaption>
            <pre className={`${consoleStyles.code} ${styles.snippet}`}>{snippetText}</pre>
          </figure>
        </div>
      )}
    </section>
  )
}

/** Builds the request the console would send now, unless it has no channel or no valid body. */
function toSnippetSource(draft: ConsoleDraft, channelUri: string | null): SnippetSource {
  if (channelUri === null) {
    return { ok: false, reason: 'Open a channel first: launch an app and allow notifications.' }
  }
  const body = readDraftBody(draft)
  if (!body.ok) {
    return { ok: false, reason: body.message }
  }
  return { ok: true, request: buildConsoleRequest(draft, channelUri) }
}

/** Loads the generators once the snippet is shown, so that they stay out of the startup bundle. */
function useSnippetGenerator(enabled: boolean): GenerateSnippet | null {
  const [generate, setGenerate] = useState<GenerateSnippet | null>(null)
  useEffect(() => {
    if (!enabled || generate !== null) {
      return
    }
    let cancelled = false
    loadSnippetGenerator().then(
      (loaded) => {
        if (!cancelled) {
          setGenerate(() => loaded)
        }
      },
      (error: unknown) => logWarn('[console]', 'Failed to load the snippet generators.', error),
    )
    return () => {
      cancelled = true
    }
  }, [enabled, generate])
  return generate
}

/** Imports the generators on first use. A failed import is retried on the next call. */
function loadSnippetGenerator(): Promise<GenerateSnippet> {
  generatorLoad ??= import('./snippets/generate-snippet').then(
    (module) => module.generateSnippet,
    (error: unknown) => {
      generatorLoad = null
      throw error
    },
  )
  return generatorLoad
}

function toLabel(language: SnippetLanguage): string {
  return SNIPPET_LANGUAGES.find((option) => option.language === language)?.label ?? language
}

/** Returns an error's message without its closing period, to embed in a sentence. */
function toReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/\.$/, '')
}
