import { describe, expect, it } from 'vitest'

import { formatPagePath, toPageTitle } from './app-page-model'

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
