import { describe, expect, it } from 'vitest'

import {
  deriveAppId,
  describeUnusableTitle,
  toAppIdSlug,
  toDefaultChannelName,
  toPagePath,
} from './app-naming'

describe('toAppIdSlug', () => {
  it.each([
    ['Contoso Weather', 'contoso-weather'],
    ['  São Paulo Café!  ', 'sao-paulo-cafe'],
    ['PushSharp.ClientSample.WindowsPhone', 'pushsharp-clientsample-windowsphone'],
    ['你好', ''],
    ['a'.repeat(63) + ' b', 'a'.repeat(63)],
  ])('turns %j into %j', (text, slug) => {
    expect(toAppIdSlug(text)).toBe(slug)
  })
})

describe('deriveAppId', () => {
  it.each([
    ['{BC04DBDE-32A9-4130-8964-E7EF21116819}', 'X', 'bc04dbde-32a9-4130-8964-e7ef21116819'],
    ['bc04dbde-32a9-4130-8964-e7ef21116819', 'X', 'bc04dbde-32a9-4130-8964-e7ef21116819'],
    ['{}', 'Live Tunes', 'live-tunes'],
    ['{$guid1$}', 'Fabrikam', 'fabrikam'],
    [undefined, '你好', 'imported-app'],
  ])('derives from %j and %j', (productId, name, id) => {
    expect(deriveAppId(productId, name)).toBe(id)
  })
})

describe('describeUnusableTitle', () => {
  it.each([
    ['@AppResLib.dll,-100', 'refers to a string resource, which the emulator cannot read'],
    ['$safeprojectname$', 'is a Visual Studio template parameter that was never filled in'],
    ['Contoso $5 deals', undefined],
    ['@home', undefined],
  ])('describes %j', (title, problem) => {
    expect(describeUnusableTitle(title)).toBe(problem)
  })
})

describe('toDefaultChannelName', () => {
  it('drops whitespace and appends Channel', () => {
    expect(toDefaultChannelName('Contoso  Weather\t2')).toBe('ContosoWeather2Channel')
  })
})

describe('toPagePath', () => {
  it.each([
    ['MainPage.xaml', '/MainPage.xaml'],
    ['Views\\MainPage.xaml', '/Views/MainPage.xaml'],
    ['/Page2.xaml', '/Page2.xaml'],
    ['  ', ''],
  ])('turns %j into %j', (page, path) => {
    expect(toPagePath(page)).toBe(path)
  })
})
