import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { openHandsetPage } from '../kit/fixtures.ts'
import { expect, flipTile, test, toast } from '../kit/playwright.ts'

/** Short timeout for matchers that are meant to fail, in milliseconds. */
const FAILING_MATCHER_TIMEOUT_MS = 500

/** Longest time the phone fixture may take to reject a server that is not the emulator. */
const FOREIGN_SERVER_CHECK_MAX_MS = 10_000

const NEWS_MANIFEST = `<?xml version="1.0" encoding="utf-8"?>
<Deployment xmlns="http://schemas.microsoft.com/windowsphone/2012/deployment" AppPlatformVersion="8.0">
  <App xmlns="" ProductID="{0b0e8c1c-4b7e-4d2e-9a43-6d1c9a6f3c11}" Title="Northwind Traders" RuntimeType="Silverlight" Version="1.0.0.0" Genre="apps.normal" Author="Northwind" Publisher="Northwind">
    <Tokens>
      <PrimaryToken TokenID="NorthwindToken" TaskName="_default">
        <TemplateFlip>
          <Title>Northwind</Title>
        </TemplateFlip>
      </PrimaryToken>
    </Tokens>
  </App>
</Deployment>`

test('install from files and objects', async ({ phone }, testInfo) => {
  const exported = await test.step('export Contoso Chat as an app file', async () => {
    await phone.launch('Contoso Chat', { allow: true })
    const [download] = await Promise.all([
      phone.page.waitForEvent('download'),
      phone.handset.getByRole('button', { name: 'Export app', exact: true }).click(),
    ])
    const path = testInfo.outputPath('contoso-chat.json')
    await download.saveAs(path)
    return path
  })

  await test.step('an app file path, renamed', async () => {
    const app = await phone.install({ appFile: exported, name: 'Chat Copy' })
    expect(app.name).toBe('Chat Copy')
    await expect(phone).toHaveTile({ app: 'Chat Copy', title: 'Contoso Chat' })
  })

  await test.step('an app file object', async () => {
    const appFile = JSON.parse(await readFile(exported, 'utf8')) as Record<string, unknown>
    const app = await phone.install({ appFile, name: 'Chat Object' })
    await expect(phone).toHaveTile({ app: app.name, title: 'Contoso Chat' })
  })

  await test.step('a manifest path', async () => {
    const manifestPath = testInfo.outputPath('WMAppManifest.xml')
    await writeFile(manifestPath, NEWS_MANIFEST)
    const app = await phone.install(manifestPath)
    expect(app.name).toBe('Northwind Traders')
    const channelUri = await phone.launch(app, { allow: true })
    expect(channelUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
  })

  await test.step('an invalid app object fails with the dialog error', async () => {
    await expect(phone.install({ appFile: { format: 'something else' } })).rejects.toThrow(
      /^Failed to install the app: /,
    )
  })
})

test('matchers report what is shown', async ({ phone }) => {
  await expect(phone).not.toShowToast({ text1: 'Anyone' })

  const toastFailure = await expect(phone)
    .toShowToast({ text1: 'Anna' }, { timeout: FAILING_MATCHER_TIMEOUT_MS })
    .then(
      () => null,
      (error: unknown) => String(error),
    )
  expect(toastFailure).toContain('expected a toast {"text1":"Anna"}, no toast is on screen')

  const pageFailure = await expect(phone)
    .toBeOnPage('/Chat.xaml', undefined, { timeout: FAILING_MATCHER_TIMEOUT_MS })
    .then(
      () => null,
      (error: unknown) => String(error),
    )
  expect(pageFailure).toContain('expected page /Chat.xaml, but no app page is open')
})

test('toHaveTile names the field that differs', async ({ phone, mpns }) => {
  const channelUri = await phone.launch('Contoso Weather', { allow: true })
  await phone.goStart()
  expect(await mpns.send(channelUri, flipTile({ title: 'Oslo', count: 3 }))).toBeReceived()
  await expect(phone).toHaveTile({ app: 'Contoso Weather', title: 'Oslo', count: 3 })

  const failure = await expect(phone)
    .toHaveTile({ app: 'Contoso Weather', count: 4 }, { timeout: FAILING_MATCHER_TIMEOUT_MS })
    .then(
      () => null,
      (error: unknown) => String(error),
    )
  expect(failure).toContain('count: expected 4, got 3')
})

test('toHaveTile steps to the back once', async ({ phone, mpns }) => {
  const stepCount = phone.page
    .getByRole('region', { name: 'Motion', exact: true })
    .getByText(/^Step \d+$/)
  const channelUri = await phone.launch('Contoso Weather', { allow: true })
  await phone.goStart()
  const update = flipTile({
    title: 'Oslo',
    backTitle: 'Tomorrow',
    backContent: 'Snow',
    wideBackContent: 'Snow all day',
  })
  expect(await mpns.send(channelUri, update)).toBeReceived()
  await expect(phone).toHaveTile({ app: 'Contoso Weather', title: 'Oslo' })
  await expect(stepCount).toHaveText('Step 0')

  const readFailure = () =>
    expect(phone)
      .toHaveTile(
        { app: 'Contoso Weather', backTitle: 'Today' },
        { timeout: FAILING_MATCHER_TIMEOUT_MS },
      )
      .then(
        () => null,
        (error: unknown) => String(error),
      )
  const firstFailure = await readFailure()
  const secondFailure = await readFailure()
  expect(firstFailure).toContain(
    'back title: expected "Today", the back face of the medium tile reads "Snow\\nTomorrow"',
  )
  expect(secondFailure).toBe(firstFailure)
  await expect(stepCount).toHaveText('Step 1')

  await expect(phone).toHaveTile({ app: 'Contoso Weather', backTitle: 'Tomorrow' })
  await expect(phone).not.toHaveTile({ app: 'Contoso Weather', backTitle: 'Today' })
  await expect(stepCount).toHaveText('Step 1')

  await phone.setTileSize('Contoso Weather', 'wide')
  await expect(phone).toHaveTile({
    app: 'Contoso Weather',
    size: 'wide',
    backContent: 'Snow all day',
  })
  const wideFailure = await expect(phone)
    .toHaveTile(
      { app: 'Contoso Weather', size: 'wide', backContent: 'Sunny' },
      { timeout: FAILING_MATCHER_TIMEOUT_MS },
    )
    .then(
      () => null,
      (error: unknown) => String(error),
    )
  expect(wideFailure).toContain(
    `the back face of the wide tile reads "Snow all day\\nTomorrow". A wide tile's back shows WideBackContent, not BackContent`,
  )
  await expect(stepCount).toHaveText('Step 1')
})

test('toHaveMpnsResponse quotes X-Emulator-Reason', async ({ phone, mpns }) => {
  const channelUri = await phone.launch('Contoso Weather', { allow: true })
  await phone.goStart()
  await phone.goInactive()

  const response = await mpns.send(channelUri, toast({ text1: 'Late' }), { via: 'http' })
  expect(() => expect(response).toBeReceived()).toThrow(
    /HTTP status: expected 200, got 412.*\(X-Emulator-Reason: Dropped: handset-1 has been offline/,
  )
})

test('http sends to other hosts rejected', async ({ mpns }) => {
  await expect(
    mpns.send('http://push.example.com/channel', toast({ text1: 'Away' }), { via: 'http' }),
  ).rejects.toThrow('Rejected the send to http://push.example.com/channel')
})

test('screen, lock and reset', async ({ phone }, testInfo) => {
  await test.step('Power turns the screen off and on to the lock screen', async () => {
    await phone.lock()
    await expect(phone.lockScreen).toBeVisible()
    await phone.unlock()
  })

  await test.step('reset deletes an installed app and its channel', async () => {
    const manifestPath = testInfo.outputPath('WMAppManifest.xml')
    await writeFile(manifestPath, NEWS_MANIFEST)
    const app = await phone.install(manifestPath)
    await expect(phone).toHaveTile({ app: app.name })
    await phone.reset()
    await expect(phone.appTile(app.name)).toHaveCount(0)
    await expect(phone.appTile('Contoso Chat')).toBeVisible()
  })
})

test('phone rejects another server on the port', async ({ page }) => {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' })
    response.end('<!doctype html><title>Another app</title><p>Another app</p>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}/?motion=deterministic`

  try {
    const started = Date.now()
    await expect(openHandsetPage(page, url)).rejects.toThrow(
      `The page at ${url} is not the WP8 emulator. Another server may be using the port. Stop it, or change the port in playwright.config.ts.`,
    )
    expect(Date.now() - started).toBeLessThan(FOREIGN_SERVER_CHECK_MAX_MS)
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
})
