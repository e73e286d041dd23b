import type { ChangeEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'

import { NOTIFICATION_CLASS_OPTIONS } from '@/mpns/templates'
import type { NotificationType } from '@/mpns/types'
import { useConsoleStore } from '@/store/console-store'

import styles from './DevConsole.module.css'
import { PayloadEditor } from './PayloadEditor'
import { toChannelOptionLabel } from './console-model'
import { PayloadTools } from './form/PayloadTools'
import { loadAfterFirstFrame } from './after-first-frame'

// The header explanations, the send options and the snippets are not needed to draw Start, so
// they load after it.
const HeadersList = loadAfterFirstFrame(async () => (await import('./HeadersList')).HeadersList)
const SendOptions = loadAfterFirstFrame(async () => (await import('./SendOptions')).SendOptions)
const SendProgress = loadAfterFirstFrame(async () => (await import('./SendOptions')).SendProgress)
const CopyAsPanel = loadAfterFirstFrame(async () => (await import('./CopyAsPanel')).CopyAsPanel)

const NOTIFICATION_TYPES: readonly NotificationType[] = ['toast', 'tile', 'raw']

/** Renders the form that composes and sends one MPNS request. */
export function SendForm() {
  const channels = useConsoleStore((state) => state.channels)
  const selectedToken = useConsoleStore((state) => state.selectedToken)
  const notificationType = useConsoleStore((state) => state.notificationType)
  const notificationClass = useConsoleStore((state) => state.notificationClass)
  const messageId = useConsoleStore((state) => state.messageId)
  const payload = useConsoleStore((state) => state.payloads[state.notificationType])
  const sending = useConsoleStore((state) => state.sending)
  const seriesRunning = useConsoleStore((state) => state.series !== null)
  const channelError = useConsoleStore((state) => state.channelError)
  const actions = useConsoleStore(
    useShallow((state) => ({
      selectChannel: state.selectChannel,
      chooseNotificationType: state.chooseNotificationType,
      chooseNotificationClass: state.chooseNotificationClass,
      editMessageId: state.editMessageId,
      generateMessageId: state.generateMessageId,
      editPayload: state.editPayload,
      send: state.send,
      renewSelectedChannel: state.renewSelectedChannel,
    })),
  )

  const handleChannelChange = (event: ChangeEvent<HTMLSelectElement>) => {
    actions.selectChannel(event.target.value)
  }
  const handleTypeChange = (event: ChangeEvent<HTMLSelectElement>) => {
    actions.chooseNotificationType(event.target.value as NotificationType)
  }
  const handleClassChange = (event: ChangeEvent<HTMLSelectElement>) => {
    actions.chooseNotificationClass(event.target.value)
  }
  const handleMessageIdChange = (event: ChangeEvent<HTMLInputElement>) => {
    actions.editMessageId(event.target.value)
  }

  return (
    <div className={styles.form}>
      <div className={styles.channelRow}>
        <label className={styles.field}>
          <span>Channel</span>
          <select value={selectedToken ?? ''} onChange={handleChannelChange}>
            {channels.length === 0 && <option value="">No channel open yet: launch an app</option>}
            {channels.map((channel) => (
              <option key={channel.token} value={channel.token}>
                {toChannelOptionLabel(channel)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={styles.secondaryButton}
          disabled={selectedToken === null}
          onClick={() => void actions.renewSelectedChannel()}
        >
          Renew channel URI
        </button>
      </div>
      {channelError !== null && <p className={styles.fieldError}>{channelError}</p>}
      <div className={styles.row}>
        <label className={styles.field}>
          <span>Notification type</span>
          <select value={notificationType} onChange={handleTypeChange}>
            {NOTIFICATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>Notification class</span>
          <select value={notificationClass} onChange={handleClassChange}>
            {NOTIFICATION_CLASS_OPTIONS[notificationType].map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className={styles.row}>
        <label className={styles.field}>
          <span>Message ID</span>
          <input
            type="text"
            value={messageId}
            placeholder="optional UUID, echoed as X-MessageID"
            onChange={handleMessageIdChange}
          />
        </label>
        <button type="button" onClick={actions.generateMessageId}>
          Generate message ID
        </button>
      </div>
      <HeadersList />
      <PayloadTools />
      <div className={styles.field}>
        <span id="payload-label">Payload</span>
        <PayloadEditor value={payload} onChange={actions.editPayload} />
      </div>
      <SendOptions />
      <button
        type="button"
        className={styles.send}
        disabled={sending || seriesRunning || selectedToken === null}
        onClick={() => void actions.send()}
      >
        Send
      </button>
      <SendProgress />
      <p className={styles.hint}>Ctrl+Enter sends from anywhere in the console.</p>
      <CopyAsPanel />
    </div>
  )
}
