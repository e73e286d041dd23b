import { useMemo } from 'react'

import type { AppDefinition } from '@/apps/app-model'
import type { TileState } from '@/mpns/tile-state'

import styles from './PayloadPreview.module.css'
import { PreviewTileFace } from './PreviewTileFace'
import { formatTileFieldChange } from './preview-model'
import type { TilePreview } from './preview-model'
import { findChangedFaceKeys, listTileFaces } from './tile-faces'
import type { TileFace } from './tile-faces'

interface PreviewTileStatesProps {
  preview: TilePreview
  handsetName: string
  accentColor: string
}

interface FaceGroupProps {
  label: 'After' | 'Before'
  app: AppDefinition
  faces: readonly TileFace[]
  accentColor: string
  changedKeys: ReadonlySet<string>
}

const NO_FACES: readonly TileFace[] = []

const NO_CHANGES: ReadonlySet<string> = new Set()

/**
 * Draws a tile update: the changed elements as `before -> after`, the handset's notes, and
 * every frame of the tile after the merge and before it, with changed frames outlined.
 */
export function PreviewTileStates({ preview, handsetName, accentColor }: PreviewTileStatesProps) {
  const { app, before, after } = preview
  const beforeFaces = useTileFaces(app, before, accentColor)
  const afterFaces = useTileFaces(app, after, accentColor)
  const changedKeys = useMemo(
    () => findChangedFaceKeys(beforeFaces, afterFaces),
    [beforeFaces, afterFaces],
  )

  return (
    <>
      <p className={styles.target}>{describeTarget(preview, handsetName)}</p>
      <section className={styles.changes} aria-label="Changes">
        <h4 className={styles.groupTitle}>Changes</h4>
        {preview.changes.length === 0 ? (
          <p className={styles.note}>No tile element changes.</p>
        ) : (
          <ul className={styles.changeList}>
            {preview.changes.map((change) => (
              <li key={change.field}>{formatTileFieldChange(change)}</li>
            ))}
          </ul>
        )}
      </section>
      {preview.notes.map((note, index) => (
        <p key={index} className={styles.note}>
          {note}
        </p>
      ))}
      {preview.remoteImages.length > 0 && (
        <p className={styles.note}>
          Remote images show as placeholders. The handset downloads{' '}
          {preview.remoteImages.length === 1
            ? 'the image'
            : `${preview.remoteImages.length} images`}{' '}
          through the image proxy before it shows the update.
        </p>
      )}
      <FaceGroup
        label="After"
        app={app}
        faces={afterFaces}
        accentColor={accentColor}
        changedKeys={changedKeys}
      />
      <FaceGroup
        label="Before"
        app={app}
        faces={beforeFaces}
        accentColor={accentColor}
        changedKeys={NO_CHANGES}
      />
    </>
  )
}

function FaceGroup({ label, app, faces, accentColor, changedKeys }: FaceGroupProps) {
  return (
    <section className={styles.faceGroup} aria-label={label}>
      <h4 className={styles.groupTitle}>{label}</h4>
      {faces.length === 0 ? (
        <p className={styles.note}>No tile.</p>
      ) : (
        <div className={styles.faces}>
          {faces.map((face) => (
            <PreviewTileFace
              key={face.key}
              app={app}
              face={face}
              accentColor={accentColor}
              changed={changedKeys.has(face.key)}
            />
          ))}
        </div>
      )}
    </section>
  )
}

function useTileFaces(
  app: AppDefinition,
  tile: TileState | undefined,
  accentColor: string,
): readonly TileFace[] {
  return useMemo(
    () => (tile === undefined ? NO_FACES : listTileFaces({ app, tile, accentColor })),
    [app, tile, accentColor],
  )
}

function describeTarget(preview: TilePreview, handsetName: string): string {
  const owner = `${preview.app.name} on ${handsetName}`
  return preview.tileId === undefined
    ? `Primary tile of ${owner}`
    : `Secondary tile "${preview.tileId}" of ${owner}`
}
