import type { Locator } from '@playwright/test'

import type { TileSize } from './phone.ts'

/** Expected Start tile. A field left out is not checked. */
export interface TileExpectation {
  /** The app's name. */
  app: string
  /** Navigation URI of a secondary tile, such as `/Forecast.xaml?city=Oslo`. Without it, the primary tile. */
  secondary?: string | undefined
  size?: TileSize | undefined
  /** Front title. The tile shows no title when it equals the app name. */
  title?: string | undefined
  /** Front count. 0 is a tile without a count. */
  count?: number | undefined
  backTitle?: string | undefined
  /** Back content, with its lines joined by a line feed. */
  backContent?: string | undefined
}

/** A Start tile as it is drawn now. */
export interface TileSnapshot {
  /** The tile button's accessible name: app name, front title, count, secondary tile's URI. */
  label: string
  /** Tile width over the width of the Tiles list. */
  widthRatio: number
  /** Tile width over its height. */
  aspectRatio: number
  /** Text lines of the face on show, top to bottom. */
  lines: string[]
  /** Face on show. Iconic and Cycle tiles have only a front. */
  face: TileFace
  /** Whether the tile has a back at the size drawn, so that it flips. */
  hasBack: boolean
}

/** Side of a Flip tile. */
export type TileFace = 'front' | 'back'

/**
 * Start is four small tiles wide: a small tile takes about a quarter of its width, a medium
 * tile about half and a wide tile all of it. The limits sit between those fractions.
 */
const SMALL_MAX_WIDTH_RATIO = 0.36
const MEDIUM_MAX_WIDTH_RATIO = 0.75

/** Reads every tile in a Start `Tiles` list, in Start order. */
export async function readTileSnapshots(tilesList: Locator): Promise<TileSnapshot[]> {
  if (!(await tilesList.isVisible())) {
    return []
  }
  return tilesList.evaluate((list) => {
    const listWidth = (list as HTMLElement).clientWidth
    const buttons = [...list.querySelectorAll<HTMLElement>(':scope > li button[aria-label]')]
    return buttons
      .filter((button) => !/^(Unpin|Resize) /.test(button.getAttribute('aria-label') ?? ''))
      .map((button) => {
        // Flip tiles mark their face element. While an animated flip runs, only the leaving or
        // the arriving face is in the DOM.
        const face = button.querySelector('[data-face]')
        return {
          label: button.getAttribute('aria-label') ?? '',
          // Layout sizes ignore the tilt a press applies with a transform.
          widthRatio: listWidth === 0 ? 0 : button.offsetWidth / listWidth,
          aspectRatio: button.offsetHeight === 0 ? 0 : button.offsetWidth / button.offsetHeight,
          lines: button.innerText
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== ''),
          face: face?.getAttribute('data-face') === 'back' ? ('back' as const) : ('front' as const),
          hasBack: face?.getAttribute('data-flips') === 'true',
        }
      })
  })
}

/** Returns the size a tile is drawn at. */
export function toTileSize(tile: TileSnapshot): TileSize {
  if (tile.widthRatio > MEDIUM_MAX_WIDTH_RATIO) {
    return 'wide'
  }
  return tile.widthRatio > SMALL_MAX_WIDTH_RATIO ? 'medium' : 'small'
}

/**
 * Splits a tile's accessible name into its front title and count. The name is the app name,
 * then the title when it differs from the app name, then the count when there is one, then a
 * secondary tile's navigation URI, joined by ", ".
 */
export function parseTileLabel(
  label: string,
  appName: string,
  secondary: string | undefined,
): { title: string; count: number } | undefined {
  const suffix = secondary === undefined ? '' : `, ${secondary}`
  if (!label.startsWith(appName) || !label.endsWith(suffix)) {
    return undefined
  }
  let rest = label.slice(appName.length, label.length - suffix.length)
  if (rest !== '' && !rest.startsWith(', ')) {
    return undefined
  }
  let count = 0
  const countMatch = /, (\d+)$/.exec(rest)
  if (countMatch !== null) {
    count = Number(countMatch[1])
    rest = rest.slice(0, countMatch.index)
  }
  // NOTE: a secondary tile's URI starts with "/", so a primary tile whose name continues with
  // ", /" is read as a secondary one. A front title that starts with "/" is therefore misread.
  if (secondary === undefined && rest.includes(', /')) {
    return undefined
  }
  return { title: rest === '' ? appName : rest.slice(2), count }
}

/**
 * Returns true when the expectation checks back fields and a tile of the app shows its front
 * although it has a back. In the deterministic motion mode one step of the tile animation turns
 * every Flip tile to its other face.
 */
export function needsStepToBack(tiles: TileSnapshot[], expected: TileExpectation): boolean {
  if (!expectsBackFields(expected)) {
    return false
  }
  return findCandidates(tiles, expected).some(({ tile }) => tile.hasBack && tile.face === 'front')
}

/**
 * Compares Start's tiles with an expected tile and returns what differs, empty when one tile
 * matches. Without a matching tile name it lists the tiles Start shows. Back fields match only
 * while the tile shows its back.
 */
export function toTileMismatches(tiles: TileSnapshot[], expected: TileExpectation): string[] {
  const candidates = findCandidates(tiles, expected)
  if (candidates.length === 0) {
    const tileDescription =
      expected.secondary === undefined ? 'tile' : `secondary tile ${expected.secondary}`
    const tileLabels = tiles.map((tile) => tile.label).join('; ')
    return [`Start shows no ${tileDescription} of ${expected.app}. Its tiles are [${tileLabels}]`]
  }

  const reports = candidates.map(({ tile, parsed }) => compareTile(tile, parsed, expected))
  return reports.find((mismatches) => mismatches.length === 0) ?? reports[0] ?? []
}

interface TileCandidate {
  tile: TileSnapshot
  parsed: { title: string; count: number }
}

function findCandidates(tiles: TileSnapshot[], expected: TileExpectation): TileCandidate[] {
  const candidates: TileCandidate[] = []
  for (const tile of tiles) {
    const parsed = parseTileLabel(tile.label, expected.app, expected.secondary)
    if (parsed !== undefined) {
      candidates.push({ tile, parsed })
    }
  }
  return candidates
}

function expectsBackFields(expected: TileExpectation): boolean {
  return expected.backTitle !== undefined || expected.backContent !== undefined
}

function compareTile(
  tile: TileSnapshot,
  parsed: { title: string; count: number },
  expected: TileExpectation,
): string[] {
  const mismatches: string[] = []
  const size = toTileSize(tile)
  if (expected.size !== undefined && size !== expected.size) {
    mismatches.push(`size: expected ${expected.size}, got ${size}`)
  }
  if (expected.title !== undefined && parsed.title !== expected.title) {
    mismatches.push(`title: expected "${expected.title}", got "${parsed.title}"`)
  }
  if (expected.count !== undefined && parsed.count !== expected.count) {
    mismatches.push(`count: expected ${expected.count}, got ${parsed.count}`)
  }
  return [...mismatches, ...compareBackFields(tile, size, expected)]
}

function compareBackFields(
  tile: TileSnapshot,
  size: TileSize,
  expected: TileExpectation,
): string[] {
  const onBack = tile.face === 'back'
  // The back face draws the content lines above the back title, which is the last line.
  const backTitle = onBack ? (tile.lines.at(-1) ?? '') : undefined
  const shownText = tile.lines.join('\n')
  const faceDescription = describeShownFace(tile, size, shownText)

  const mismatches: string[] = []
  if (expected.backTitle !== undefined && backTitle !== expected.backTitle) {
    mismatches.push(`back title: expected "${expected.backTitle}", ${faceDescription}`)
  }
  if (expected.backContent !== undefined && !(onBack && shownText.includes(expected.backContent))) {
    // A real phone draws WideBackContent on the back of a wide Flip tile, and BackContent only
    // at medium size.
    const wideNote =
      size === 'wide'
        ? ". A wide tile's back shows WideBackContent, not BackContent, as on a phone"
        : ''
    mismatches.push(
      `back content: expected "${expected.backContent}", ${faceDescription}${wideNote}`,
    )
  }
  return mismatches
}

/** Describes the face and size the text was read from, and why the back is not on show. */
function describeShownFace(tile: TileSnapshot, size: TileSize, shownText: string): string {
  const reads = `the ${tile.face} face of the ${size} tile reads ${JSON.stringify(shownText)}`
  if (tile.face === 'back' || tile.hasBack) {
    return reads
  }
  if (size === 'small') {
    return `${reads}, and it has no back because a small tile never turns over`
  }
  const backFields =
    size === 'wide'
      ? 'BackTitle, WideBackContent or WideBackBackgroundImage'
      : 'BackTitle, BackContent or BackBackgroundImage'
  return `${reads}, and it has no back at this size because a ${size} Flip tile turns over only with ${backFields}`
}
