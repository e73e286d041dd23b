import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'

import { expect, test } from './fixtures'
import { PREVIEW_PORT } from './ports'

const PREVIEW_ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`
const README_URL = new URL('../README.md', import.meta.url)
const SECTION_HEADING = '## Send from your own backend'
const CHANNEL_URI_LINE = /^CHANNEL_URI='[^']*'$/m

test.use({ baseURL: PREVIEW_ORIGIN })

/** Returns the first `sh` code block of the README section that shows curl against a channel. */
function readCurlExamples(): string {
  const readme = readFileSync(README_URL, 'utf8')
  const section = readme.slice(readme.indexOf(SECTION_HEADING))
  const match = /```sh\n([\s\S]*?)```/.exec(section)
  if (match?.[1] === undefined || !CHANNEL_URI_LINE.test(match[1])) {
    throw new Error(`The README section "${SECTION_HEADING}" has no sh block setting CHANNEL_URI.`)
  }
  return match[1]
}

test('the README curl examples work as printed', async ({ phone }) => {
  test.skip(process.platform === 'win32', 'the examples are POSIX shell')
  const examples = readCurlExamples()
  const channelUri = await phone.launchWithPermission('Contoso Weather', true)
  await phone.goStart()

  const output = await test.step('run the block with the channel URI pasted in', async () => {
    const script = examples.replace(CHANNEL_URI_LINE, `CHANNEL_URI='${channelUri}'`)
    const { stdout } = await promisify(execFile)('bash', ['-e', '-c', script], {
      timeout: 30_000,
    })
    return stdout
  })

  await test.step('each request got its documented status', () => {
    const statusLines = output.match(/^HTTP\/1\.1 \d{3} [^\r\n]*/gm) ?? []
    expect(statusLines).toEqual([
      'HTTP/1.1 200 OK',
      'HTTP/1.1 200 OK',
      'HTTP/1.1 200 OK',
      'HTTP/1.1 400 Bad Request',
    ])
    expect(output).toMatch(/X-NotificationStatus: Received/)
    expect(output).toMatch(/Malformed XML payload/)
  })

  await test.step('the handset shows the toast and the tile', async () => {
    await expect(phone.toast).toContainText('Hello')
    await expect(phone.tile('Contoso Weather, Oslo, 3')).toBeVisible()
  })
})
