import { useId, useMemo } from 'react'

import { buildConsoleRequest } from '@/store/console-request'
import { useConsoleStore } from '@/store/console-store'

import styles from './SendOptions.module.css'
import { explainRequestHeaders } from './headers-model'

/** Placeholder channel URI for building the request before a channel is open. The headers do not depend on it. */
const NO_CHANNEL_URI = 'http://127.0.0.1/'

/** Lists every header the console will send with the current draft, and what each means. */
export function HeadersList() {
  const headingId = useId()
  const notificationType = useConsoleStore((state) => state.notificationType)
  const notificationClass = useConsoleStore((state) => state.notificationClass)
  const messageId = useConsoleStore((state) => state.messageId)
  const settings = useConsoleStore((state) => state.settings)

  const explanations = useMemo(() => {
    const draft = { notificationType, notificationClass, messageId, payload: '' }
    const request = buildConsoleRequest(draft, NO_CHANNEL_URI)
    return explainRequestHeaders(request, { notificationType, settings })
  }, [notificationType, notificationClass, messageId, settings])

  return (
    <section aria-labelledby={headingId} className={styles.headers}>
      <h4 id={headingId} className={styles.heading}>
        Headers
      </h4>
      <dl className={styles.headerList}>
        {explanations.map((header) => (
          <div key={header.name}>
            <dt>
              <code>
                {header.value === null
                  ? `${header.name} (not sent)`
                  : `${header.name}: ${header.value}`}
              </code>
            </dt>
            <dd>{header.meaning}</dd>
          </div>
        ))}
      </dl>
      <p className={styles.hint}>
        The console’s own POST also carries X-Emulator-Console-Request, an id the service reads for
        the delivery timeline and drops before handling the request.
      </p>
    </section>
  )
}
