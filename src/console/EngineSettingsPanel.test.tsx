// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { DEFAULT_ENGINE_SETTINGS } from '@/mpns/engine'
import { consoleStore } from '@/store/console-store'
import { WorkerRequestError, updateEngineSettings } from '@/store/worker-sync'
import type * as WorkerSync from '@/store/worker-sync'

import { EngineSettingsPanel } from './EngineSettingsPanel'

vi.mock('@/store/worker-sync', async (importOriginal) => ({
  ...(await importOriginal<typeof WorkerSync>()),
  updateEngineSettings: vi.fn(),
}))

const initialState = consoleStore.getState()

beforeEach(() => {
  consoleStore.setState(initialState, true)
  consoleStore.getState().mirrorSettings(DEFAULT_ENGINE_SETTINGS)
  vi.mocked(updateEngineSettings).mockReset()
  vi.mocked(updateEngineSettings).mockImplementation((changes) =>
    Promise.resolve({ ...DEFAULT_ENGINE_SETTINGS, ...changes }),
  )
})

afterEach(() => {
  cleanup()
})

describe('EngineSettingsPanel', () => {
  it('waits for the worker before showing settings', () => {
    consoleStore.setState({ settings: null })
    render(<EngineSettingsPanel />)

    const region = screen.getByRole('region', { name: 'Engine settings' })

    expect(region.textContent).toContain('Waiting for the service worker')
    expect(within(region).queryByRole('checkbox')).toBeNull()
  })

  it('names every control and shows assumed defaults', () => {
    render(<EngineSettingsPanel />)
    const region = screen.getByRole('region', { name: 'Engine settings' })

    const checkboxes = within(region).getAllByRole('checkbox')
    expect(checkboxes.map(toAccessibleName)).toEqual(['Service down', 'Strict mode'])
    expect(checkboxes.map((box) => (box as HTMLInputElement).checked)).toEqual([false, false])

    const spinbuttons = within(region).getAllByRole('spinbutton')
    expect(spinbuttons.map(toAccessibleName)).toEqual([
      'Daily quota',
      'Queue depth',
      'Minutes to Inactive',
    ])
    expect(spinbuttons.map((field) => (field as HTMLInputElement).value)).toEqual([
      '500',
      '100',
      '60',
    ])
    expect(spinbuttons.map(toDescription)).toEqual([
      expect.stringContaining('Assumed default: 500'),
      expect.stringContaining('Assumed default: 100'),
      expect.stringContaining('Assumed default: 60'),
    ])

    const comboboxes = within(region).getAllByRole('combobox')
    expect(comboboxes.map(toAccessibleName)).toEqual([
      'Body size limits',
      'Missing X-NotificationClass',
      'Unknown channel token',
      'Authenticated channel limits',
    ])
    expect(comboboxes.map(toDescription)).toEqual([
      'Assumed default: Windows Phone 8: 3,072 bytes, raw 1,024',
      'Assumed default: 900-second class',
      'Assumed default: 404 Not Found',
      'Assumed default: Lifted (64 KB cap)',
    ])
    expect(comboboxes.map(toOptionLabels)).toEqual([
      ['Windows Phone 8: 3,072 bytes, raw 1,024', 'Windows Phone 7: 1,024 bytes for every type'],
      ['900-second class', 'Immediate'],
      ['404 Not Found', '200 Received (probe-resistant)'],
      ['Lifted (64 KB cap)', 'Documented limits'],
    ])
    expect(screen.getByText('Assumed default: 500')).toBeTruthy()
  })

  it('turns the service down', async () => {
    const user = userEvent.setup()
    render(<EngineSettingsPanel />)

    await user.click(screen.getByRole('checkbox', { name: 'Service down' }))

    expect(updateEngineSettings).toHaveBeenCalledWith({ serviceDown: true })
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Service down' }).checked).toBe(
        true,
      ),
    )
  })

  it('applies a number on blur', async () => {
    const user = userEvent.setup()
    render(<EngineSettingsPanel />)
    const quota = screen.getByRole('spinbutton', { name: 'Daily quota' })

    await user.clear(quota)
    await user.type(quota, '20')
    expect(updateEngineSettings).not.toHaveBeenCalled()
    await user.tab()

    expect(updateEngineSettings).toHaveBeenCalledWith({ dailyQuota: 20 })
  })

  it('applies a number on Enter', async () => {
    const user = userEvent.setup()
    render(<EngineSettingsPanel />)
    const depth = screen.getByRole('spinbutton', { name: 'Queue depth' })

    await user.clear(depth)
    await user.type(depth, '5{Enter}')

    expect(updateEngineSettings).toHaveBeenCalledWith({ queueDepth: 5 })
  })

  it('shows the worker reason beside the field', async () => {
    vi.mocked(updateEngineSettings).mockRejectedValue(
      new WorkerRequestError(
        'SETTINGS_UPDATE',
        'Invalid inactiveAfterMinutes 0: enter a whole number of at least 1.',
      ),
    )
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const user = userEvent.setup()
    render(<EngineSettingsPanel />)
    const minutes = screen.getByRole('spinbutton', { name: 'Minutes to Inactive' })

    await user.clear(minutes)
    await user.type(minutes, '0{Enter}')

    await waitFor(() =>
      expect(toDescription(minutes)).toContain(
        'Invalid inactiveAfterMinutes 0: enter a whole number of at least 1.',
      ),
    )
    expect(minutes.getAttribute('aria-invalid')).toBe('true')
    expect((minutes as HTMLInputElement).value).toBe('0')
  })

  it('switches to the Windows Phone 7 limits', async () => {
    const user = userEvent.setup()
    render(<EngineSettingsPanel />)

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Body size limits' }),
      'Windows Phone 7: 1,024 bytes for every type',
    )

    expect(updateEngineSettings).toHaveBeenCalledWith({
      maxXmlBodyBytes: 1024,
      maxRawBodyBytes: 1024,
    })
  })

  it.each([
    ['Missing X-NotificationClass', 'Immediate', { missingClassDefault: 'immediate' }],
    [
      'Unknown channel token',
      '200 Received (probe-resistant)',
      { unknownTokenAnswer: 'probe-resistant' },
    ],
    ['Authenticated channel limits', 'Documented limits', { authenticatedLimits: 'documented' }],
  ])('changes %s', async (name, option, changes) => {
    const user = userEvent.setup()
    render(<EngineSettingsPanel />)

    await user.selectOptions(screen.getByRole('combobox', { name }), option)

    expect(updateEngineSettings).toHaveBeenCalledWith(changes)
  })

  it('labels body size limits that match no profile', () => {
    consoleStore
      .getState()
      .mirrorSettings({ ...DEFAULT_ENGINE_SETTINGS, maxXmlBodyBytes: 2048, maxRawBodyBytes: 512 })
    render(<EngineSettingsPanel />)

    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Body size limits' })

    expect(select.selectedOptions[0]?.textContent).toBe('Custom: 2,048 bytes, raw 512')
  })

  it('follows settings changed elsewhere', () => {
    render(<EngineSettingsPanel />)

    act(() =>
      consoleStore
        .getState()
        .mirrorSettings({ ...DEFAULT_ENGINE_SETTINGS, queueDepth: 7, strictMode: true }),
    )

    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Queue depth' }).value).toBe(
      '7',
    )
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Strict mode' }).checked).toBe(
      true,
    )
  })
})

function toAccessibleName(element: HTMLElement): string {
  const label = (element as HTMLInputElement).labels?.[0]
  return label?.textContent ?? ''
}

function toDescription(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

function toOptionLabels(element: HTMLElement): string[] {
  return [...(element as HTMLSelectElement).options].map((option) => option.textContent)
}
