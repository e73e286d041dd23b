import styles from './PayloadEditor.module.css'
import type { PayloadDiagnostic } from './payload-diagnostics'

interface PayloadProblemsProps {
  diagnostics: readonly PayloadDiagnostic[]
  onGoTo: (diagnostic: PayloadDiagnostic) => void
}

const SEVERITY_LABELS: Readonly<Record<PayloadDiagnostic['severity'], string>> = {
  error: 'Error',
  warning: 'Warning',
}

/** Lists the payload's diagnostics, each with a button that selects the text it is about. */
export function PayloadProblems({ diagnostics, onGoTo }: PayloadProblemsProps) {
  if (diagnostics.length === 0) {
    return null
  }

  return (
    <ul className={styles.problems} aria-label="Payload problems">
      {diagnostics.map((diagnostic) => (
        <li
          key={`${diagnostic.from}:${diagnostic.to}:${diagnostic.message}`}
          className={diagnostic.severity === 'error' ? styles.problemError : styles.problemWarning}
        >
          <button
            type="button"
            className={styles.problemPosition}
            aria-label={`Go to line ${diagnostic.line}, column ${diagnostic.column}`}
            onClick={() => onGoTo(diagnostic)}
          >
            {diagnostic.line}:{diagnostic.column}
          </button>{' '}
          {SEVERITY_LABELS[diagnostic.severity]}: {diagnostic.message}
        </li>
      ))}
    </ul>
  )
}
