import { describe, expect, it } from 'vitest'

import { SAMPLE_APPS } from '@/apps/sample-apps'
import type { TileState } from '@/mpns/tile-state'
import type { NotificationType } from '@/mpns/types'
import { START_SCREEN, createInitialAppStates } from '@/store/slices/device-model'
import type { AppState } from '@/store/slices/device-model'
import type { NotificationTarget } from '@/store/slices/notification-model'

import { buildPayloadPreview, formatTileFieldChange, listTileFieldChanges } from './preview-model'
import type { PayloadPreview, TilePreview, ToastPreview } from './preview-model'

const WEATHER = 'contoso-weather'
const OSLO_TILE_ID = '/CityPage.xaml?city=Oslo'

function createHandset(changes: Partial<NotificationTarget> = {}): NotificationTarget {
  return {
    screen: START_SCREEN,
    apps: createInitialAppStates(SAMPLE_APPS),
    toasts: [],
    conditions: { display: 'on', locked: false, battery: 'normal', osVersion: '8.0-update3' },
    ...changes,
  }
}

function withApp(handset: NotificationTarget, appId: string, changes: Partial<AppState>) {
  const app = handset.apps[appId]
  if (app === undefined) {
    throw new Error(`Failed to change app state: no app "${appId}"`)
  }
  return { ...handset, apps: { ...handset.apps, [appId]: { ...app, ...changes } } }
}

function tileXml(body: string, attributes = 'Template="FlipTile"'): string {
  return [
    '<wp:Notification xmlns:wp="WPNotification" Version="2.0">',
    `<wp:Tile ${attributes}>${body}</wp:Tile>`,
    '</wp:Notification>',
  ].join('')
}

function preview(options: {
  payload: string
  type?: NotificationType
  appId?: string
  handset?: NotificationTarget
}): PayloadPreview {
  return buildPayloadPreview({
    type: options.type ?? 'tile',
    payload: options.payload,
    handsetId: 'handset-1',
    appId: options.appId ?? WEATHER,
    handset: options.handset ?? createHandset(),
  })
}

function tilePreview(options: Parameters<typeof preview>[0]): TilePreview {
  const result = preview(options)
  if (result.kind !== 'tile') {
    throw new Error(`Expected a tile preview, got ${JSON.stringify(result)}`)
  }
  return result
}

function readMessage(result: PayloadPreview): string {
  return result.kind === 'invalid' ? result.message : ''
}

function changeLines(result: TilePreview): string[] {
  return result.changes.map(formatTileFieldChange)
}

describe('buildPayloadPreview', () => {
  it.each([
    {
      template: 'FlipTile',
      appId: 'contoso-weather',
      body: '<wp:Title>Oslo</wp:Title><wp:Count>3</wp:Count>',
      lines: ['Count: (not set) -> 3', 'Title: Contoso Weather -> Oslo'],
    },
    {
      template: 'IconicTile',
      appId: 'contoso-chat',
      body: '<wp:Count>5</wp:Count><wp:WideContent1>Alice: lunch?</wp:WideContent1>',
      lines: ['Count: (not set) -> 5', 'WideContent1: (not set) -> Alice: lunch?'],
    },
    {
      template: 'CycleTile',
      appId: 'contoso-photos',
      body: '<wp:Title>Trip</wp:Title><wp:CycleImage1>/Assets/Photos/Photo2.png</wp:CycleImage1>',
      lines: [
        'Title: Contoso Photos -> Trip',
        'CycleImage1: /Assets/Photos/Photo1.png -> /Assets/Photos/Photo2.png',
      ],
    },
  ])('merges a $template update onto the primary tile', ({ template, appId, body, lines }) => {
    const result = tilePreview({ appId, payload: tileXml(body, `Template="${template}"`) })

    expect(changeLines(result)).toEqual(lines)
    expect(result.before?.template).toBe(template)
    expect(result.after?.template).toBe(template)
    expect(result.notes).toEqual([])
  })

  it('merges a legacy update onto a Legacy tile', () => {
    const payload =
      '<wp:Notification xmlns:wp="WPNotification"><wp:Tile><wp:Count>4</wp:Count></wp:Tile></wp:Notification>'

    const result = tilePreview({ appId: 'fabrikam-scores', payload })

    expect(changeLines(result)).toEqual(['Count: (not set) -> 4'])
  })

  it('compares against the tile as updated before', () => {
    const current: TileState = { template: 'FlipTile', fields: { Title: 'Oslo', Count: '3' } }
    const handset = withApp(createHandset(), WEATHER, { tile: current })

    const result = tilePreview({ handset, payload: tileXml('<wp:Count>5</wp:Count>') })

    expect(result.before).toBe(current)
    expect(changeLines(result)).toEqual(['Count: 3 -> 5'])
    expect(result.after?.fields).toEqual({ Title: 'Oslo', Count: '5' })
  })

  it('counts a cleared element as a change', () => {
    const result = tilePreview({ payload: tileXml('<wp:Title Action="Clear"></wp:Title>') })

    expect(changeLines(result)).toEqual(['Title: Contoso Weather -> (cleared)'])
    expect(result.after?.fields.Title).toBeUndefined()
  })

  it('lists no change for clearing an unset element', () => {
    const result = tilePreview({ payload: tileXml('<wp:BackTitle Action="Clear"></wp:BackTitle>') })

    expect(result.changes).toEqual([])
  })

  it('keeps the count when Count is not a number', () => {
    const result = tilePreview({ payload: tileXml('<wp:Count>many</wp:Count>') })

    expect(result.changes).toEqual([])
  })

  it('merges onto the secondary tile its Id names', () => {
    const oslo: TileState = { template: 'FlipTile', fields: { Title: 'Oslo' } }
    const handset = withApp(createHandset(), WEATHER, { secondaryTiles: { [OSLO_TILE_ID]: oslo } })
    const payload = tileXml('<wp:Count>7</wp:Count>', `Id="${OSLO_TILE_ID}" Template="FlipTile"`)

    const result = tilePreview({ handset, payload })

    expect(result.tileId).toBe(OSLO_TILE_ID)
    expect(result.before).toBe(oslo)
    expect(changeLines(result)).toEqual(['Count: (not set) -> 7'])
    expect(handset.apps[WEATHER]?.tile.fields.Count).toBeUndefined()
  })

  it('explains an Id that names no pinned tile', () => {
    const payload = tileXml('<wp:Count>7</wp:Count>', `Id="${OSLO_TILE_ID}" Template="FlipTile"`)

    const result = tilePreview({ payload })

    expect(result.before).toBeUndefined()
    expect(result.after).toBeUndefined()
    expect(result.notes).toEqual([
      `Tile update dropped: no secondary tile with navigation URI "${OSLO_TILE_ID}" is pinned. Send the update without Id to change the primary tile.`,
    ])
  })

  it('leaves the tile unchanged for another template', () => {
    const result = tilePreview({
      payload: tileXml('<wp:Count>2</wp:Count>', 'Template="IconicTile"'),
    })

    expect(result.after).toBe(result.before)
    expect(result.changes).toEqual([])
    expect(result.notes[0]).toMatch(/^Tile update dropped: the primary tile uses the FlipTile/)
  })

  it('clears a local image the app does not contain', () => {
    const result = tilePreview({
      payload: tileXml('<wp:BackgroundImage>/Assets/Nope.png</wp:BackgroundImage>'),
    })

    expect(changeLines(result)).toEqual([
      'BackgroundImage: /Assets/Tiles/FlipCycleTileMedium.png -> (cleared)',
    ])
    expect(result.notes).toHaveLength(1)
    expect(result.notes[0]).toMatch(/^Tile image "\/Assets\/Nope.png" in BackgroundImage/)
  })

  it('merges remote images as if they downloaded', () => {
    const url = 'http://images.example/sky.png'
    const result = tilePreview({
      payload: tileXml(`<wp:BackBackgroundImage>${url}</wp:BackBackgroundImage>`),
    })

    expect(result.remoteImages).toEqual([url])
    expect(changeLines(result)).toEqual([`BackBackgroundImage: (not set) -> ${url}`])
  })

  it('leaves the handset state unchanged', () => {
    const handset = createHandset()
    const snapshot = JSON.stringify(handset)

    tilePreview({ handset, payload: tileXml('<wp:Title>Oslo</wp:Title>') })

    expect(JSON.stringify(handset)).toBe(snapshot)
  })

  it('reports invalid XML with the engine message', () => {
    const result = preview({ payload: tileXml('<wp:Title>Oslo</wp:Titl>') })

    expect(result.kind).toBe('invalid')
    expect(readMessage(result)).toMatch(/^Malformed XML payload/)
  })

  it('reports a toast sent as a tile', () => {
    const payload =
      '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Hi</wp:Text1></wp:Toast></wp:Notification>'

    const result = preview({ payload })

    expect(result.kind).toBe('invalid')
  })

  it('reports an app that is not installed', () => {
    const handset = withApp(createHandset(), WEATHER, { installed: false })

    const result = preview({ handset, payload: tileXml('<wp:Title>Oslo</wp:Title>') })

    expect(result).toEqual({
      kind: 'invalid',
      message:
        'App "contoso-weather" is not installed on handset-1, so nothing would change. Install the app or choose another channel.',
    })
  })

  it('returns a raw body as text', () => {
    expect(preview({ type: 'raw', payload: '<b>not markup</b>' })).toEqual({
      kind: 'raw',
      body: '<b>not markup</b>',
    })
  })
})

describe('buildPayloadPreview toast outcome', () => {
  const toastXml =
    '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Rain</wp:Text1><wp:Text2>at 5</wp:Text2></wp:Toast></wp:Notification>'

  function toastPreview(handset: NotificationTarget): ToastPreview {
    const result = preview({ type: 'toast', payload: toastXml, handset })
    if (result.kind !== 'toast') {
      throw new Error(`Expected a toast preview, got ${result.kind}`)
    }
    return result
  }

  it('shows a banner with the app in the background', () => {
    const result = toastPreview(createHandset())

    expect(result.outcome).toBe('banner')
    expect(result.toast.text1).toBe('Rain')
    expect(result.toast.text2).toBe('at 5')
  })

  it('goes to the app on screen', () => {
    const screen = { kind: 'app' as const, appId: WEATHER, page: '/MainPage.xaml', query: [] }

    expect(toastPreview(createHandset({ screen })).outcome).toBe('in-app')
  })

  it('is dropped on battery saver', () => {
    const handset = createHandset()
    const conditions = { ...handset.conditions, battery: 'saver' as const }

    expect(toastPreview({ ...handset, conditions }).outcome).toBe('none')
  })
})

describe('listTileFieldChanges', () => {
  it('lists changes in schema order', () => {
    const before: TileState = { template: 'FlipTile', fields: { Title: 'A', BackTitle: 'B' } }
    const after: TileState = { template: 'FlipTile', fields: { Count: '2', BackTitle: 'C' } }

    expect(listTileFieldChanges(before, after).map(formatTileFieldChange)).toEqual([
      'Count: (not set) -> 2',
      'Title: A -> (cleared)',
      'BackTitle: B -> C',
    ])
  })

  it('lists nothing for equal states', () => {
    const tile: TileState = { template: 'IconicTile', fields: { Count: '1' } }

    expect(listTileFieldChanges(tile, { ...tile })).toEqual([])
  })
})
