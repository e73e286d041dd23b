import { describe, expect, it } from 'vitest'

import { PAGE_THEME_STORAGE_KEY, createPageTheme } from './page-theme'
import type { PageThemeSetting } from './page-theme'

function createMemoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial))
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  }
}

describe('page theme', () => {
  it('follows the system until a theme is chosen', () => {
    const applied: PageThemeSetting[] = []
    const theme = createPageTheme(createMemoryStorage(), (setting) => applied.push(setting))
    expect(theme.getState().setting).toBe('system')
    expect(applied).toEqual(['system'])
  })

  it('stores a chosen theme for reload', () => {
    const storage = createMemoryStorage()
    const applied: PageThemeSetting[] = []
    createPageTheme(storage, () => undefined)
      .getState()
      .chooseTheme('light')
    expect(storage.values.get(PAGE_THEME_STORAGE_KEY)).toBe('light')

    const reloaded = createPageTheme(storage, (setting) => applied.push(setting))
    expect(reloaded.getState().setting).toBe('light')
    expect(applied).toEqual(['light'])
  })

  it.each(['', 'purple', 'LIGHT'])('ignores the stored value %j', (stored) => {
    const storage = createMemoryStorage({ [PAGE_THEME_STORAGE_KEY]: stored })
    expect(createPageTheme(storage, () => undefined).getState().setting).toBe('system')
  })

  it('keeps working when storage throws', () => {
    const storage = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    const theme = createPageTheme(storage, () => undefined)
    theme.getState().chooseTheme('dark')
    expect(theme.getState().setting).toBe('dark')
  })
})
