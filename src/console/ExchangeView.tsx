import { formatRequest, formatResponseHead } from '@/mpns/http-format'
import { useConsoleStore } from '@/store/console-store'

import { DeliveryTimeline } from './DeliveryTimeline'
import styles from './DevConsole.module.css'
import { explainResponse } from './console-model'

/** Shows the last request as sent, the response head, and the explanation beside it. */
export function ExchangeView() {
  const exchange = useConsoleStore((state) => state.exchange)
  if (!exchange) {
    return <p className={styles.hint}>Send a notification to see the request and response.</p>
  }

  const explanation = exchange.response ? explainResponse(exchange.response) : undefined
  return (
    <div className={styles.exchange}>
      <h3>Request</h3>
      <pre className={styles.code} role="region" aria-label="Request">
        {formatRequest(exchange.request)}
      </pre>
      <h3>Response</h3>
      <pre
        className={styles.code}
        role="region"
        aria-label="Response"
        aria-busy={!exchange.response}
      >
        {exchange.response ? formatResponseHead(exchange.response) : ''}
      </pre>
      {explanation?.advice && <p>Next step: {explanation.advice}</p>}
      {exchange.failure && <p role="alert">{exchange.failure}</p>}
      <DeliveryTimeline exchange={exchange} />
      {explanation && (
        <section aria-labelledby="explanation-heading" className={styles.explanation}>
          <h3 id="explanation-heading">What happened</h3>
          {explanation.reason && <p>{explanation.reason}</p>}
          {explanation.details && explanation.details !== explanation.reason && (
            <pre className={styles.code}>{explanation.details}</pre>
          )}
          {explanation.warnings.length > 0 && (
            <ul aria-label="Warnings">
              {explanation.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  )
}
