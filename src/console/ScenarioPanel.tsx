import { useId, useState } from 'react'
import type { ChangeEvent } from 'react'

import { logError } from '@/lib/log'
import type { StepResult } from '@/scenario/page-api'
import type * as ScenarioRuntimeModule from '@/store/scenario-runtime'
import { useScenarioSession } from '@/store/scenario-session'
import type { ScenarioSession } from '@/store/scenario-session'

import consoleStyles from './DevConsole.module.css'
import styles from './ScenarioPanel.module.css'
import { downloadTextFile } from './download-file'

/**
 * Renders the Scenario region: load a scenario file, export the page's state as one, and play
 * the loaded scenario's timeline step by step. The scenario code loads on the first action.
 */
export function ScenarioPanel() {
  const headingId = useId()
  const session = useScenarioSession((state) => state)
  const [busy, setBusy] = useState(false)
  const isLoaded = session.phase === 'loaded'
  const hasNextStep = isLoaded && session.nextStep < session.stepTitles.length

  const run = (action: (runtime: ScenarioRuntime) => Promise<unknown>) => {
    setBusy(true)
    loadRuntime()
      .then(action)
      .catch((error: unknown) => {
        // The runtime has already shown the reason in the panel.
        logError('[console]', 'Scenario action failed', error)
      })
      .finally(() => setBusy(false))
  }

  const handleFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    // Cleared so that picking the same file again fires another change event.
    event.target.value = ''
    if (file) {
      run((runtime) => runtime.loadScenarioFile(file))
    }
  }

  return (
    <section aria-labelledby={headingId} className={consoleStyles.panel}>
      <h3 id={headingId} className={consoleStyles.panelTitle}>
        Scenario
      </h3>
      <div className={styles.actions}>
        <label className={`${consoleStyles.secondaryButton} ${styles.fileButton}`}>
          Load scenario
          <input
            type="file"
            className={styles.visuallyHidden}
            accept=".json,application/json"
            disabled={busy}
            onChange={handleFile}
          />
        </label>
        <button
          type="button"
          className={consoleStyles.secondaryButton}
          disabled={busy}
          onClick={() => run((runtime) => runtime.downloadScenario(saveJsonFile))}
        >
          Export scenario
        </button>
        <button
          type="button"
          className={consoleStyles.secondaryButton}
          disabled={busy || !hasNextStep}
          onClick={() => run((runtime) => runtime.runNextStep())}
        >
          Run next step
        </button>
        <button
          type="button"
          className={consoleStyles.secondaryButton}
          disabled={busy || !hasNextStep}
          onClick={() => run((runtime) => runtime.runAllSteps())}
        >
          Run all
        </button>
        <button
          type="button"
          className={consoleStyles.secondaryButton}
          aria-label="Restart scenario"
          disabled={busy || !isLoaded}
          onClick={() => run((runtime) => runtime.restartScenario())}
        >
          Restart
        </button>
      </div>
      <p role="status" aria-label="Scenario status" className={styles.status}>
        {describeSession(session)}
      </p>
      {session.errors.length > 0 && (
        <ul aria-label="Scenario errors" className={styles.errors}>
          {session.errors.map((error, index) => (
            <li key={index}>{error}</li>
          ))}
        </ul>
      )}
      {isLoaded && session.stepTitles.length > 0 && (
        <ol aria-label="Timeline" className={styles.timeline}>
          {session.stepTitles.map((title, index) => (
            <li
              key={index}
              className={styles.step}
              aria-current={index === session.nextStep ? 'step' : undefined}
            >
              {title}
              <StepOutcome result={session.results[index]} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

type ScenarioRuntime = typeof ScenarioRuntimeModule

function loadRuntime(): Promise<ScenarioRuntime> {
  return import('@/store/scenario-runtime')
}

function StepOutcome({ result }: { result: StepResult | undefined }) {
  if (result === undefined) {
    return null
  }
  const { responseMismatches, outcomeMismatches } = result
  if (responseMismatches.length === 0 && outcomeMismatches.length === 0) {
    return <p className={styles.outcome}>as expected</p>
  }
  return (
    <>
      <MismatchList label="Response mismatches" mismatches={responseMismatches} />
      <MismatchList label="Outcome mismatches" mismatches={outcomeMismatches} />
    </>
  )
}

function MismatchList({ label, mismatches }: { label: string; mismatches: string[] }) {
  if (mismatches.length === 0) {
    return null
  }
  return (
    <ul aria-label={label} className={`${styles.outcome} ${styles.mismatch}`}>
      {mismatches.map((mismatch, index) => (
        <li key={index}>{mismatch}</li>
      ))}
    </ul>
  )
}

function describeSession(session: ScenarioSession): string {
  switch (session.phase) {
    case 'none':
      return 'No scenario loaded.'
    case 'applying':
      return `Loading "${session.name}"…`
    case 'failed':
      return 'The scenario failed to load.'
    case 'loaded': {
      const progress = `${session.nextStep} of ${session.stepTitles.length} steps run`
      return session.loadFailed
        ? `The scenario failed to load. "${session.name}" stays loaded, with ${progress}.`
        : `"${session.name}": ${progress}.`
    }
  }
}

function saveJsonFile(fileName: string, text: string): void {
  downloadTextFile({ fileName, mimeType: 'application/json', text })
}
