// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { toAppJson } from '@/apps/app-json'
import { findApp } from '@/apps/sample-apps'

import { InstallAppDialog } from './InstallAppDialog'

const MANIFEST = `<?xml version="1.0" encoding="utf-8"?>
<Deployment xmlns="http://schemas.microsoft.com/windowsphone/2012/deployment" AppPlatformVersion="8.0">
  <App xmlns="" ProductID="{5f0e4c1a-8a59-4b8e-9d1e-0c3a6f2b7d41}" Title="Litware Mail">
    <IconPath IsRelative="true" IsResource="false">Assets\\ApplicationIcon.png</IconPath>
    <Tasks><DefaultTask Name="_default" NavigationPage="MainPage.xaml" /></Tasks>
    <Tokens><PrimaryToken TokenID="LitwareMailToken" TaskName="_default">
      <TemplateFlip>
        <BackgroundImageURI>Assets\\Tiles\\FlipCycleTileMedium.png</BackgroundImageURI>
        <Title>Mail</Title>
        <HasLarge>true</HasLarge>
      </TemplateFlip>
    </PrimaryToken></Tokens>
    <Extensions>
      <Extension ExtensionName="LockScreen_Notification_TextField" ConsumerID="{111DFF24-AA15-4A96-8006-2BFF8122084F}" TaskID="_default" />
    </Extensions>
  </App>
</Deployment>`

/** The 8-byte PNG signature, enough for a file the dialog reads as a data URL. */
const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

afterEach(() => {
  cleanup()
})

function renderDialog() {
  const onInstall = vi.fn()
  const onClose = vi.fn()
  render(<InstallAppDialog onInstall={onInstall} onClose={onClose} />)
  const dialog = screen.getByRole('dialog', { name: 'Install app' })
  return { dialog, onInstall, onClose }
}

describe('InstallAppDialog', () => {
  it('names every control', () => {
    const { dialog } = renderDialog()
    const view = within(dialog)

    expect(view.getByLabelText('WMAppManifest.xml and its images')).toBeTruthy()
    expect(view.getByLabelText('App file (.json)')).toBeTruthy()
    expect(view.getByRole('textbox', { name: 'Name' })).toBeTruthy()
    expect(view.getByRole('combobox', { name: 'Tile template' })).toBeTruthy()
    expect(view.getByRole('checkbox', { name: 'Wide tile' })).toBeTruthy()
    expect(view.getByRole('textbox', { name: 'Channel name' })).toBeTruthy()
    expect(view.getByRole('textbox', { name: 'Service name (optional)' })).toBeTruthy()
    expect(view.getByRole('checkbox', { name: 'Count on the lock screen' })).toBeTruthy()
    expect(view.getByRole('checkbox', { name: 'Text on the lock screen' })).toBeTruthy()
    expect(view.getByRole('button', { name: 'Install' })).toBeTruthy()
    expect(view.getByRole('button', { name: 'Cancel' })).toBeTruthy()
  })

  it('installs an app typed in by hand', async () => {
    const user = userEvent.setup()
    const { dialog, onInstall } = renderDialog()
    const view = within(dialog)

    await user.type(view.getByRole('textbox', { name: 'Name' }), 'Adventure Works')
    await user.selectOptions(view.getByRole('combobox', { name: 'Tile template' }), 'IconicTile')
    await user.click(view.getByRole('checkbox', { name: 'Wide tile' }))
    await user.click(view.getByRole('button', { name: 'Install' }))

    expect(onInstall).toHaveBeenCalledTimes(1)
    expect(onInstall.mock.calls[0]?.[0]).toMatchObject({
      id: 'adventure-works',
      name: 'Adventure Works',
      tileTemplate: 'IconicTile',
      supportsWide: true,
      channelName: 'AdventureWorksChannel',
      origin: 'custom',
    })
  })

  it('shows what the form lacks', async () => {
    const user = userEvent.setup()
    const { dialog, onInstall } = renderDialog()

    await user.click(within(dialog).getByRole('button', { name: 'Install' }))

    const errors = within(dialog).getByRole('alert', { name: 'Errors' })
    expect(errors.textContent).toContain('Enter the app name.')
    expect(onInstall).not.toHaveBeenCalled()
  })

  it('disables wide support for the legacy tile', async () => {
    const user = userEvent.setup()
    const { dialog } = renderDialog()
    const view = within(dialog)

    await user.selectOptions(view.getByRole('combobox', { name: 'Tile template' }), 'Legacy')

    expect(view.getByRole('checkbox', { name: 'Wide tile' })).toHaveProperty('disabled', true)
  })

  it('imports a manifest with its image', async () => {
    const user = userEvent.setup()
    const { dialog, onInstall } = renderDialog()
    const view = within(dialog)
    const manifest = new File([MANIFEST], 'WMAppManifest.xml', { type: 'text/xml' })
    const image = new File([PNG_BYTES], 'FlipCycleTileMedium.png', { type: '' })

    await user.upload(view.getByLabelText('WMAppManifest.xml and its images'), [manifest, image])

    await waitFor(() => {
      expect(view.getByRole('textbox', { name: 'Name' })).toHaveProperty('value', 'Litware Mail')
    })
    expect(view.getByRole('checkbox', { name: 'Wide tile' })).toHaveProperty('checked', true)
    expect(view.getByRole('checkbox', { name: 'Text on the lock screen' })).toHaveProperty(
      'checked',
      true,
    )
    const warnings = view.getByRole('status', { name: 'Warnings' })
    expect(warnings.textContent).toContain('ID_CAP_PUSH_NOTIFICATION')
    expect(warnings.textContent).toContain(
      'Choose "ApplicationIcon.png" together with the manifest',
    )

    await user.click(view.getByRole('button', { name: 'Install' }))
    const app: unknown = onInstall.mock.calls[0]?.[0]
    expect(app).toMatchObject({
      id: '5f0e4c1a-8a59-4b8e-9d1e-0c3a6f2b7d41',
      initialTile: { template: 'FlipTile', fields: { Title: 'Mail' } },
      assets: { '/assets/tiles/flipcycletilemedium.png': 'data:image/png;base64,iVBORw0KGgo=' },
    })
  })

  it('shows a manifest error as text', async () => {
    const user = userEvent.setup()
    const { dialog } = renderDialog()
    const manifest = new File(['<Deployment><App>'], 'WMAppManifest.xml', { type: 'text/xml' })

    await user.upload(within(dialog).getByLabelText('WMAppManifest.xml and its images'), manifest)

    const errors = await within(dialog).findByRole('alert', { name: 'Errors' })
    expect(errors.textContent).toContain('Invalid WMAppManifest.xml: the XML is not well-formed')
  })

  it('imports an app file', async () => {
    const user = userEvent.setup()
    const { dialog, onInstall } = renderDialog()
    const view = within(dialog)
    const stocks = findApp('woodgrove-stocks')
    const file = new File([stocks === undefined ? '' : toAppJson(stocks)], 'stocks.json', {
      type: 'application/json',
    })

    await user.upload(view.getByLabelText('App file (.json)'), file)

    await waitFor(() => {
      expect(view.getByRole('textbox', { name: 'Channel name' })).toHaveProperty(
        'value',
        'WoodgroveStocksChannel',
      )
    })
    await user.click(view.getByRole('button', { name: 'Install' }))
    expect(onInstall).toHaveBeenCalledWith({ ...stocks, origin: 'custom' })
  })

  it('closes with Cancel', async () => {
    const user = userEvent.setup()
    const { dialog, onClose } = renderDialog()

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))

    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('closes with Escape', async () => {
    const user = userEvent.setup()
    const { dialog, onClose } = renderDialog()

    await user.click(within(dialog).getByRole('textbox', { name: 'Name' }))
    await user.keyboard('{Escape}')

    expect(onClose).toHaveBeenCalledTimes(1)
  })
})
