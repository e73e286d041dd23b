import { describe, expect, it } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import { APP_CATALOGUE_STORAGE_KEY, MAX_CUSTOM_APPS, createAppCatalogue } from './app-catalogue'
import type { AppDefinition } from './app-model'
import { SAMPLE_APPS } from './sample-apps'

const RESERVED_IDS = SAMPLE_APPS.map((app) => app.id)

describe('createAppCatalogue', () => {
  it('stores a custom app as custom', () => {
    const catalogue = createAppCatalogue({ reservedIds: RESERVED_IDS, storage: memory() })

    const stored = catalogue.getState().addCustomApp(customApp('fabrikam-news'))

    expect(stored.id).toBe('fabrikam-news')
    expect(stored.origin).toBe('custom')
    expect(catalogue.getState().customApps).toEqual([stored])
  })

  it('renames an id a sample app has', () => {
    const catalogue = createAppCatalogue({ reservedIds: RESERVED_IDS, storage: memory() })

    const first = catalogue.getState().addCustomApp(customApp('contoso-weather'))
    const second = catalogue.getState().addCustomApp(customApp('contoso-weather-2'))
    const third = catalogue.getState().addCustomApp({ ...customApp('contoso-weather'), name: 'x' })

    expect(first.id).toBe('contoso-weather-2')
    expect(second.id).toBe('contoso-weather-2')
    expect(third.id).toBe('contoso-weather-3')
    expect(catalogue.getState().customApps.map((app) => app.id)).toEqual([
      'contoso-weather-2',
      'contoso-weather-3',
    ])
  })

  it('replaces a custom app with the same id', () => {
    const catalogue = createAppCatalogue({ reservedIds: RESERVED_IDS, storage: memory() })
    catalogue.getState().addCustomApp(customApp('fabrikam-news'))

    const replaced = catalogue
      .getState()
      .addCustomApp({ ...customApp('fabrikam-news'), name: 'Fabrikam News 2' })

    expect(replaced.id).toBe('fabrikam-news')
    expect(catalogue.getState().customApps.map((app) => app.name)).toEqual(['Fabrikam News 2'])
  })

  it('keeps the newest apps up to the maximum', () => {
    const catalogue = createAppCatalogue({ reservedIds: RESERVED_IDS, storage: memory() })

    for (let index = 0; index <= MAX_CUSTOM_APPS; index += 1) {
      catalogue.getState().addCustomApp(customApp(`app-${index}`))
    }

    const ids = catalogue.getState().customApps.map((app) => app.id)
    expect(ids).toHaveLength(MAX_CUSTOM_APPS)
    expect(ids[0]).toBe('app-1')
  })

  it('restores valid apps and drops invalid ones', async () => {
    const storage = memory()
    const stored = {
      state: {
        customApps: [
          customApp('fabrikam-news'),
          { ...customApp('broken'), tileTemplate: 'SpinningTile' },
          customApp('contoso-chat'),
          'not an app',
        ],
      },
      version: 1,
    }
    await storage.setItem(APP_CATALOGUE_STORAGE_KEY, JSON.stringify(stored))

    const catalogue = createAppCatalogue({ reservedIds: RESERVED_IDS, storage })

    expect(catalogue.getState().customApps.map((app) => app.id)).toEqual(['fabrikam-news'])
  })
})

function customApp(id: string): AppDefinition {
  const weather = SAMPLE_APPS[0] as AppDefinition
  return { ...weather, id, name: `App ${id}`, assets: {}, origin: 'custom' }
}

function memory(): StateStorage {
  const items = new Map<string, string>()
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => {
      items.set(name, value)
    },
    removeItem: (name) => {
      items.delete(name)
    },
  }
}
