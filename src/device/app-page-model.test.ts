import { describe, expect, it } from 'vitest'

import { describeChannelBindings, formatPagePath, isKnownPage, toPageTitle } from './app-page-model'

describe('formatPagePath', () => {
  it('returns the page alone without a query', () => {
    expect(formatPagePath('/MainPage.xaml', [])).toBe('/MainPage.xaml')
  })

  it('appends decoded query pairs', () => {
    const query: Array<[string, string]> = [
      ['NavigatedFrom', 'Toast'],
      ['id', '42'],
      ['city', 'São Paulo'],
    ]
    expect(formatPagePath('/Page2.xaml', query)).toBe(
      '/Page2.xaml?NavigatedFrom=Toast&id=42&city=São Paulo',
    )
  })
})

describe('toPageTitle', () => {
  it.each([
    ['/MainPage.xaml', 'main page'],
    ['/Page2.xaml', 'page 2'],
    ['/Views/ForecastDetails.xaml', 'forecast details'],
    ['/chat_thread.xaml', 'chat thread'],
    ['/', 'page'],
  ])('turns %s into %s', (page, title) => {
    expect(toPageTitle(page)).toBe(title)
  })
})

describe('isKnownPage', () => {
  const app = { defaultPage: '/MainPage.xaml', pages: ['/MainPage.xaml', '/CityPage.xaml'] }

  it.each([
    ['/MainPage.xaml', true],
    ['/citypage.XAML', true],
    ['/Page2.xaml', false],
  ])('reads %s as %s', (page, known) => {
    expect(isKnownPage(app, page)).toBe(known)
  })
})

describe('describeChannelBindings', () => {
  it.each([
    [{}, 'allowed', true, 'IsShellToastBound: true, IsShellTileBound: true'],
    [{}, 'declined', true, 'IsShellToastBound: false, IsShellTileBound: true'],
    [{}, 'allowed', false, 'IsShellToastBound: true, IsShellTileBound: false'],
    [{ rawOnly: true }, 'allowed', true, 'IsShellToastBound: false, IsShellTileBound: false'],
  ] as const)('describes %j with %s and tiles %s', (app, permission, tileUpdatesEnabled, text) => {
    const appState = { channelUri: 'https://x/1', permission, tileUpdatesEnabled }

    expect(describeChannelBindings(app, appState)).toBe(text)
  })

  it('says when no channel is open', () => {
    const appState = { permission: 'allowed', tileUpdatesEnabled: true } as const

    expect(describeChannelBindings({}, appState)).toBe('No open channel.')
  })
})
