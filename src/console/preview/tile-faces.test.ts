import { describe, expect, it } from 'vitest'

import { findApp } from '@/apps/sample-apps'
import type { AppDefinition } from '@/apps/app-model'
import type { TileState } from '@/mpns/tile-state'

import { findChangedFaceKeys, listTileFaces } from './tile-faces'

const ACCENT = '#0050EF'

function requireApp(appId: string): AppDefinition {
  const app = findApp(appId)
  if (app === undefined) {
    throw new Error(`Failed to find sample app "${appId}"`)
  }
  return app
}

const weather = requireApp('contoso-weather')

function captions(app: AppDefinition, tile: TileState): string[] {
  return listTileFaces({ app, tile, accentColor: ACCENT }).map((face) => face.caption)
}

describe('listTileFaces', () => {
  it('lists a Flip tile front at every size', () => {
    expect(captions(weather, weather.initialTile)).toEqual([
      'Small',
      'Medium, front',
      'Wide, front',
    ])
  })

  it('adds the back only where a size has back content', () => {
    const tile: TileState = {
      template: 'FlipTile',
      fields: { Title: 'Oslo', BackContent: 'Snow' },
    }

    expect(captions(weather, tile)).toEqual([
      'Small',
      'Medium, front',
      'Medium, back',
      'Wide, front',
    ])
  })

  it('adds both backs for a BackTitle', () => {
    const tile: TileState = { template: 'FlipTile', fields: { BackTitle: 'Tomorrow' } }

    expect(captions(weather, tile)).toEqual([
      'Small',
      'Medium, front',
      'Medium, back',
      'Wide, front',
      'Wide, back',
    ])
  })

  it('draws the back on step 1', () => {
    const tile: TileState = { template: 'FlipTile', fields: { BackTitle: 'Tomorrow' } }

    const back = listTileFaces({ app: weather, tile, accentColor: ACCENT }).find(
      (face) => face.key === 'medium-back',
    )

    expect(back?.step).toBe(1)
  })

  it('draws a wide Legacy tile at medium', () => {
    const scores = requireApp('fabrikam-scores')

    expect(captions(scores, scores.initialTile)).toEqual([
      'Small',
      'Medium, front',
      'Wide, front (drawn at medium)',
    ])
  })

  it('counts Cycle tile images', () => {
    const photos = requireApp('contoso-photos')

    expect(captions(photos, photos.initialTile)).toEqual([
      'Small',
      'Medium, image 1 of 5',
      'Wide, image 1 of 5',
    ])
  })

  it('says when a Cycle tile has no images', () => {
    const photos = requireApp('contoso-photos')

    expect(captions(photos, { template: 'CycleTile', fields: { Title: 'Empty' } })).toEqual([
      'Small',
      'Medium, no images',
      'Wide, no images',
    ])
  })

  it('lists one frame per Iconic size', () => {
    const chat = requireApp('contoso-chat')

    expect(captions(chat, chat.initialTile)).toEqual(['Small', 'Medium', 'Wide'])
  })

  it('replaces remote images with placeholders', () => {
    const tile: TileState = {
      template: 'FlipTile',
      fields: { BackgroundImage: 'http://images.example/a.png' },
    }

    const medium = listTileFaces({ app: weather, tile, accentColor: ACCENT }).find(
      (face) => face.key === 'medium-front',
    )

    const view = medium?.view
    expect(medium?.remoteImageCount).toBe(1)
    expect(view?.template).toBe('flip')
    expect(view?.template === 'flip' ? view.front.image : undefined).toEqual({
      kind: 'missing',
      path: 'http://images.example/a.png',
    })
  })

  it('keeps an Iconic remote icon from loading', () => {
    const chat = requireApp('contoso-chat')
    const tile: TileState = {
      template: 'IconicTile',
      fields: { IconImage: 'https://images.example/icon.png' },
    }

    const medium = listTileFaces({ app: chat, tile, accentColor: ACCENT })[1]

    const view = medium?.view
    expect(medium?.remoteImageCount).toBe(1)
    expect(view?.template).toBe('iconic')
    expect(view?.template === 'iconic' ? view.icon.kind : undefined).toBe('missing')
  })
})

describe('findChangedFaceKeys', () => {
  function faces(tile: TileState) {
    return listTileFaces({ app: weather, tile, accentColor: ACCENT })
  }

  it('marks the frames a new title changes', () => {
    const before = faces({ template: 'FlipTile', fields: { Title: 'Oslo', Count: '3' } })
    const after = faces({ template: 'FlipTile', fields: { Title: 'Bergen', Count: '3' } })

    expect([...findChangedFaceKeys(before, after)]).toEqual(['medium-front', 'wide-front'])
  })

  it('marks the small frame for a new count', () => {
    const before = faces({ template: 'FlipTile', fields: { Count: '3' } })
    const after = faces({ template: 'FlipTile', fields: { Count: '5' } })

    expect([...findChangedFaceKeys(before, after)]).toEqual([
      'small-front',
      'medium-front',
      'wide-front',
    ])
  })

  it('marks a back that appears', () => {
    const before = faces({ template: 'FlipTile', fields: {} })
    const after = faces({ template: 'FlipTile', fields: { BackContent: 'Snow' } })

    expect([...findChangedFaceKeys(before, after)]).toEqual(['medium-back'])
  })

  it('marks nothing for the same tile', () => {
    const tile: TileState = { template: 'FlipTile', fields: { Title: 'Oslo' } }

    expect(findChangedFaceKeys(faces(tile), faces({ ...tile })).size).toBe(0)
  })
})
