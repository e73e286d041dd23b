// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { MotionGlobalConfig } from 'framer-motion'
import type { ReactElement } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { AppDefinition, TileSize } from '@/apps/app-model'
import { findApp } from '@/apps/sample-apps'
import type { TileState } from '@/mpns/tile-state'
import type { TileTemplate } from '@/mpns/types'

import { MotionModeProvider } from '../motion-mode'
import { LiveTile } from './LiveTile'

const ACCENT = '#0050EF'

const weather: AppDefinition = {
  ...requireApp('contoso-weather'),
  assets: {
    '/assets/small.png': 'blob:small',
    '/assets/medium.png': 'blob:medium',
    '/assets/wide.png': 'blob:wide',
    '/assets/photo1.jpg': 'blob:photo1',
    '/assets/photo2.jpg': 'blob:photo2',
    '/assets/photo3.jpg': 'blob:photo3',
  },
}
const chat = requireApp('contoso-chat')

const FLIP_FIELDS: TileState['fields'] = {
  Title: 'Oslo',
  Count: '3',
  SmallBackgroundImage: '/Assets/small.png',
  BackgroundImage: '/Assets/medium.png',
  WideBackgroundImage: '/Assets/wide.png',
  BackTitle: 'Tomorrow',
  BackContent: 'Snow\nWind\nSun\nRain',
  WideBackContent: 'Snow all day',
}

const ICONIC_FIELDS: TileState['fields'] = {
  Title: 'Chats',
  Count: '150',
  BackgroundColor: '#FF008A00',
}

const CYCLE_FIELDS: TileState['fields'] = {
  Title: 'Photos',
  Count: '1',
  SmallBackgroundImage: '/Assets/small.png',
  CycleImage1: '/Assets/photo1.jpg',
  CycleImage2: '/Assets/photo2.jpg',
  CycleImage3: '/Assets/photo3.jpg',
}

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
    render(<LiveTile {...tileProps(weather, weather.initialTile, 'medium')} onOpen={onOpen} />)

    fireEvent.click(screen.getByRole('button', { name: 'Contoso Weather' }))

    expect(onOpen).toHaveBeenCalledTimes(1)
  })

  it('takes its accessible name from the name prop', () => {
    render(<LiveTile {...tileProps(weather, flip(FLIP_FIELDS), 'medium')} name="Oslo forecast" />)

    expect(screen.getByRole('button', { name: 'Oslo forecast' })).toBeTruthy()
  })

  it.each<[TileSize, number, string, string]>([
    ['small', 0, '3', 'blob:small'],
    ['small', 1, '3', 'blob:small'],
    ['medium', 0, '3Oslo', 'blob:medium'],
    ['medium', 1, 'SnowWindSunTomorrow', ''],
    ['medium', 2, '3Oslo', 'blob:medium'],
    ['wide', 0, '3Oslo', 'blob:wide'],
    ['wide', 1, 'Snow all dayTomorrow', ''],
  ])('draws a %s Flip tile at tick %d', (size, tick, text, imageSource) => {
    const { container } = renderAtTick(tick, tileProps(weather, flip(FLIP_FIELDS), size))

    const button = screen.getByRole('button', { name: 'Contoso Weather, Oslo, 3' })
    expect(button.textContent).toBe(text)
    expect(container.querySelector('img')?.getAttribute('src') ?? '').toBe(imageSource)
  })

  it.each<[TileSize, number, string]>([
    ['small', 0, '3'],
    ['medium', 0, '3Bergen'],
    ['medium', 1, 'ForecastTomorrow'],
    ['wide', 1, 'ForecastTomorrow'],
  ])('draws a Legacy tile at %s, tick %d', (size, tick, text) => {
    const legacy: TileState = {
      template: 'Legacy',
      fields: { Title: 'Bergen', Count: '3', BackTitle: 'Tomorrow', BackContent: 'Forecast' },
    }
    renderAtTick(tick, tileProps(weather, legacy, size))

    expect(screen.getByRole('button', { name: 'Contoso Weather, Bergen, 3' }).textContent).toBe(
      text,
    )
  })

  it.each<[TileSize, string]>([
    ['small', '99'],
    ['medium', '99Chats'],
    ['wide', '99Chats'],
  ])('draws a %s Iconic tile in its BackgroundColor', (size, text) => {
    render(<LiveTile {...tileProps(chat, iconic(ICONIC_FIELDS), size)} />)

    const button = screen.getByRole('button', { name: 'Contoso Chat, Chats, 99' })
    expect(button.textContent).toBe(text)
    expect(findStyledFace(button).style.backgroundColor).toBe('rgb(0, 138, 0)')
  })

  it('draws the WideContent rows of a wide Iconic tile', () => {
    const fields = { ...ICONIC_FIELDS, WideContent1: 'Ana', WideContent2: 'Lunch?' }
    render(<LiveTile {...tileProps(chat, iconic(fields), 'wide')} />)

    const button = screen.getByRole('button', { name: 'Contoso Chat, Chats, 99' })
    expect(button.textContent).toBe('AnaLunch?99Chats')
  })

  it('fills an Iconic tile with the accent below full alpha', () => {
    const fields = { ...ICONIC_FIELDS, BackgroundColor: '#80008A00' }
    render(<LiveTile {...tileProps(chat, iconic(fields), 'medium')} />)

    const button = screen.getByRole('button', { name: 'Contoso Chat, Chats, 99' })
    expect(findStyledFace(button).style.backgroundColor).toBe('rgb(0, 80, 239)')
  })

  it.each<[TileSize, number, string, string]>([
    ['small', 0, '1', 'blob:small'],
    ['small', 2, '1', 'blob:small'],
    ['medium', 0, '1Photos', 'blob:photo1'],
    ['medium', 1, '1Photos', 'blob:photo2'],
    ['medium', 5, '1Photos', 'blob:photo3'],
    ['wide', 3, '1Photos', 'blob:photo1'],
  ])('draws a %s Cycle tile at tick %d', (size, tick, text, imageSource) => {
    const { container } = renderAtTick(tick, tileProps(weather, cycle(CYCLE_FIELDS), size))

    const button = screen.getByRole('button', { name: 'Contoso Weather, Photos, 1' })
    expect(button.textContent).toBe(text)
    expect(container.querySelector('img')?.getAttribute('src')).toBe(imageSource)
  })

  it('draws no remote Cycle image', () => {
    const fields = { Title: 'Photos', CycleImage1: 'https://example.com/a.jpg' }
    const { container } = render(<LiveTile {...tileProps(weather, cycle(fields), 'medium')} />)

    expect(container.querySelector('img')).toBeNull()
  })

  it.each<[TileTemplate, TileState['fields'], string]>([
    [
      'FlipTile',
      { Title: '<b>x</b>', BackTitle: '<i>y</i>', WideBackContent: '<script>z</script>' },
      '<script>z</script><i>y</i>',
    ],
    ['IconicTile', { Title: '<b>x</b>', WideContent1: '<i>y</i>' }, '<i>y</i><b>x</b>'],
    ['CycleTile', { Title: '<b>x</b>' }, '<b>x</b>'],
  ])('renders markup in a %s as text', (template, fields, text) => {
    const state: TileState = { template, fields }
    const { container } = render(
      <MotionModeProvider mode="deterministic" tick={1}>
        <LiveTile {...tileProps(weather, state, 'wide')} />
      </MotionModeProvider>,
    )

    const button = screen.getByRole('button', { name: 'Contoso Weather, <b>x</b>' })
    expect(button.textContent).toBe(text)
    expect(container.querySelector('b, i, script')).toBeNull()
  })

  it('draws a remote BackgroundImage through the image proxy', () => {
    const fields = { Title: 'Oslo', BackgroundImage: 'https://example.com/oslo.png' }
    const { container } = render(<LiveTile {...tileProps(weather, flip(fields), 'medium')} />)

    const image = container.querySelector('img')
    expect(image?.getAttribute('src')).toBe(
      '/__emulator/image?url=https%3A%2F%2Fexample.com%2Foslo.png',
    )
    expect(image?.getAttribute('alt')).toBe('')
  })

  it('draws the app glyph only without a BackgroundImage field', () => {
    const { container, rerender } = render(
      <LiveTile {...tileProps(weather, flip({ Title: 'Oslo' }), 'medium')} />,
    )
    expect(container.querySelector('svg')).not.toBeNull()

    rerender(
      <LiveTile
        {...tileProps(weather, flip({ Title: 'Oslo', BackgroundImage: '/x.png' }), 'medium')}
      />,
    )
    expect(container.querySelector('svg')).toBeNull()
  })

  it('flips to the back and shows one face at a time', async () => {
    vi.useFakeTimers()
    const fields = { Title: 'Oslo', Count: '3', BackTitle: 'Tomorrow', BackContent: 'Snow' }
    render(<LiveTile {...tileProps(weather, flip(fields), 'medium')} />)
    const button = screen.getByRole('button', { name: 'Contoso Weather, Oslo, 3' })
    expect(button.textContent).toBe('3Oslo')

    // The first turn waits a stagger of at most 2 s and a delay of at most 7 s.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(9_100)
    })

    expect(button.textContent).toBe('SnowTomorrow')
  })

  it('swaps faces on timers in reduced mode', async () => {
    vi.useFakeTimers()
    const fields = { Title: 'Oslo', BackTitle: 'Tomorrow' }
    render(
      <MotionModeProvider mode="reduced" seed={3}>
        <LiveTile {...tileProps(weather, flip(fields), 'medium')} />
      </MotionModeProvider>,
    )
    const button = screen.getByRole('button', { name: 'Contoso Weather, Oslo' })

    await act(async () => {
      await vi.advanceTimersByTimeAsync(9_100)
    })

    expect(button.textContent).toBe('Tomorrow')
  })

  it('stays on the front without back fields', async () => {
    vi.useFakeTimers()
    render(<LiveTile {...tileProps(weather, weather.initialTile, 'medium')} />)

    await act(async () => {
      await vi.advanceTimersByTimeAsync(20_000)
    })

    expect(screen.getByRole('button', { name: 'Contoso Weather' }).textContent).toBe(
      'Contoso Weather',
    )
  })

  it('marks the face on show and whether it flips', () => {
    const front = renderAtTick(0, tileProps(weather, flip(FLIP_FIELDS), 'wide'))
    const frontFace = front.container.querySelector('[data-face]')
    expect(frontFace?.getAttribute('data-face')).toBe('front')
    expect(frontFace?.getAttribute('data-flips')).toBe('true')
    front.unmount()

    const back = renderAtTick(1, tileProps(weather, flip(FLIP_FIELDS), 'wide'))
    const backFace = back.container.querySelector('[data-face]')
    expect(backFace?.getAttribute('data-face')).toBe('back')
    expect(backFace?.textContent).toBe('Snow all dayTomorrow')
    back.unmount()

    const frontOnly = renderAtTick(1, tileProps(weather, flip({ Title: 'Oslo' }), 'medium'))
    const onlyFace = frontOnly.container.querySelector('[data-face]')
    expect(onlyFace?.getAttribute('data-face')).toBe('front')
    expect(onlyFace?.getAttribute('data-flips')).toBe('false')
  })

  it('runs no timers in deterministic mode', async () => {
    vi.useFakeTimers()
    renderAtTick(0, tileProps(weather, flip(FLIP_FIELDS), 'medium'))

    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000)
    })

    expect(vi.getTimerCount()).toBe(0)
    expect(screen.getByRole('button', { name: 'Contoso Weather, Oslo, 3' }).textContent).toBe(
      '3Oslo',
    )
  })
})

interface TileTestProps {
  app: AppDefinition
  tile: TileState
  size: TileSize
  accentColor: string
  onOpen: () => void
}

function tileProps(app: AppDefinition, tile: TileState, size: TileSize): TileTestProps {
  return { app, tile, size, accentColor: ACCENT, onOpen: vi.fn() }
}

function renderAtTick(tick: number, props: TileTestProps) {
  return render(withTick(tick, <LiveTile {...props} />))
}

function withTick(tick: number, tile: ReactElement) {
  return (
    <MotionModeProvider mode="deterministic" tick={tick}>
      {tile}
    </MotionModeProvider>
  )
}

// The Iconic face is the only element with an inline background colour.
function findStyledFace(button: HTMLElement): HTMLElement {
  const face = button.querySelector<HTMLElement>('[style*="background-color"]')
  if (face === null) {
    throw new Error('The tile has no element with an inline background colour.')
  }
  return face
}

function flip(fields: TileState['fields']): TileState {
  return { template: 'FlipTile', fields }
}

function iconic(fields: TileState['fields']): TileState {
  return { template: 'IconicTile', fields }
}

function cycle(fields: TileState['fields']): TileState {
  return { template: 'CycleTile', fields }
}

function requireApp(appId: string): AppDefinition {
  const app = findApp(appId)
  if (!app) {
    throw new Error(`Sample app "${appId}" is missing.`)
  }
  return app
}
