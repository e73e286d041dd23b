import styles from './PayloadEditor.module.css'
import type { PayloadSize } from './payload-size'

interface PayloadSizeStatusProps {
  id: string
  /** Byte count and limit, or only the count while the engine settings have not arrived. */
  size: PayloadSize | { bytes: number; limit: null; overLimit: false }
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US')

/** Shows the payload's UTF-8 byte count against the body size limit the engine applies. */
export function PayloadSizeStatus({ id, size }: PayloadSizeStatusProps) {
  const text =
    size.limit === null
      ? `${NUMBER_FORMAT.format(size.bytes)} bytes`
      : `${NUMBER_FORMAT.format(size.bytes)} of ${NUMBER_FORMAT.format(size.limit)} bytes`

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
