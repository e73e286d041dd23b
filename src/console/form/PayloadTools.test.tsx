// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { consoleStore } from '@/store/console-store'

import { PayloadTools } from './PayloadTools'

const initialState = consoleStore.getState()

beforeEach(() => {
  consoleStore.setState(initialState, true)
})

afterEach(() => {
  cleanup()
})

async function showForm() {
  const user = userEvent.setup()
  render(<PayloadTools />)
  await user.click(screen.getByRole('radio', { name: 'Form' }))
  const fields = await screen.findByRole('group', { name: 'Payload fields' })
  return { user, fields }
}

describe('PayloadTools', () => {
  it('loads a starter with its type, class and payload', async () => {
    const user = userEvent.setup()
    consoleStore.getState().editMessageId('kept-id')
    render(<PayloadTools />)

    const starters = await screen.findByRole('group', { name: 'Starters' })
    await user.click(within(starters).getByRole('button', { name: 'CycleTile' }))

    const state = consoleStore.getState()
    expect(state.notificationType).toBe('tile')
    expect(state.notificationClass).toBe('1')
    expect(state.messageId).toBe('kept-id')
    expect(state.payloads.tile).toContain('Template="CycleTile"')
  })

  it('writes a field edit into the XML, escaped', async () => {
    const { user, fields } = await showForm()

    const text1 = within(fields).getByRole('textbox', { name: 'Text1' })
    await user.clear(text1)
    await user.type(text1, 'Fish & <chips>')

    expect(consoleStore.getState().payloads.toast).toContain(
      '<wp:Text1>Fish &amp; &lt;chips&gt;</wp:Text1>',
    )
    expect(text1).toHaveProperty('value', 'Fish & <chips>')
  })

  it('shows an XML edit in the fields', async () => {
    const { fields } = await showForm()

    act(() => {
      consoleStore
        .getState()
        .editPayload(
          '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>A &amp; B</wp:Text1></wp:Toast></wp:Notification>',
        )
    })

    expect(within(fields).getByRole('textbox', { name: 'Text1' })).toHaveProperty('value', 'A & B')
  })

  it('explains XML it cannot show and leaves it alone', async () => {
    const { fields } = await showForm()
    const xml = '<wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>A</wp:Text2>'

    act(() => {
      consoleStore.getState().editPayload(xml)
    })

    expect(within(fields).getByRole('status').textContent).toContain(
      'The form cannot show this payload',
    )
    expect(within(fields).queryByRole('textbox', { name: 'Text1' })).toBeNull()
    expect(consoleStore.getState().payloads.toast).toBe(xml)
  })

  it('clears a tile element and disables its text', async () => {
    act(() => {
      consoleStore.getState().chooseNotificationType('tile')
    })
    const { user, fields } = await showForm()

    await user.click(within(fields).getByRole('checkbox', { name: 'Clear Count' }))

    expect(consoleStore.getState().payloads.tile).toContain('<wp:Count Action="Clear"></wp:Count>')
    expect(within(fields).getByRole('textbox', { name: 'Count' })).toHaveProperty('disabled', true)
  })

  it('reports invalid Base64 for raw', async () => {
    const user = userEvent.setup()
    act(() => {
      consoleStore.getState().chooseNotificationType('raw')
      consoleStore.getState().editPayload('T0s')
    })
    render(<PayloadTools />)

    await user.click(screen.getByRole('radio', { name: 'Base64' }))
    expect(screen.queryByRole('alert')).toBeNull()

    act(() => {
      consoleStore.getState().editPayload('T0s*')
    })
    expect(screen.getByRole('alert').textContent).toContain('"*" at position 4')
  })
})
