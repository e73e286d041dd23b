import { describe, expect, it } from 'vitest'

import { toNavigationTarget } from './param'
import type { NavigationTarget } from './param'

const MAIN = '/MainPage.xaml'

describe('toNavigationTarget', () => {
  it.each<[string | undefined, NavigationTarget]>([
    [undefined, { page: MAIN, query: [] }],
    ['', { page: MAIN, query: [] }],
    ['Page.xaml', { page: MAIN, query: [] }],
    ['http://example.com/', { page: MAIN, query: [] }],
    ['/Page2.xaml', { page: '/Page2.xaml', query: [] }],
    ['/Page2.xaml?', { page: '/Page2.xaml', query: [] }],
    [
      '/Page2.xaml?NavigatedFrom=Toast&id=42',
      {
        page: '/Page2.xaml',
        query: [
          ['NavigatedFrom', 'Toast'],
          ['id', '42'],
        ],
      },
    ],
    ['?id=42', { page: MAIN, query: [['id', '42']] }],
    [
      '?a=1&&b=2&',
      {
        page: MAIN,
        query: [
          ['a', '1'],
          ['b', '2'],
        ],
      },
    ],
    [
      '?flag&x=',
      {
        page: MAIN,
        query: [
          ['flag', ''],
          ['x', ''],
        ],
      },
    ],
    ['?q=a%20b%26c', { page: MAIN, query: [['q', 'a b&c']] }],
    ['?q=a+b', { page: MAIN, query: [['q', 'a+b']] }],
    ['?q=100%', { page: MAIN, query: [['q', '100%']] }],
    ['?eq=a=b', { page: MAIN, query: [['eq', 'a=b']] }],
    [
      '?k=1&k=2',
      {
        page: MAIN,
        query: [
          ['k', '1'],
          ['k', '2'],
        ],
      },
    ],
    [
      '/P.xaml?NavigatedFrom=Toast Notification',
      { page: '/P.xaml', query: [['NavigatedFrom', 'Toast Notification']] },
    ],
  ])('reads %j', (param, expected) => {
    expect(toNavigationTarget(param, MAIN)).toEqual(expected)
  })

  it.each([
    [256, '/P.xaml'],
    [257, MAIN],
  ])('opens a %i-character Param on %s', (length, page) => {
    const param = `/P.xaml?q=${'x'.repeat(length - '/P.xaml?q='.length)}`
    const target = toNavigationTarget(param, MAIN)

    expect(param.length).toBe(length)
    expect(target.page).toBe(page)
  })
})
