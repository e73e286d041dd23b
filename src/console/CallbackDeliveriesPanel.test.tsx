// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { callbackLog } from '@/store/callback-log'

import { CallbackDeliveriesPanel } from './CallbackDeliveriesPanel'

const initialState = callbackLog.getState()
const FIRED = {
  callbackId: 'AQabc:5',
  token: 'AQabc',
  handsetId: 'handset-1',
  appId: 'contoso-chat',
  appName: 'Contoso Chat',
  callbackUri: 'http://127.0.0.1:9000/inactive',
  body: new Uint8Array(12),
}

beforeEach(() => {
  callbackLog.setState(initialState, true)
})

afterEach(() => {
  cleanup()
})

describe('CallbackDeliveriesPanel', () => {
  it('explains callbacks before any fired', () => {
    render(<CallbackDeliveriesPanel />)

    expect(screen.getByRole('region', { name: 'Callbacks' }).textContent).toContain(
      'No callback has fired.',
    )
  })

  it('shows a callback from sending to delivered', () => {
    render(<CallbackDeliveriesPanel />)

    act(() => callbackLog.getState().recordFired(FIRED))
    const list = screen.getByRole('list', { name: 'Callback deliveries' })
    expect(within(list).getByRole('listitem').textContent).toContain(
      'Contoso Chat on handset-1: 12-byte POST to http://127.0.0.1:9000/inactive: sending',
    )

    act(() =>
      callbackLog.getState().recordResult({
        callbackId: FIRED.callbackId,
        outcome: 'delivered',
        status: 204,
        elapsedMs: 7,
      }),
    )
    expect(within(list).getByRole('listitem').textContent).toContain('delivered, HTTP 204 in 7 ms')
  })

  it('shows why a callback was not sent', () => {
    render(<CallbackDeliveriesPanel />)

    act(() =>
      callbackLog
        .getState()
        .recordResult({ callbackId: 'unknown', outcome: 'failed', elapsedMs: 1 }),
    )
    act(() =>
      callbackLog
        .getState()
        .recordFired(FIRED, { reason: 'The page is not connected to the dev or preview server.' }),
    )

    expect(screen.getByRole('listitem').textContent).toContain(
      'not sent. The page is not connected to the dev or preview server.',
    )
  })
})
