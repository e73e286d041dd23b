import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent, RefObject } from 'react'

import { CA_CERTIFICATE_PATH, validateServiceName } from '@/store/certificate-client'
import { certificateStore, useCertificateStore } from '@/store/certificate-store'

import { CertificateTable } from './CertificateTable'
import consoleStyles from './DevConsole.module.css'
import styles from './ServiceCertificatesPanel.module.css'

const UNAVAILABLE_TEXT =
  'Service certificates need the dev or preview server. Run npm start or npm run preview, then reload the list.'

/**
 * Renders the emulator's developer portal: certificates for authenticated channels are
 * created, downloaded and deleted on the dev or preview server.
 */
export function ServiceCertificatesPanel() {
  const headingId = useId()
  const availability = useCertificateStore((state) => state.availability)
  const pendingName = useCertificateStore((state) => state.pendingName)
  const error = useCertificateStore((state) => state.error)
  const notice = useCertificateStore((state) => state.notice)
  const nameField = useRef<HTMLInputElement>(null)

  useEffect(() => {
    void certificateStore.getState().loadCertificates()
  }, [])

  return (
    <section
      aria-labelledby={headingId}
      aria-busy={availability === 'loading' || pendingName !== null}
      className={consoleStyles.panel}
    >
      <h3 id={headingId} className={consoleStyles.panelTitle}>
        Service certificates
      </h3>
      <p className={consoleStyles.hint}>
        Apps that open their channel with a certificate&apos;s service name get an https channel
        URI. Send to it with the PFX (or PEM) as the client certificate and the CA certificate as{' '}
        <code>ca</code>.
      </p>
      <CreateCertificateForm nameField={nameField} />
      {error !== null && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      {notice !== null && (
        <p role="status" className={styles.notice}>
          {notice}
        </p>
      )}
      {availability === 'loading' && (
        <p role="status" className={consoleStyles.hint}>
          Loading the certificates from the server.
        </p>
      )}
      {availability === 'unavailable' && <UnavailableNotice />}
      {availability === 'available' && (
        <>
          <CertificateTable onDeleted={() => nameField.current?.focus()} />
          <a className={styles.link} href={CA_CERTIFICATE_PATH} download="wp8-mpns-emulator-ca.pem">
            Download CA certificate
          </a>
        </>
      )}
    </section>
  )
}

interface CreateCertificateFormProps {
  /** The service name text box, which the panel focuses after a delete. */
  nameField: RefObject<HTMLInputElement | null>
}

function CreateCertificateForm({ nameField }: CreateCertificateFormProps) {
  const inputId = useId()
  const errorId = useId()
  const warningId = useId()
  const [draft, setDraft] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const availability = useCertificateStore((state) => state.availability)
  const pendingName = useCertificateStore((state) => state.pendingName)
  const certificates = useCertificateStore((state) => state.certificates)

  // The install form trims the service name an app uses, so the certificate's name is trimmed too.
  const serviceName = draft.trim()
  const fieldError = serviceName === '' && !submitted ? null : validateServiceName(serviceName)
  const replaces = certificates.some((entry) => entry.serviceName === serviceName)
  const disabled = availability !== 'available' || pendingName !== null

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setSubmitted(true)
    if (validateServiceName(serviceName) !== null) {
      nameField.current?.focus()
      return
    }

    const created = await certificateStore.getState().createCertificate(serviceName)
    if (created) {
      setDraft('')
      setSubmitted(false)
    }
  }

  return (
    <form className={styles.form} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <div className={consoleStyles.field}>
        <label htmlFor={inputId}>Service name</label>
        <input
          ref={nameField}
          id={inputId}
          type="text"
          value={draft}
          autoComplete="off"
          spellCheck={false}
          placeholder="push.contoso.example"
          aria-invalid={fieldError !== null}
          aria-describedby={replaces ? `${errorId} ${warningId}` : errorId}
          onChange={(event) => setDraft(event.target.value)}
        />
        <p id={errorId} role="status" className={consoleStyles.fieldError}>
          {fieldError}
        </p>
        {replaces && (
          <p id={warningId} className={consoleStyles.assumedDefault}>
            A certificate for &quot;{serviceName}&quot; exists. Creating it again replaces it, and
            the old certificate stops working.
          </p>
        )}
      </div>
      <button type="submit" className={consoleStyles.secondaryButton} disabled={disabled}>
        Create certificate
      </button>
    </form>
  )
}

function UnavailableNotice() {
  return (
    <div className={styles.unavailable}>
      <p role="status">{UNAVAILABLE_TEXT}</p>
      <button
        type="button"
        className={consoleStyles.secondaryButton}
        onClick={() => void certificateStore.getState().loadCertificates()}
      >
        Reload certificates
      </button>
    </div>
  )
}
