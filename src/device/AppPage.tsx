import { useId } from 'react'

import { findApp } from '@/apps/sample-apps'
import { useHandsetStore } from '@/store/handset-context'

import styles from './AppPage.module.css'
import { downloadAppFile } from './app-export'
import { describeChannelBindings, formatPagePath, isKnownPage, toPageTitle } from './app-page-model'
import { ChannelUriField } from './ChannelUriField'
import { NotificationLog } from './NotificationLog'

interface AppPageProps {
  appId: string
  page: string
  query: Array<[string, string]>
}

/**
 * Renders a page of an emulated app: its channel URI and channel controls, the button to its
 * notification settings, the page and query it was opened with, and the notifications it
 * received while in the foreground.
 */
export function AppPage({ appId, page, query }: AppPageProps) {
  const app = findApp(appId)
  const appState = useHandsetStore((state) => state.apps[appId])
  const openAppSettings = useHandsetStore((state) => state.openAppSettings)
  const closeChannel = useHandsetStore((state) => state.closeChannel)
  const openChannelWithoutFind = useHandsetStore((state) => state.openChannelWithoutFind)
  const uninstallApp = useHandsetStore((state) => state.uninstallApp)
  const pinSecondaryTile = useHandsetStore((state) => state.pinSecondaryTile)
  const rawCountLabelId = useId()
  if (!app || !appState) {
    return null
  }

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <p className={styles.appTitle}>{app.name}</p>
        <h2 className={styles.pageTitle}>{toPageTitle(page)}</h2>
      </header>

      <ChannelUriField channelUri={appState.channelUri} />

      <div className={styles.actions}>
        <button
          type="button"
          className={styles.actionButton}
          onClick={() => openAppSettings(appId)}
        >
          Notification settings
        </button>
      </div>

      <div className={styles.actions}>
        <button
          type="button"
          className={styles.actionButton}
          onClick={() => openChannelWithoutFind(appId)}
        >
          Open channel without Find
        </button>
        <button
          type="button"
          className={styles.actionButton}
          disabled={appState.channelUri === undefined}
          onClick={() => closeChannel(appId)}
        >
          Close channel
        </button>
        <button type="button" className={styles.actionButton} onClick={() => uninstallApp(appId)}>
          Uninstall
        </button>
        <button type="button" className={styles.actionButton} onClick={() => downloadAppFile(app)}>
          Export app
        </button>
      </div>

      <p role="status" aria-label="Channel bindings" className={styles.hint}>
        {describeChannelBindings(app, appState)}
      </p>

      {app.secondaryTiles.length > 0 && (
        <div className={styles.actions}>
          {app.secondaryTiles.map((offer) => (
            <button
              key={offer.navigationUri}
              type="button"
              className={styles.actionButton}
              disabled={appState.secondaryTiles[offer.navigationUri] !== undefined}
              onClick={() => pinSecondaryTile(appId, offer.navigationUri)}
            >
              {offer.label}
            </button>
          ))}
        </div>
      )}

      <section className={styles.section}>
        <h3 className={styles.sectionTitle}>Current page</h3>
        <p role="status" aria-label="Current page" className={styles.pagePath}>
          {formatPagePath(page, query)}
        </p>
        {!isKnownPage(app, page) && (
          <p className={styles.hint}>
            {app.name} declares no page {page}, so a real app raises NavigationFailed here.
          </p>
        )}
        {query.length === 0 ? (
          <p className={styles.hint}>No query string.</p>
        ) : (
          <ul aria-label="Query string" className={styles.queryList}>
            {query.map(([key, value], index) => (
              <li key={index}>
                {key} = {value}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.section}>
        <h3 id={rawCountLabelId} className={styles.sectionTitle}>
          Raw notifications received
        </h3>
        <p role="status" aria-labelledby={rawCountLabelId} className={styles.rawCount}>
          {appState.rawReceivedCount}
        </p>
      </section>

      <NotificationLog entries={appState.log} />
    </div>
  )
}
