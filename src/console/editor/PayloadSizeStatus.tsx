import styles from './PayloadEditor.module.css'
import type { PayloadSize } from './payload-size'

interface PayloadSizeStatusProps {
  id: string
  /** Byte count and limit, or only the count while the engine settings have not arrived. */
  size: PayloadSize | { bytes: number | null; limit: null; overLimit: false }
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US')

/**
 * Shows the byte count of the body that Send posts against the body size limit the engine
 * applies. Invalid Base64 has no bytes to count.
 */
export function PayloadSizeStatus({ id, size }: PayloadSizeStatusProps) {
  const limit = size.limit === null ? null : `${NUMBER_FORMAT.format(size.limit)} bytes`
  let text: string
  if (size.bytes === null) {
    text = limit === null ? 'Invalid Base64: no bytes to count' : `Invalid Base64 (limit ${limit})`
  } else {
    const bytes = NUMBER_FORMAT.format(size.bytes)
    text = limit === null ? `${bytes} bytes` : `${bytes} of ${limit}`
  }

  return (
    <p
      id={id}
      role="status"
      aria-label="Payload size"
      className={size.overLimit ? styles.sizeOverLimit : styles.size}
    >
      {size.overLimit ? `${text}: over the limit` : text}
    </p>
  )
}
