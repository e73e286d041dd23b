import { describe, expect, it } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import {
  HANDSET_REGISTRY_STORAGE_KEY,
  MAX_HANDSETS,
  createHandsetRegistry,
} from './handset-registry'

describe('createHandsetRegistry', () => {
  it('starts with one handset', () => {
    const registry = createHandsetRegistry(createMemoryStorage())

    expect(registry.getState().handsets).toEqual([
      {
        id: 'handset-1',
        name: 'Handset 1',
        model: 'wvga',
        osVersion: '8.0-update3',
        theme: 'dark',
        accent: 'cobalt',
      },
    ])
  })

  it('adds handsets up to the maximum', () => {
    const registry = createHandsetRegistry(createMemoryStorage())

    for (let added = 1; added < MAX_HANDSETS; added += 1) {
      expect(registry.getState().addHandset()).toBeDefined()
    }
    expect(registry.getState().addHandset()).toBeUndefined()
    expect(registry.getState().handsets.map((handset) => handset.name)).toEqual([
      'Handset 1',
      'Handset 2',
      'Handset 3',
      'Handset 4',
    ])
  })

  it('reuses the lowest free number', () => {
    const registry = createHandsetRegistry(createMemoryStorage())
    registry.getState().addHandset()
    registry.getState().addHandset()

    registry.getState().removeHandset('handset-2')
    const added = registry.getState().addHandset()

    expect(added?.id).toBe('handset-2')
  })

  it('keeps the last handset', () => {
    const registry = createHandsetRegistry(createMemoryStorage())

    registry.getState().removeHandset('handset-1')

    expect(registry.getState().handsets).toHaveLength(1)
  })

  it('restores valid profiles and repairs invalid fields', async () => {
    const storage = createMemoryStorage()
    const stored = {
      state: {
        handsets: [
          { id: 'handset-3', model: '720p', osVersion: '8.0', theme: 'light', accent: 'lime' },
          { id: 'handset-3', model: 'wxga' },
          { id: 'phone', model: 'wvga' },
          { id: 'handset-2', model: 'huge', osVersion: 7, theme: 'pink', accent: 'gold' },
        ],
      },
      version: 1,
    }
    await storage.setItem(HANDSET_REGISTRY_STORAGE_KEY, JSON.stringify(stored))

    const registry = createHandsetRegistry(storage)

    expect(registry.getState().handsets).toEqual([
      {
        id: 'handset-3',
        name: 'Handset 3',
        model: '720p',
        osVersion: '8.0',
        theme: 'light',
        accent: 'lime',
      },
      {
        id: 'handset-2',
        name: 'Handset 2',
        model: 'wvga',
        osVersion: '8.0-update3',
        theme: 'dark',
        accent: 'cobalt',
      },
    ])
  })

  it('changes one handset profile', () => {
    const registry = createHandsetRegistry(createMemoryStorage())
    registry.getState().addHandset()

    registry.getState().updateHandset('handset-2', { theme: 'light', accent: 'red' })

    expect(registry.getState().handsets[0]?.theme).toBe('dark')
    expect(registry.getState().handsets[1]).toMatchObject({ theme: 'light', accent: 'red' })
  })
})

function createMemoryStorage(): StateStorage {
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
