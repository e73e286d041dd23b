import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

import { expect, test } from './fixtures'
import type { SnippetLabel } from './pages/dev-console-page'
import { WEATHER_CHANNEL, createToastXml } from './payloads'
import { PREVIEW_PORT } from './ports'

/** How to run a copied snippet from Node.js, as a developer would after pasting it. */
interface SnippetRun {
  label: SnippetLabel
  fileName: string
  command: string
  /** Status line the snippet prints for a 200 response. */
  statusLine: RegExp
}

const PREVIEW_ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`
const RUN_TIMEOUT_MS = 30_000

const SNIPPET_RUNS: readonly SnippetRun[] = [
  { label: 'curl', fileName: 'send.sh', command: 'bash', statusLine: /^HTTP\/1\.1 200 OK\r?$/m },
  {
    label: 'Node fetch',
    fileName: 'send.mjs',
    command: process.execPath,
    statusLine: /^HTTP 200 OK$/m,
  },
  {
    label: 'Node mpns',
    fileName: 'send.cjs',
    command: process.execPath,
    statusLine: /^HTTP 200$/m,
  },
  { label: 'Python', fileName: 'send.py', command: 'python3', statusLine: /^HTTP 200 OK$/m },
]

test.use({ baseURL: PREVIEW_ORIGIN })

test('copied snippets deliver the console toast', async ({ context, phone, devConsole }) => {
  test.skip(process.platform === 'win32', 'the curl snippet is POSIX shell')
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: PREVIEW_ORIGIN })
  const workDir = await mkdtemp(join(tmpdir(), 'copy-snippets-'))

  const channelUri = await test.step('launch Contoso Weather and go to Start', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    expect(new URL(uri).hostname).toBe('127.0.0.1')
    await phone.goStart()
    return uri
  })

  for (const run of SNIPPET_RUNS) {
    const text1 = `Sent with ${run.label}`

    const snippet = await test.step(`copy the toast as ${run.label}`, async () => {
      await devConsole.compose({
        channel: WEATHER_CHANNEL,
        type: 'toast',
        payload: createToastXml({ text1, text2: 'Tromsø: “−4 °C” & it’s snowing' }),
      })
      await devConsole.copySnippet(run.label)
      const copied = await devConsole.page.evaluate(() => navigator.clipboard.readText())
      expect(copied).toBe(await devConsole.readSnippet(run.label))
      return copied
    })

    await test.step(`run the ${run.label} snippet`, async () => {
      const file = join(workDir, run.fileName)
      await writeFile(file, snippet, 'utf8')
      const { stdout } = await promisify(execFile)(run.command, [file], {
        timeout: RUN_TIMEOUT_MS,
        // The mpns snippet requires the package, which this checkout has as a dev dependency.
        env: { ...process.env, NODE_PATH: resolve('node_modules') },
      })
      expect(stdout).toMatch(run.statusLine)
      expect(stdout).toMatch(/^X-NotificationStatus: Received\r?$/m)
      expect(stdout).toMatch(/^X-SubscriptionStatus: Active\r?$/m)
    })

    await test.step(`the handset shows the ${run.label} toast`, async () => {
      await expect(phone.toastWithText(text1)).toContainText('Tromsø: “−4 °C” & it’s snowing')
      await phone.dismissToast(text1)
    })
  }

  await test.step('the PowerShell and C# snippets address the same channel', async () => {
    await devConsole.copySnippet('PowerShell')
    expect(await devConsole.readSnippet('PowerShell')).toContain(`$channelUri = '${channelUri}'`)
    await devConsole.copySnippet('C#')
    expect(await devConsole.readSnippet('C#')).toContain(`var channelUri = "${channelUri}";`)
  })

  await rm(workDir, { recursive: true, force: true })
})

test('a copied Base64 raw snippet reaches the app', async ({
  context,
  phone,
  devConsole,
  mpns,
}) => {
  test.skip(process.platform === 'win32', 'the curl snippet is POSIX shell')
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: PREVIEW_ORIGIN })

  await test.step('launch Contoso Weather and keep it on screen', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await expect.poll(() => mpns.readForegroundAppId()).toBe('contoso-weather')
  })

  const snippet = await test.step('copy the binary raw starter as curl', async () => {
    await devConsole.channel.selectOption({ label: WEATHER_CHANNEL })
    await devConsole.loadStarter('Raw binary')
    await expect(devConsole.rawEncodingOption('Base64')).toBeChecked()
    await devConsole.copySnippet('curl')
    return devConsole.page.evaluate(() => navigator.clipboard.readText())
  })

  await test.step('run it: printf writes the bytes and curl sends them', async () => {
    expect(snippet).toContain('| curl -sS -i')
    const { stdout } = await promisify(execFile)('bash', ['-c', snippet], {
      timeout: RUN_TIMEOUT_MS,
    })
    expect(stdout).toMatch(/^HTTP\/1\.1 200 OK\r?$/m)
    expect(stdout).toMatch(/^X-NotificationStatus: Received\r?$/m)
  })

  await test.step('the app logs the bytes, not the Base64 text', async () => {
    // The app decodes raw bytes as UTF-8, so the PNG signature's first byte shows as U+FFFD.
    await expect(phone.notificationLog).toContainText('\uFFFDPNG')
  })
})
