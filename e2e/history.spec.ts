import { readFile } from 'node:fs/promises'

import type { Download, Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { OSLO_FLIP_TILE_XML, WEATHER_CHANNEL, createToastXml } from './payloads'

interface ExportedEntry {
  draft: { notificationType: string; payload: string }
  response?: { status: number }
}

interface HarExport {
  log: {
    version: string
    entries: Array<{
      request: { method: string; url: string; postData: { mimeType: string; text: string } }
      response: { status: number; headers: Array<{ name: string; value: string }> }
    }>
  }
}

const FIRST_TOAST = createToastXml({ text1: 'First alert', text2: 'Rain at noon' })
const SECOND_TOAST = createToastXml({ text1: 'Second alert', text2: 'Wind from the north' })

test('history records, searches, replays, exports, clears and imports', async ({
  page,
  phone,
  devConsole,
}) => {
  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  await test.step('send two toasts', async () => {
    for (const [payload, text] of [
      [FIRST_TOAST, 'First alert'],
      [SECOND_TOAST, 'Second alert'],
    ] as const) {
      await devConsole.send({ channel: WEATHER_CHANNEL, type: 'toast', payload })
      await devConsole.expectStatus(200)
      await phone.dismissToast(text)
    }
    await expect(devConsole.historyEntries).toHaveCount(2)
    await expect(devConsole.historyEntries.first()).toContainText('Second alert')
    await expect(devConsole.historyEntries.first()).toContainText('200 OK · Received')
    await expect(devConsole.historyEntries.first()).toContainText('Contoso Weather')
  })

  await test.step('search narrows the list to matching payload text', async () => {
    await devConsole.historySearch.fill('rain noon')
    await expect(devConsole.historyEntries).toHaveCount(1)
    await expect(devConsole.historyEntries).toContainText('First alert')
    await devConsole.historySearch.fill('')
    await expect(devConsole.historyEntries).toHaveCount(2)
  })

  await test.step('replaying the first toast shows it on the handset again', async () => {
    await devConsole.replay('First alert')
    await expect(phone.toastWithText('First alert')).toBeVisible()
    await expect(devConsole.historyEntries).toHaveCount(3)
    await expect(devConsole.historyEntries.first()).toContainText('First alert')
    await phone.dismissToast('First alert')
  })

  await test.step('the history survives a reload', async () => {
    await page.reload()
    await expect(devConsole.historyEntries).toHaveCount(3)
  })

  const jsonPath = await test.step('Export JSON downloads every entry', async () => {
    const download = await downloadFrom(page, () => devConsole.exportJsonButton.click())
    expect(download.suggestedFilename()).toMatch(/^mpns-history-\d{8}-\d{6}\.json$/)
    // Saved under its own name, so that the import step shows which file it read.
    const path = test.info().outputPath(download.suggestedFilename())
    await download.saveAs(path)
    const exported = JSON.parse(await readFile(path, 'utf8')) as {
      format: string
      version: number
      entries: ExportedEntry[]
    }
    expect(exported.format).toBe('wp8-mpns-emulator-history')
    expect(exported.version).toBe(1)
    expect(exported.entries.map((entry) => entry.draft.payload)).toEqual([
      FIRST_TOAST,
      SECOND_TOAST,
      FIRST_TOAST,
    ])
    expect(exported.entries.every((entry) => entry.response?.status === 200)).toBe(true)
    return path
  })

  await test.step('Export HAR downloads one POST per request', async () => {
    const download = await downloadFrom(page, () => devConsole.exportHarButton.click())
    expect(download.suggestedFilename()).toMatch(/\.har$/)
    const har = JSON.parse(await readFile(await download.path(), 'utf8')) as HarExport
    expect(har.log.version).toBe('1.2')
    expect(har.log.entries).toHaveLength(3)
    const [oldest] = har.log.entries
    expect(oldest?.request.method).toBe('POST')
    expect(oldest?.request.url).toMatch(/\/throttledthirdparty\/01\.00\//)
    expect(oldest?.request.postData).toEqual({ mimeType: 'text/xml', text: FIRST_TOAST })
    expect(oldest?.response.status).toBe(200)
    expect(oldest?.response.headers).toContainEqual({
      name: 'X-NotificationStatus',
      value: 'Received',
    })
  })

  await test.step('Clear history empties the list after confirmation', async () => {
    await devConsole.clearHistory()
    await expect(devConsole.historyEntries).toHaveCount(0)
    await expect(devConsole.historyStatus).toHaveText('Cleared the request history.')
  })

  await test.step('importing the JSON export brings the entries back', async () => {
    await devConsole.importInput.setInputFiles(jsonPath)
    await expect(devConsole.historyStatus).toHaveText(
      /^Imported 3 requests from "mpns-history-\d{8}-\d{6}\.json"\.$/,
    )
    await expect(devConsole.historyEntries).toHaveCount(3)
  })

  await test.step('an invalid file leaves the entries alone', async () => {
    await devConsole.importInput.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('not json'),
    })
    await expect(devConsole.historyStatus).toContainText('"notes.json" is not valid JSON')
    await expect(devConsole.historyEntries).toHaveCount(3)
  })
})

test('dropping files loads a payload or a saved request', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    await devConsole.channel.selectOption({ label: WEATHER_CHANNEL })
  })

  await test.step('dragging a file highlights the console, and dropping an .xml loads the tile', async () => {
    await devConsole.dropFile(
      { name: 'oslo.xml', mimeType: 'text/xml', text: OSLO_FLIP_TILE_XML },
      async () => {
        await expect
          .poll(() =>
            devConsole.consoleSection.evaluate((node) => getComputedStyle(node).outlineStyle),
          )
          .toBe('dashed')
      },
    )
    await expect(devConsole.historyStatus).toHaveText(
      'Loaded the FlipTile tile payload from "oslo.xml".',
    )
    await expect(devConsole.notificationType).toHaveValue('tile')
    await expect(devConsole.payload).toContainText('<wp:Title>Oslo</wp:Title>')
    await expect
      .poll(() => devConsole.consoleSection.evaluate((node) => getComputedStyle(node).outlineStyle))
      .not.toBe('dashed')
  })

  await test.step('sending the dropped tile updates the tile', async () => {
    await devConsole.sendButton.click()
    await devConsole.expectStatus(200)
    await expect(phone.appTile('Contoso Weather')).toContainText('Oslo')
  })

  await test.step('dropping a saved request loads its draft', async () => {
    const saved = {
      format: 'wp8-mpns-emulator-history',
      version: 1,
      entries: [
        savedEntry('older', 1_000, createToastXml({ text1: 'Older', text2: 'Not this one' })),
        savedEntry('newer', 2_000, createToastXml({ text1: 'Dropped', text2: 'From a file' })),
      ],
    }
    await devConsole.dropFile({
      name: 'saved.json',
      mimeType: 'application/json',
      text: JSON.stringify(saved),
    })
    await expect(devConsole.historyStatus).toHaveText(
      'Loaded the newest of 2 saved requests from "saved.json": a toast.',
    )
    await expect(devConsole.notificationType).toHaveValue('toast')
    await expect(devConsole.messageId).toHaveValue('newer-id')
    await expect(devConsole.payload).toContainText('From a file')
  })

  await test.step('a file over 1 MB is rejected', async () => {
    await devConsole.dropFile({
      name: 'huge.xml',
      mimeType: 'text/xml',
      text: `<a>${'x'.repeat(1024 * 1024)}</a>`,
    })
    await expect(devConsole.historyStatus).toContainText('over the 1,024 KB limit')
    await expect(devConsole.payload).toContainText('From a file')
  })

  await test.step('an image is rejected as an unsupported file type', async () => {
    await devConsole.dropFile({
      name: 'image.png',
      mimeType: 'image/png',
      text: '\x89PNG\r\n\x1a\n',
    })
    await expect(devConsole.historyStatus).toHaveText(
      '"image.png" is not a supported file type. Open an XML payload (.xml), a history export (.json) or a HAR file (.har).',
    )
    await expect(devConsole.payload).toContainText('From a file')
  })

  await test.step('Load payload file reads the same files from the keyboard', async () => {
    await devConsole.loadPayloadFileInput.setInputFiles({
      name: 'toast.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from(createToastXml({ text1: 'Picked', text2: 'With the keyboard' })),
    })
    await expect(devConsole.historyStatus).toHaveText('Loaded the toast payload from "toast.xml".')
    await expect(devConsole.payload).toContainText('With the keyboard')
  })
})

test('a Base64 raw request survives a HAR round trip', async ({ phone, devConsole, page }) => {
  // The 8-byte PNG signature of the Raw binary starter.
  const base64 = 'iVBORw0KGgo='

  await test.step('send the Raw binary starter', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await devConsole.channel.selectOption({ label: WEATHER_CHANNEL })
    await devConsole.loadStarter('Raw binary')
    await devConsole.sendButton.click()
    await devConsole.expectStatus(200)
    await expect(devConsole.historyEntries).toHaveCount(1)
  })

  const harPath = await test.step('Export HAR marks the body as Base64', async () => {
    const download = await downloadFrom(page, () => devConsole.exportHarButton.click())
    const path = test.info().outputPath(download.suggestedFilename())
    await download.saveAs(path)
    const har = JSON.parse(await readFile(path, 'utf8')) as {
      log: { entries: Array<{ request: { postData: unknown; bodySize: number } }> }
    }
    const [entry] = har.log.entries
    expect(entry?.request.postData).toEqual({
      mimeType: 'application/octet-stream',
      text: base64,
      _encoding: 'base64',
    })
    expect(entry?.request.bodySize).toBe(8)
    return path
  })

  await test.step('clear the history and switch to the Text encoding', async () => {
    await devConsole.clearHistory()
    await expect(devConsole.historyEntries).toHaveCount(0)
    await devConsole.rawEncodingOption('Text').check()
  })

  await test.step('Load of the imported entry restores the Base64 encoding', async () => {
    await devConsole.importInput.setInputFiles(harPath)
    await expect(devConsole.historyEntries).toHaveCount(1)
    await devConsole.historyEntries
      .first()
      .getByRole('button', { name: 'Load', exact: true })
      .click()
    await expect(devConsole.rawEncodingOption('Base64')).toBeChecked()
    await expect(devConsole.payload).toHaveText(base64)
    await expect(devConsole.payloadSize).toHaveText('8 of 1,024 bytes')
  })

  await test.step('Replay sends the 8 decoded bytes', async () => {
    await devConsole.historyEntries
      .first()
      .getByRole('button', { name: 'Replay', exact: true })
      .click()
    await devConsole.expectStatus(200)
    await expect(devConsole.request).toContainText('Content-Length: 8')
  })
})

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  return download
}

function savedEntry(id: string, sentAt: number, payload: string) {
  const draft = {
    notificationType: 'toast',
    notificationClass: '2',
    messageId: `${id}-id`,
    payload,
  }
  return {
    id,
    sentAt,
    channelToken: 'gone-token',
    draft,
    request: {
      method: 'POST',
      url: 'http://127.0.0.1/throttledthirdparty/01.00/gone-token',
      headers: [['X-WindowsPhone-Target', 'toast']],
      body: payload,
      byteLength: payload.length,
    },
  }
}
