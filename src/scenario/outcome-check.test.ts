import { describe, expect, it } from 'vitest'

import { checkOutcome } from './outcome-check'
import type { HandsetView, TileView } from './outcome-check'
import type { ScenarioOutcomeExpectation } from './scenario-schema'

const CHAT = { id: 'contoso-chat', name: 'Contoso Chat' }
const WEATHER = { id: 'contoso-weather', name: 'Contoso Weather' }

const CHAT_TILE: TileView = {
  app: CHAT,
  navigationUri: undefined,
  size: 'wide',
  template: 'FlipTile',
  count: 3,
  fields: {
    Title: 'Chat',
    Count: '3',
    BackTitle: 'Anna',
    BackContent: 'medium back',
    WideBackContent: 'Lunch?\r\nAt noon',
  },
}

const OSLO_TILE: TileView = {
  app: WEATHER,
  navigationUri: '/CityPage.xaml?city=Oslo',
  size: 'medium',
  template: 'FlipTile',
  count: 0,
  fields: { Title: 'Oslo', BackContent: 'Rain' },
}

const VIEW: HandsetView = {
  name: 'Handset 1',
  displayOn: true,
  locked: false,
  toast: { app: CHAT, text1: 'Anna', text2: 'Lunch?' },
  page: {
    app: CHAT,
    path: '/MainPage.xaml',
    query: [
      ['thread', '7'],
      ['from', 'toast'],
    ],
  },
  screenName: 'Start',
  tiles: [CHAT_TILE, OSLO_TILE],
  quickStatus: [{ app: CHAT, count: 3 }],
  detailedStatus: { app: CHAT, lines: ['Lunch?', 'At noon'] },
}

const LOCKED: HandsetView = { ...VIEW, locked: true }
const EMPTY: HandsetView = { ...VIEW, toast: undefined, page: undefined }

function check(expected: ScenarioOutcomeExpectation, view: HandsetView = VIEW): string[] {
  return checkOutcome(expected, () => view)
}

describe('checkOutcome', () => {
  it.each<[string, ScenarioOutcomeExpectation, HandsetView]>([
    ['toast by text and app', { toast: { app: 'Contoso Chat', text1: 'Anna' } }, VIEW],
    ['toast by app id', { toast: { app: 'contoso-chat', text2: 'Lunch?' } }, VIEW],
    ['no toast as true', { noToast: true }, EMPTY],
    ['no toast as an object', { noToast: {} }, EMPTY],
    [
      'page with part of the query',
      { page: { page: '/MainPage.xaml', query: { thread: '7' } } },
      VIEW,
    ],
    [
      'wide tile with WideBackContent',
      { tile: { app: 'Contoso Chat', size: 'wide', count: 3, backContent: 'Lunch?\nAt noon' } },
      VIEW,
    ],
    [
      'secondary tile',
      { tile: { app: 'Contoso Weather', secondary: '/CityPage.xaml?city=Oslo', count: 0 } },
      VIEW,
    ],
    [
      'lock screen count and text',
      { lockScreen: { app: 'Contoso Chat', count: 3, text: 'Lunch?\nAt noon' } },
      LOCKED,
    ],
  ])('passes a matching %s', (_case, expected, view) => {
    expect(check(expected, view)).toEqual([])
  })

  it.each<[string, ScenarioOutcomeExpectation, HandsetView, string[]]>([
    [
      'toast text',
      { toast: { text1: 'Bob', text2: 'Lunch?' } },
      VIEW,
      ['Toast: expected Text1 "Bob", shown "Anna"'],
    ],
    [
      'toast app',
      { toast: { app: 'Contoso Weather' } },
      VIEW,
      ['Toast: expected app "Contoso Weather", shown "Contoso Chat"'],
    ],
    [
      'missing toast',
      { toast: { text1: 'Bob' } },
      EMPTY,
      ['Toast: expected Text1 "Bob", but no toast is on screen'],
    ],
    [
      'toast while the display is off',
      { toast: { app: 'Contoso Chat' } },
      { ...EMPTY, displayOn: false },
      ['Toast: expected a toast from Contoso Chat, but the display is off'],
    ],
    [
      'toast that should not show',
      { noToast: true },
      VIEW,
      ['No toast: expected none, shown Text1 "Anna", Text2 "Lunch?" from Contoso Chat'],
    ],
    [
      'page on Start',
      { page: { page: '/MainPage.xaml' } },
      EMPTY,
      ['Page: expected /MainPage.xaml, but Start is on screen'],
    ],
    [
      'page path and query',
      { page: { app: 'Contoso Weather', page: '/CityPage.xaml', query: { thread: '8' } } },
      VIEW,
      [
        'Page: expected app "Contoso Weather", shown "Contoso Chat"',
        'Page: expected /CityPage.xaml, shown /MainPage.xaml',
        'Page: expected the query to contain thread=8, shown thread=7&from=toast',
      ],
    ],
    [
      'tile fields',
      { tile: { app: 'Contoso Chat', size: 'medium', title: 'Talk', count: 0, backTitle: 'Bo' } },
      VIEW,
      [
        'Tile of Contoso Chat: expected size medium, shown wide',
        'Tile of Contoso Chat: expected Count 0, shown 3',
        'Tile of Contoso Chat: expected Title "Talk", shown "Chat"',
        'Tile of Contoso Chat: expected BackTitle "Bo", shown "Anna"',
      ],
    ],
    [
      'back content of a wide Flip tile',
      { tile: { app: 'Contoso Chat', backContent: 'medium back' } },
      VIEW,
      [
        'Tile of Contoso Chat: expected back content "medium back", the wide tile shows WideBackContent "Lunch?\\nAt noon"',
      ],
    ],
    [
      'back content of a medium tile',
      {
        tile: { app: 'Contoso Weather', secondary: '/CityPage.xaml?city=Oslo', backContent: 'Sun' },
      },
      VIEW,
      [
        'Secondary tile /CityPage.xaml?city=Oslo of Contoso Weather: expected back content "Sun", the medium tile shows BackContent "Rain"',
      ],
    ],
    [
      'tile that is not pinned',
      { tile: { app: 'Contoso Weather', secondary: '/CityPage.xaml?city=Rome' } },
      VIEW,
      [
        'Secondary tile /CityPage.xaml?city=Rome of Contoso Weather: expected on Start, but it is not pinned',
      ],
    ],
    [
      'lock screen while unlocked',
      { lockScreen: { app: 'Contoso Chat', count: 3 } },
      VIEW,
      ['Lock screen: expected the lock screen, but the handset is unlocked'],
    ],
    [
      'quick-status count',
      { lockScreen: { app: 'Contoso Chat', count: 5 } },
      LOCKED,
      ['Lock screen: expected the quick-status count 5 for Contoso Chat, shown 3'],
    ],
    [
      'app missing from the quick-status row',
      { lockScreen: { app: 'Contoso Weather', count: 1 } },
      LOCKED,
      [
        'Lock screen: expected Contoso Weather in the quick-status row with count 1, but the row shows Contoso Chat',
      ],
    ],
    [
      'detailed text',
      { lockScreen: { app: 'Contoso Chat', text: 'Lunch?' } },
      LOCKED,
      ['Lock screen: expected the detailed status "Lunch?", shown "Lunch?\\nAt noon"'],
    ],
    [
      'detailed-status app',
      { lockScreen: { app: 'Contoso Weather', text: 'Rain' } },
      { ...LOCKED, detailedStatus: undefined },
      [
        'Lock screen: expected the detailed status "Rain" of Contoso Weather, but the detailed-status app is no app',
      ],
    ],
  ])('reports a different %s', (_case, expected, view, mismatches) => {
    expect(check(expected, view)).toEqual(mismatches)
  })

  it('names the handset an expectation names', () => {
    const mismatches = checkOutcome({ noToast: { handset: 'Phone B' } }, (handset) => ({
      ...VIEW,
      name: handset ?? 'Handset 1',
    }))

    expect(mismatches).toEqual([
      'No toast on Phone B: expected none, shown Text1 "Anna", Text2 "Lunch?" from Contoso Chat',
    ])
  })
})
