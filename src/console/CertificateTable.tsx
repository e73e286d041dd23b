import { useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'

import type { ServiceCertificate } from '@/store/certificate-client'
import { toCertificateDownloadPath } from '@/store/certificate-client'
import { certificateStore, useCertificateStore } from '@/store/certificate-store'

import consoleStyles from './DevConsole.module.css'
import { toDownloadFileName, toExpiryText, toShortSerial } from './service-certificates-model'
import styles from './ServiceCertificatesPanel.module.css'

interface CertificateTableProps {
  /** Runs after a certificate is deleted, when its row and the focused button are gone. */
  onDeleted: () => void
}

interface CertificateRowProps {
  certificate: ServiceCertificate
  nowMs: number
  /** True after the first click on Delete, when the second click deletes. */
  confirming: boolean
  disabled: boolean
  onConfirmingChange: (confirming: boolean) => void
  onDeleted: () => void
}

/** Renders the uploaded certificates with their downloads and a two-click Delete. */
export function CertificateTable({ onDeleted }: CertificateTableProps) {
  const certificates = useCertificateStore((state) => state.certificates)
  const pendingName = useCertificateStore((state) => state.pendingName)
  const [confirmingName, setConfirmingName] = useState<string | null>(null)
  // Expiry is judged by the time the table first rendered, which is close enough for a date.
  const [nowMs] = useState(Date.now)

  if (certificates.length === 0) {
    return <p className={consoleStyles.hint}>No certificates yet.</p>
  }

  return (
    <table className={styles.table}>
      <caption className={styles.caption}>Uploaded certificates</caption>
      <thead>
        <tr>
          <th scope="col">Service name</th>
          <th scope="col">Expires (UTC)</th>
          <th scope="col">Serial</th>
          <th scope="col">Files and actions</th>
        </tr>
      </thead>
      <tbody>
        {certificates.map((certificate) => (
          <CertificateRow
            key={certificate.serviceName}
            certificate={certificate}
            nowMs={nowMs}
            confirming={confirmingName === certificate.serviceName}
            disabled={pendingName !== null}
            onConfirmingChange={(confirming) =>
              setConfirmingName(confirming ? certificate.serviceName : null)
            }
            onDeleted={onDeleted}
          />
        ))}
      </tbody>
    </table>
  )
}

function CertificateRow({
  certificate,
  nowMs,
  confirming,
  disabled,
  onConfirmingChange,
  onDeleted,
}: CertificateRowProps) {
  const deleteButton = useRef<HTMLButtonElement>(null)
  const { serviceName, serialNumber, expiresAt } = certificate

  const handleDeleteClick = async () => {
    if (!confirming) {
      onConfirmingChange(true)
      return
    }
    const deleted = await certificateStore.getState().deleteCertificate(serviceName)
    onConfirmingChange(false)
    if (deleted) {
      onDeleted()
    }
  }
  const handleKeep = () => {
    onConfirmingChange(false)
    deleteButton.current?.focus()
  }
  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (confirming && event.key === 'Escape') {
      event.stopPropagation()
      handleKeep()
    }
  }

  return (
    <tr>
      <th scope="row" className={styles.serviceName}>
        {serviceName}
      </th>
      <td>{toExpiryText(expiresAt, nowMs)}</td>
      <td>
        <code title={serialNumber}>{toShortSerial(serialNumber)}</code>
      </td>
      <td onKeyDown={handleKeyDown}>
        <div className={styles.actions}>
          <a
            href={toCertificateDownloadPath(serviceName, 'pem')}
            download={toDownloadFileName(serviceName, 'pem')}
            aria-label={`Download ${serviceName} PEM`}
          >
            PEM
          </a>
          <a
            href={toCertificateDownloadPath(serviceName, 'pfx')}
            download={toDownloadFileName(serviceName, 'pfx')}
            aria-label={`Download ${serviceName} PFX`}
          >
            PFX
          </a>
          <button
            ref={deleteButton}
            type="button"
            className={confirming ? styles.dangerButton : consoleStyles.secondaryButton}
            disabled={disabled}
            aria-label={
              confirming
                ? `Confirm deleting ${serviceName} certificate`
                : `Delete ${serviceName} certificate`
            }
            onClick={() => void handleDeleteClick()}
          >
            {confirming ? 'Confirm' : 'Delete'}
          </button>
          {confirming && (
            <button
              type="button"
              className={consoleStyles.secondaryButton}
              disabled={disabled}
              aria-label={`Keep ${serviceName} certificate`}
              onClick={handleKeep}
            >
              Keep
            </button>
          )}
        </div>
      </td>
    </tr>
  )
}
