import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'

import { expect } from '@playwright/test'
import type { Locator } from '@playwright/test'

import type { PhonePage } from './phone-page.ts'

/**
 * Source of an app to install: a sample app the emulator ships, an app file as the app page's
 * `Export app` button writes it (a path or the parsed object), or a WMAppManifest.xml path with
 * the image files it names. `name` installs the app under another name.
 */
export type InstallSource =
  | { sample: string }
  | { appFile: string | Record<string, unknown>; name?: string }
  | { manifest: string; images?: readonly string[]; name?: string }

/** An installed app, as `install` returns it and `launch` takes it. */
export interface InstalledApp {
  name: string
}

/**
 * Installs an app on the handset and returns it, as `Phone.install` describes: a sample from
 * the app list, files through the Install app dialog's file inputs. Leaves the handset on Start.
 */
export async function installApp(
  phone: PhonePage,
  source: InstallSource | string,
): Promise<InstalledApp> {
  const resolved: InstallSource =
    typeof source !== 'string'
      ? source
      : source.toLowerCase().endsWith('.xml')
        ? { manifest: source }
        : { appFile: source }

  if ('sample' in resolved) {
    return installSample(phone, resolved.sample)
  }
  const dialog = await openInstallDialog(phone)
  if ('appFile' in resolved) {
    await dialog.getByLabel('App file (.json)', { exact: true }).setInputFiles(
      typeof resolved.appFile === 'string'
        ? resolved.appFile
        : {
            name: 'app.json',
            mimeType: 'application/json',
            buffer: Buffer.from(JSON.stringify(resolved.appFile), 'utf8'),
          },
    )
  } else {
    await dialog
      .getByLabel('WMAppManifest.xml and its images', { exact: true })
      .setInputFiles(await readManifestFiles(resolved.manifest, resolved.images ?? []))
  }
  return submitInstallDialog(dialog, resolved.name)
}

async function installSample(phone: PhonePage, appName: string): Promise<InstalledApp> {
  await phone.openAppList()
  const installButton = phone.appList.getByRole('button', {
    name: `Install ${appName}`,
    exact: true,
  })
  const openButton = phone.appList.getByRole('button', { name: appName, exact: true })
  await expect(
    installButton.or(openButton),
    `${appName} is not a sample app: the app list offers neither to open nor to install it`,
  ).toBeVisible()
  if (await installButton.isVisible()) {
    await installButton.click()
    await expect(openButton).toBeVisible()
  }
  await phone.goStart()
  return { name: appName }
}

async function openInstallDialog(phone: PhonePage): Promise<Locator> {
  await phone.openAppList()
  await phone.appList.getByRole('button', { name: 'Install app', exact: true }).click()
  const dialog = phone.handset.getByRole('dialog', { name: 'Install app', exact: true })
  await expect(dialog).toBeVisible()
  return dialog
}

/**
 * Waits for the dialog to read the chosen files, renames the app when asked, and presses
 * Install. Rejects with the dialog's errors when the import or the install fails.
 */
async function submitInstallDialog(dialog: Locator, name?: string): Promise<InstalledApp> {
  const nameField = dialog.getByRole('textbox', { name: 'Name', exact: true })
  const errors = dialog.getByRole('alert', { name: 'Errors', exact: true })
  await expect
    .poll(async () => (await errors.isVisible()) || (await nameField.inputValue()) !== '', {
      message: 'the Install app dialog never finished reading the file',
    })
    .toBe(true)
  await throwDialogErrors(errors)

  if (name !== undefined) {
    await nameField.fill(name)
  }
  const installedName = await nameField.inputValue()
  await dialog.getByRole('button', { name: 'Install', exact: true }).click()
  await expect
    .poll(async () => (await errors.isVisible()) || !(await dialog.isVisible()), {
      message: 'the Install app dialog neither closed nor showed an error',
    })
    .toBe(true)
  await throwDialogErrors(errors)
  return { name: installedName }
}

async function throwDialogErrors(errors: Locator): Promise<void> {
  if (await errors.isVisible()) {
    const messages = await errors.getByRole('listitem').allInnerTexts()
    throw new Error(`Failed to install the app: ${messages.join(' ')}`)
  }
}

/** Reads a manifest and its images as the file chooser would hand them to the dialog. */
async function readManifestFiles(
  manifestPath: string,
  imagePaths: readonly string[],
): Promise<Array<{ name: string; mimeType: string; buffer: Buffer }>> {
  const paths = [manifestPath, ...imagePaths]
  return Promise.all(
    paths.map(async (path) => ({
      name: path === manifestPath ? 'WMAppManifest.xml' : basename(path),
      mimeType: toMimeType(path),
      buffer: await readFile(path),
    })),
  )
}

function toMimeType(path: string): string {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
  const types: Record<string, string> = {
    xml: 'text/xml',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
  }
  return types[extension] ?? 'application/octet-stream'
}
