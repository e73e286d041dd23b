// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { ChannelRecord } from '@/mpns/types'
import { consoleStore } from '@/store/console-store'

import { CopyAsPanel } from './CopyAsPanel'

const CHANNEL: ChannelRecord = {
  token: 'AAAA-bbbb',
  channelUri: 'http://127.0.0.1:5173/throttledthirdparty/01.00/AAAA-bbbb',
  handsetId: 'handset-1',
  appId: 'contoso-weather',
  appName: 'Contoso Weather',
  channelName: 'weather',
  boundToast: true,
  boundTile: true,
  tileTemplate: 'FlipTile',
  openedAt: 0,
}

const initialState = consoleStore.getState()

beforeEach(() => {
  consoleStore.setState(initialState, true)
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('CopyAsPanel', () => {
  it('disables copying without a channel', () => {
    render(<CopyAsPanel />)

    const region = screen.getByRole('region', { name: 'Copy as' })

    for (const button of within(region).getAllByRole('button', { name: /^Copy as / })) {
      expect(button).toHaveProperty('disabled', true)
    }
  })

  it('copies the curl snippet and announces it', async () => {
    consoleStore.setState({ channels: [CHANNEL], selectedToken: CHANNEL.token })
    const user = userEvent.setup()
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue()
    render(<CopyAsPanel />)

    await user.click(screen.getByRole('button', { name: 'Copy as curl' }))

    await screen.findByText('Copied the curl snippet.')
    expect(screen.getByRole('status').textContent).toBe('Copied the curl snippet.')
    expect(writeText).toHaveBeenCalledTimes(1)
    expect(writeText.mock.calls[0]?.[0]).toContain(`curl -sS -i '${CHANNEL.channelUri}'`)
    expect(writeText.mock.calls[0]?.[0]).toContain("-H 'X-WindowsPhone-Target: toast'")
  })

  it('reports a refused copy', async () => {
    consoleStore.setState({ channels: [CHANNEL], selectedToken: CHANNEL.token })
    const user = userEvent.setup()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new Error('Write permission denied.'),
    )
    render(<CopyAsPanel />)

    await user.click(screen.getByRole('button', { name: 'Copy as Python' }))

    expect(await screen.findByText(/^Failed to copy the Python snippet/)).toHaveProperty(
      'textContent',
      'Failed to copy the Python snippet: Write permission denied. Open Show snippet and copy the text from there.',
    )
  })

  it('shows the chosen snippet for the current draft', async () => {
    consoleStore.setState({ channels: [CHANNEL], selectedToken: CHANNEL.token })
    consoleStore.getState().chooseNotificationType('raw')
    consoleStore.getState().editPayload('temperature=-4')
    const user = userEvent.setup()
    render(<CopyAsPanel />)

    const disclosure = screen.getByRole('button', { name: 'Show snippet' })
    await user.click(disclosure)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Snippet language' }), 'C#')

    expect(disclosure.getAttribute('aria-expanded')).toBe('true')
    const figure = await screen.findByRole('figure', { name: 'C# snippet' })
    expect(await within(figure).findByText(/var body = "temperature=-4";/)).toBeTruthy()
  })

  it('disables copying for invalid Base64', () => {
    consoleStore.setState({ channels: [CHANNEL], selectedToken: CHANNEL.token })
    consoleStore.getState().chooseNotificationType('raw')
    consoleStore.getState().chooseRawEncoding('base64')
    consoleStore.getState().editPayload('not base64!')
    render(<CopyAsPanel />)

    expect(screen.getByRole('button', { name: 'Copy as curl' })).toHaveProperty('disabled', true)
    expect(screen.getByText(/^Invalid Base64 body: "!" at position 11/)).toBeTruthy()
  })
})
