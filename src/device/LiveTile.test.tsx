// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { MotionGlobalConfig } from 'framer-motion'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { findApp } from '@/apps/sample-apps'
import type { AppDefinition } from '@/apps/app-model'
import type { TileState } from '@/mpns/tile-state'

import { LiveTile } from './LiveTile'

const weather = requireApp('contoso-weather')
const chat = requireApp('contoso-chat')

beforeEach(() => {
  MotionGlobalConfig.skipAnimations = true
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('LiveTile', () => {
  it('opens its app when tapped', () => {
    const onOpen = vi.fn()
    render(<LiveTile app={weather} tile={weather.initialTile} onOpen={onOpen} />)

    fireEvent.click(screen.getByRole('button', { name: 'Contoso Weather' }))

    expect(onOpen).toHaveBeenCalledWith('contoso-weather')
  })

  it('flips to the back and shows one face at a time', async () => {
    vi.useFakeTimers()
    const tile: TileState = {
      template: 'FlipTile',
      fields: {
        Title: 'Oslo',
        Count: '3',
        BackTitle: 'Tomorrow',
        BackContent: 'Snow',
      },
    }
    render(<LiveTile app={weather} tile={tile} onOpen={vi.fn()} />)
    const button = screen.getByRole('button', {
      name: 'Contoso Weather, Oslo, 3',
    })
    expect(button.textContent).toBe('3Oslo')

    await act(async () => {
      await vi.advanceTimersByTimeAsync(7_100)
    })

    expect(button.textContent).toBe('SnowTomorrow')
  })

  it('stays on the front without back fields', async () => {
    vi.useFakeTimers()
    render(<LiveTile app={weather} tile={weather.initialTile} onOpen={vi.fn()} />)

    await act(async () => {
      await vi.advanceTimersByTimeAsync(20_000)
    })

    expect(screen.getByRole('button', { name: 'Contoso Weather' }).textContent).toBe(
      'Contoso Weather',
    )
  })

  it('draws an Iconic tile in its opaque BackgroundColor', () => {
    const tile: TileState = {
      template: 'IconicTile',
      fields: {
        Title: 'Contoso Chat',
        Count: '150',
        BackgroundColor: '#FF008A00',
      },
    }
    render(<LiveTile app={chat} tile={tile} onOpen={vi.fn()} />)

    const button = screen.getByRole('button', { name: 'Contoso Chat, 99' })
    const face = button.firstElementChild as HTMLElement
    expect(face.style.backgroundColor).toBe('rgb(0, 138, 0)')
    expect(button.textContent).toBe('99Contoso Chat')
  })

  it('renders a remote BackgroundImage with empty alt text', () => {
    const tile: TileState = {
      template: 'FlipTile',
      fields: {
        Title: 'Oslo',
        BackgroundImage: 'https://example.com/oslo.png',
      },
    }
    const { container } = render(<LiveTile app={weather} tile={tile} onOpen={vi.fn()} />)

    const image = container.querySelector('img')
    expect(image?.getAttribute('src')).toBe('https://example.com/oslo.png')
    expect(image?.getAttribute('alt')).toBe('')
  })
})

function requireApp(appId: string): AppDefinition {
  const app = findApp(appId)
  if (!app) {
    throw new Error(`Sample app "${appId}" is missing.`)
  }
  return app
}
