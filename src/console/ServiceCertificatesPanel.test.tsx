// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { certificateStore } from '@/store/certificate-store'
import { createFakeCertificateServer } from '@/test/fake-certificate-server'
import type { FakeCertificateServer } from '@/test/fake-certificate-server'

import { ServiceCertificatesPanel } from './ServiceCertificatesPanel'

const initialState = certificateStore.getState()
/** Wall time of every test, half a year before the fake certificates expire. */
const TEST_NOW = Date.parse('2025-12-01T12:00:00.000Z')
let server: FakeCertificateServer

beforeEach(() => {
  // Only Date is faked, so user-event's timers still run.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(TEST_NOW)
  certificateStore.setState(initialState, true)
  server = createFakeCertificateServer(['push.contoso.example'])
  vi.stubGlobal('fetch', server.fetch)
  vi.spyOn(console, 'info').mockImplementation(() => undefined)
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('ServiceCertificatesPanel', () => {
  it('lists certificates with their downloads', async () => {
    const region = await renderLoaded()

    const table = within(region).getByRole('table', { name: 'Uploaded certificates' })
    const row = within(table).getByRole('row', { name: /^push\.contoso\.example/ })
    expect(within(row).getByRole('cell', { name: '2026-06-01' })).toBeTruthy()
    expect(within(row).getByRole('cell', { name: '0001a1…3a4b5c' })).toBeTruthy()
    expect(
      within(row)
        .getByRole('link', { name: 'Download push.contoso.example PEM' })
        .getAttribute('href'),
    ).toBe('/__emulator/certificates/push.contoso.example/certificate.pem')
    expect(
      within(row)
        .getByRole('link', { name: 'Download push.contoso.example PFX' })
        .getAttribute('href'),
    ).toBe('/__emulator/certificates/push.contoso.example/certificate.pfx')
    expect(
      within(region).getByRole('link', { name: 'Download CA certificate' }).getAttribute('href'),
    ).toBe('/__emulator/certificates/ca.pem')
    expect(region.textContent).toContain('get an https channel URI')
  })

  it('explains how to get certificates without the server', async () => {
    server.mode = 'static-404'
    render(<ServiceCertificatesPanel />)
    const region = screen.getByRole('region', { name: 'Service certificates' })

    const status = await within(region).findByText(/need the dev or preview server/)

    expect(status.getAttribute('role')).toBe('status')
    expect(status.textContent).toContain('npm start or npm run preview')
    expect(
      within(region).getByRole<HTMLButtonElement>('button', { name: 'Create certificate' })
        .disabled,
    ).toBe(true)
    expect(within(region).queryByRole('table')).toBeNull()
    expect(within(region).queryByRole('link', { name: 'Download CA certificate' })).toBeNull()
  })

  it('reloads once the server runs', async () => {
    server.mode = 'offline'
    const user = userEvent.setup()
    render(<ServiceCertificatesPanel />)
    const reload = await screen.findByRole('button', { name: 'Reload certificates' })

    server.mode = 'running'
    await user.click(reload)

    expect(await screen.findByRole('table', { name: 'Uploaded certificates' })).toBeTruthy()
  })

  it('creates a certificate', async () => {
    const user = userEvent.setup()
    const region = await renderLoaded()
    const name = within(region).getByRole<HTMLInputElement>('textbox', { name: 'Service name' })

    await user.type(name, '  chat.fabrikam.example ')
    await user.click(within(region).getByRole('button', { name: 'Create certificate' }))

    expect(
      await within(region).findByRole('row', { name: /^chat\.fabrikam\.example/ }),
    ).toBeTruthy()
    expect(name.value).toBe('')
    const notice = within(region).getByText('Created a certificate for "chat.fabrikam.example".')
    expect(notice.getAttribute('role')).toBe('status')
    expect(server.requests.at(-1)).toEqual({
      method: 'POST',
      path: '/__emulator/certificates',
      body: { serviceName: 'chat.fabrikam.example' },
    })
  })

  it('shows an invalid name before sending', async () => {
    const user = userEvent.setup()
    const region = await renderLoaded()
    const name = within(region).getByRole('textbox', { name: 'Service name' })
    const requestsBefore = server.requests.length

    await user.type(name, 'push/contoso')

    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(toDescription(name)).toBe(
      'Invalid service name "push/contoso": use only letters, digits, spaces, ".", "-" and "_".',
    )
    await user.click(within(region).getByRole('button', { name: 'Create certificate' }))
    expect(server.requests).toHaveLength(requestsBefore)
    expect(document.activeElement).toBe(name)
  })

  it('asks for a name on an empty submit', async () => {
    const user = userEvent.setup()
    const region = await renderLoaded()
    const name = within(region).getByRole('textbox', { name: 'Service name' })
    expect(toDescription(name)).toBe('')

    await user.click(within(region).getByRole('button', { name: 'Create certificate' }))

    expect(toDescription(name)).toBe(
      'Missing service name. Enter the name the app passes when it opens its channel.',
    )
  })

  it('warns before replacing a certificate', async () => {
    const user = userEvent.setup()
    const region = await renderLoaded()
    const name = within(region).getByRole('textbox', { name: 'Service name' })

    await user.type(name, 'push.contoso.example')

    expect(toDescription(name)).toContain(
      'A certificate for "push.contoso.example" exists. Creating it again replaces it, and the old certificate stops working.',
    )
    await user.click(within(region).getByRole('button', { name: 'Create certificate' }))
    const notice = await within(region).findByText(
      'Replaced the certificate for "push.contoso.example". The old certificate no longer works.',
    )
    expect(notice.getAttribute('role')).toBe('status')
    expect(toDescription(name)).toBe('')
  })

  it('deletes on the second click', async () => {
    const user = userEvent.setup()
    const region = await renderLoaded()

    await user.click(
      within(region).getByRole('button', { name: 'Delete push.contoso.example certificate' }),
    )
    expect(server.requests.map((request) => request.method)).toEqual(['GET'])
    await user.click(
      within(region).getByRole('button', {
        name: 'Confirm deleting push.contoso.example certificate',
      }),
    )

    expect(await within(region).findByText('No certificates yet.')).toBeTruthy()
    expect(server.requests.at(-1)).toEqual({
      method: 'DELETE',
      path: '/__emulator/certificates/push.contoso.example',
      body: undefined,
    })
    expect(document.activeElement).toBe(
      within(region).getByRole('textbox', { name: 'Service name' }),
    )
  })

  it.each([
    ['the Keep button', '{Keep}'],
    ['Escape', '{Escape}'],
  ])('keeps the certificate with %s', async (_way, keys) => {
    const user = userEvent.setup()
    const region = await renderLoaded()
    const remove = within(region).getByRole('button', {
      name: 'Delete push.contoso.example certificate',
    })

    await user.click(remove)
    if (keys === '{Keep}') {
      await user.click(
        within(region).getByRole('button', { name: 'Keep push.contoso.example certificate' }),
      )
    } else {
      await user.keyboard(keys)
    }

    expect(remove.getAttribute('aria-label')).toBe('Delete push.contoso.example certificate')
    expect(document.activeElement).toBe(remove)
    expect(within(region).queryByRole('button', { name: /^Keep / })).toBeNull()
    expect(server.requests.map((request) => request.method)).toEqual(['GET'])
  })

  it('shows a server error as text', async () => {
    const user = userEvent.setup()
    const region = await renderLoaded()
    server.failNext({ status: 403, error: '<b>Forbidden</b> for this origin.' })

    await user.type(within(region).getByRole('textbox', { name: 'Service name' }), 'a.example')
    await user.click(within(region).getByRole('button', { name: 'Create certificate' }))

    const alert = await within(region).findByRole('alert')
    expect(alert.textContent).toBe(
      'Failed to create the certificate for "a.example": <b>Forbidden</b> for this origin.',
    )
    expect(alert.querySelector('b')).toBeNull()
  })

  it('reaches every control with Tab', async () => {
    const user = userEvent.setup()
    const region = await renderLoaded()
    const names: string[] = []

    await user.type(within(region).getByRole('textbox', { name: 'Service name' }), 'x')
    for (let step = 0; step < 5; step += 1) {
      await user.tab()
      names.push(toAccessibleName(document.activeElement))
    }

    expect(names).toEqual([
      'Create certificate',
      'Download push.contoso.example PEM',
      'Download push.contoso.example PFX',
      'Delete push.contoso.example certificate',
      'Download CA certificate',
    ])
  })
})

async function renderLoaded(): Promise<HTMLElement> {
  render(<ServiceCertificatesPanel />)
  const region = screen.getByRole('region', { name: 'Service certificates' })
  await within(region).findByRole('table', { name: 'Uploaded certificates' })
  return region
}

function toDescription(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim()
}

function toAccessibleName(element: Element | null): string {
  return element?.getAttribute('aria-label') ?? element?.textContent ?? ''
}
