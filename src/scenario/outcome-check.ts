import type { ScenarioOutcomeExpectation } from './scenario-schema'

/** An installed app, which an expectation names by its name or its id. */
export interface AppIdentity {
  id: string
  name: string
}

/** A Start tile and the content it shows. */
export interface TileView {
  app: AppIdentity
  /** Navigation URI of a secondary tile, undefined for the app's primary tile. */
  navigationUri: string | undefined
  size: 'small' | 'medium' | 'wide'
  template: 'FlipTile' | 'IconicTile' | 'CycleTile' | 'Legacy'
  /** Count badge the tile shows, 0 when it shows none. */
  count: number
  /** The tile's fields by MPNS element name, such as `Title` or `WideBackContent`. */
  fields: Partial<Record<string, string>>
}

/** The visible state of one handset, read from its store by the page. */
export interface HandsetView {
  name: string
  displayOn: boolean
  locked: boolean
  /** The toast banner on screen, the first in line, while the display is on. */
  toast: { app: AppIdentity; text1: string; text2: string } | undefined
  /** The app page on screen, undefined on Start and the other shell screens. */
  page:
    { app: AppIdentity; path: string; query: ReadonlyArray<readonly [string, string]> } | undefined
  /** Name of the screen on show when no app page is, such as `Start`. */
  screenName: string
  /** Tiles pinned to Start, in Start order. */
  tiles: readonly TileView[]
  /** The lock screen's quick-status row, left to right, with each app's count (0 for none). */
  quickStatus: ReadonlyArray<{ app: AppIdentity; count: number }>
  /** The detailed-status app and the lines of text it shows, undefined when none is chosen. */
  detailedStatus: { app: AppIdentity; lines: readonly string[] } | undefined
}

/** Reads a handset's view by its name, or the first handset's without one. */
export type ReadHandsetView = (handset: string | undefined) => HandsetView

type Expectations = {
  [Key in keyof ScenarioOutcomeExpectation]-?: NonNullable<ScenarioOutcomeExpectation[Key]>
}
type TileExpectation = Expectations['tile']

/**
 * Compares an outcome expectation with what the handsets show. Returns one sentence per value
 * that differs, naming the expected and the shown value, such as
 * `Toast: expected Text1 "Bob", shown "Anna"`. Empty when everything matches.
 */
export function checkOutcome(
  expected: ScenarioOutcomeExpectation,
  readHandset: ReadHandsetView,
): string[] {
  const mismatches: string[] = []
  if (expected.toast !== undefined) {
    mismatches.push(...checkToast(expected.toast, readHandset(expected.toast.handset)))
  }
  if (expected.noToast !== undefined) {
    const handset = expected.noToast === true ? undefined : expected.noToast.handset
    mismatches.push(...checkNoToast(handset, readHandset(handset)))
  }
  if (expected.tile !== undefined) {
    mismatches.push(...checkTile(expected.tile, readHandset(expected.tile.handset)))
  }
  if (expected.page !== undefined) {
    mismatches.push(...checkPage(expected.page, readHandset(expected.page.handset)))
  }
  if (expected.lockScreen !== undefined) {
    mismatches.push(
      ...checkLockScreen(expected.lockScreen, readHandset(expected.lockScreen.handset)),
    )
  }
  return mismatches
}

function checkToast(expected: Expectations['toast'], view: HandsetView): string[] {
  const subject = toSubject('Toast', expected.handset, view)
  const shown = view.toast
  if (shown === undefined) {
    const expectedToast = describeToast(expected)
    const reason = view.displayOn ? 'no toast is on screen' : 'the display is off'
    return [`${subject}: expected ${expectedToast}, but ${reason}`]
  }

  const mismatches: string[] = []
  if (expected.app !== undefined && !isApp(shown.app, expected.app)) {
    mismatches.push(`${subject}: expected app "${expected.app}", shown "${shown.app.name}"`)
  }
  if (expected.text1 !== undefined && shown.text1 !== expected.text1) {
    mismatches.push(`${subject}: expected Text1 "${expected.text1}", shown "${shown.text1}"`)
  }
  if (expected.text2 !== undefined && shown.text2 !== expected.text2) {
    mismatches.push(`${subject}: expected Text2 "${expected.text2}", shown "${shown.text2}"`)
  }
  return mismatches
}

function checkNoToast(handset: string | undefined, view: HandsetView): string[] {
  const shown = view.toast
  if (shown === undefined) {
    return []
  }
  const subject = toSubject('No toast', handset, view)
  return [
    `${subject}: expected none, shown Text1 "${shown.text1}", Text2 "${shown.text2}" from ${shown.app.name}`,
  ]
}

function checkPage(expected: Expectations['page'], view: HandsetView): string[] {
  const subject = toSubject('Page', expected.handset, view)
  const shown = view.page
  if (shown === undefined) {
    return [`${subject}: expected ${expected.page}, but ${view.screenName} is on screen`]
  }

  const mismatches: string[] = []
  if (expected.app !== undefined && !isApp(shown.app, expected.app)) {
    mismatches.push(`${subject}: expected app "${expected.app}", shown "${shown.app.name}"`)
  }
  if (shown.path !== expected.page) {
    mismatches.push(`${subject}: expected ${expected.page}, shown ${shown.path}`)
  }
  const pairs = Object.entries(expected.query ?? {})
  const isContained = pairs.every(([key, value]) =>
    shown.query.some(([shownKey, shownValue]) => shownKey === key && shownValue === value),
  )
  if (!isContained) {
    mismatches.push(
      `${subject}: expected the query to contain ${formatQuery(pairs)}, shown ${formatQuery(shown.query)}`,
    )
  }
  return mismatches
}

function checkTile(expected: TileExpectation, view: HandsetView): string[] {
  const tile = view.tiles.find(
    (candidate) =>
      isApp(candidate.app, expected.app) && candidate.navigationUri === expected.secondary,
  )
  const name =
    expected.secondary === undefined
      ? `Tile of ${expected.app}`
      : `Secondary tile ${expected.secondary} of ${expected.app}`
  const subject = toSubject(name, expected.handset, view)
  if (tile === undefined) {
    return [`${subject}: expected on Start, but it is not pinned`]
  }

  const mismatches: string[] = []
  if (expected.size !== undefined && tile.size !== expected.size) {
    mismatches.push(`${subject}: expected size ${expected.size}, shown ${tile.size}`)
  }
  if (expected.count !== undefined && tile.count !== expected.count) {
    mismatches.push(
      `${subject}: expected Count ${expected.count}, shown ${formatCount(tile.count)}`,
    )
  }
  const fieldChecks: Array<[string, string | undefined]> = [
    ['Title', expected.title],
    ['BackTitle', expected.backTitle],
  ]
  for (const [field, value] of fieldChecks) {
    const shown = tile.fields[field]
    if (value !== undefined && normalizeLines(shown) !== normalizeLines(value)) {
      mismatches.push(
        `${subject}: expected ${field} "${value}", shown ${formatText(normalizeLines(shown))}`,
      )
    }
  }
  if (expected.backContent !== undefined) {
    // A wide Flip tile shows WideBackContent on its back, and every other tile BackContent.
    const field =
      tile.template === 'FlipTile' && tile.size === 'wide' ? 'WideBackContent' : 'BackContent'
    const shown = tile.fields[field]
    if (normalizeLines(shown) !== normalizeLines(expected.backContent)) {
      mismatches.push(
        `${subject}: expected back content "${expected.backContent}", the ${tile.size} tile shows ${field} ${formatText(normalizeLines(shown))}`,
      )
    }
  }
  return mismatches
}

function checkLockScreen(expected: Expectations['lockScreen'], view: HandsetView): string[] {
  const subject = toSubject('Lock screen', expected.handset, view)
  if (!view.displayOn || !view.locked) {
    const reason = view.displayOn ? 'the handset is unlocked' : 'the display is off'
    return [`${subject}: expected the lock screen, but ${reason}`]
  }

  const mismatches: string[] = []
  if (expected.count !== undefined) {
    const item = view.quickStatus.find((candidate) => isApp(candidate.app, expected.app))
    if (item === undefined) {
      const row = view.quickStatus.map((candidate) => candidate.app.name).join(', ')
      mismatches.push(
        `${subject}: expected ${expected.app} in the quick-status row with count ${expected.count}, but the row shows ${row === '' ? 'no apps' : row}`,
      )
    } else if (item.count !== expected.count) {
      mismatches.push(
        `${subject}: expected the quick-status count ${expected.count} for ${expected.app}, shown ${formatCount(item.count)}`,
      )
    }
  }
  if (expected.text !== undefined) {
    const detailed = view.detailedStatus
    if (detailed === undefined || !isApp(detailed.app, expected.app)) {
      const chosen = detailed === undefined ? 'no app' : detailed.app.name
      mismatches.push(
        `${subject}: expected the detailed status "${expected.text}" of ${expected.app}, but the detailed-status app is ${chosen}`,
      )
    } else if (detailed.lines.join('\n') !== normalizeLines(expected.text)) {
      mismatches.push(
        `${subject}: expected the detailed status "${expected.text}", shown ${formatText(detailed.lines.join('\n'))}`,
      )
    }
  }
  return mismatches
}

/** Names the checked part, with the handset when the expectation names one. */
function toSubject(part: string, handset: string | undefined, view: HandsetView): string {
  return handset === undefined ? part : `${part} on ${view.name}`
}

function isApp(app: AppIdentity, reference: string): boolean {
  return app.name === reference || app.id === reference
}

function describeToast(expected: Expectations['toast']): string {
  const parts = [
    ...(expected.text1 === undefined ? [] : [`Text1 "${expected.text1}"`]),
    ...(expected.text2 === undefined ? [] : [`Text2 "${expected.text2}"`]),
  ]
  const from = expected.app === undefined ? '' : ` from ${expected.app}`
  return parts.length === 0 ? `a toast${from}` : `${parts.join(', ')}${from}`
}

function formatQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.length === 0 ? 'no query' : pairs.map(([key, value]) => `${key}=${value}`).join('&')
}

function formatCount(count: number): string {
  return count === 0 ? 'no count' : String(count)
}

function formatText(text: string | undefined): string {
  return text === undefined ? 'nothing' : JSON.stringify(text)
}

/** Compares text with line feeds only, because tile fields may break lines with CR LF. */
function normalizeLines(text: string | undefined): string | undefined {
  return text?.replace(/\r\n?/g, '\n')
}
