import { expect, test } from './fixtures'
import { sendFromOutside, sendRawHttp } from './outside-sender'
import type { OutsideResponse } from './outside-sender'
import {
  RAW_HEADERS,
  TILE_HEADERS,
  TOAST_HEADERS,
  createFlipTileXml,
  createToastXml,
} from './payloads'
import { PREVIEW_PORT } from './ports'

const PREVIEW_ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`
const WEATHER_APP = 'Contoso Weather'

test.use({ baseURL: PREVIEW_ORIGIN })

/** Headers of a response without Date, which differs between any two responses. */
function comparableHeaders(headers: Record<string, string>): Record<string, string> {
  const { date: _date, ...rest } = headers
  return rest
}

function reasonOf(response: OutsideResponse): string {
  return response.headers['x-emulator-reason'] ?? ''
}

test('a backend reaches the handset over HTTP', async ({ phone, mpns }) => {
  const channelUri = await test.step('Contoso Weather opens a channel on the server', async () => {
    const uri = await phone.launchWithPermission(WEATHER_APP, true)
    expect(uri).toMatch(new RegExp(`^${PREVIEW_ORIGIN}/throttledthirdparty/01\\.00/[\\w-]+$`))
    return uri
  })

  await test.step('raw reaches the running app', async () => {
    const response = await sendFromOutside(channelUri, {
      headers: RAW_HEADERS,
      body: 'temperature=-4',
    })
    expect(response.status, reasonOf(response)).toBe(200)
    expect(response.headers['x-notificationstatus']).toBe('Received')
    await expect(phone.notificationLog).toContainText('temperature=-4')
  })

  await test.step('a toast shows as a banner on Start', async () => {
    await phone.goStart()
    const response = await sendFromOutside(channelUri, {
      headers: TOAST_HEADERS,
      body: createToastXml({ text1: 'From a backend', text2: 'over HTTP' }),
    })
    expect(response.status).toBe(200)
    expect(response.statusText).toBe('OK')
    expect(response.rawHeaders.slice(0, 3)).toEqual([
      ['X-NotificationStatus', 'Received'],
      ['X-DeviceConnectionStatus', 'Connected'],
      ['X-SubscriptionStatus', 'Active'],
    ])
    await expect(phone.toast).toContainText('From a backend')
  })

  await test.step('a FlipTile update changes the Start tile', async () => {
    const response = await sendFromOutside(channelUri, {
      headers: TILE_HEADERS,
      body: createFlipTileXml({ Title: 'Tromsø', Count: '7' }),
    })
    expect(response.status, reasonOf(response)).toBe(200)
    await expect(phone.tile('Contoso Weather, Tromsø, 7')).toBeVisible()
  })

  await test.step('the response equals the in-page response, Date aside', async () => {
    for (const body of [createToastXml({ text1: 'Same', text2: 'answer' }), '<wp:Notification']) {
      const outside = await sendFromOutside(channelUri, { headers: TOAST_HEADERS, body })
      const inPage = await mpns.post(channelUri, { headers: TOAST_HEADERS, body })
      expect(outside.status).toBe(inPage.status)
      expect(outside.statusText).toBe(inPage.statusText)
      expect(comparableHeaders(outside.headers)).toEqual(
        expect.objectContaining(comparableHeaders(inPage.headers)),
      )
      expect(outside.body).toBe(inPage.body)
    }
  })
})

test('the endpoint checks what only it can see', async ({ phone }) => {
  const channelUri = await phone.launchWithPermission(WEATHER_APP, true)
  const { pathname } = new URL(channelUri)

  await test.step('headers over 1 KB get 400', async () => {
    const response = await sendFromOutside(channelUri, {
      headers: [...TOAST_HEADERS, ['X-Padding', 'x'.repeat(1_100)]],
      body: createToastXml({ text1: 'Big', text2: 'headers' }),
    })
    expect(response.status).toBe(400)
    expect(response.body).toMatch(/1,?024/)
    expect(response.headers['x-notificationstatus']).toBeUndefined()
  })

  await test.step('a Content-Length that counts characters gets 400 naming the cause', async () => {
    const body = createToastXml({ text1: 'Smørbrød', text2: 'på bryggen' })
    const characters = [...body].length
    const head = [
      `POST ${pathname} HTTP/1.1`,
      `Host: 127.0.0.1:${PREVIEW_PORT}`,
      'Content-Type: text/xml',
      'X-WindowsPhone-Target: toast',
      'X-NotificationClass: 2',
      `Content-Length: ${characters}`,
      'Connection: close',
      '',
      '',
    ].join('\r\n')
    const raw = await sendRawHttp({
      host: '127.0.0.1',
      port: PREVIEW_PORT,
      request: Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body, 'utf8')]),
    })
    expect(raw).toMatch(/^HTTP\/1\.1 400 /)
    expect(raw).toMatch(/Content-Length/i)
    expect(raw).toMatch(/characters/)
  })

  await test.step('a token with an escaped dot segment gets 400 before decoding', async () => {
    const raw = await sendRawHttp({
      host: '127.0.0.1',
      port: PREVIEW_PORT,
      request: Buffer.from(
        `POST /throttledthirdparty/01.00/%2e%2e/x HTTP/1.1\r\nHost: 127.0.0.1:${PREVIEW_PORT}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      ),
    })
    expect(raw).toMatch(/^HTTP\/1\.1 400 /)
    expect(raw).toContain('Malformed channel URI')
  })
})

test('a token never issued gets 404 while a page is open', async ({ phone }) => {
  const channelUri = await phone.launchWithPermission(WEATHER_APP, true)

  const response = await sendFromOutside(`${channelUri}x`, {
    headers: TOAST_HEADERS,
    body: createToastXml({ text1: 'Mistyped', text2: 'token' }),
  })

  expect(response.status, reasonOf(response)).toBe(404)
  expect(response.headers['x-subscriptionstatus']).toBe('Expired')
})

test('the endpoint answers 503 while no page holds the handset', async ({ page, phone }) => {
  const channelUri = await phone.launchWithPermission(WEATHER_APP, true)

  await page.goto('about:blank')

  await expect
    .poll(
      async () => (await sendFromOutside(channelUri, { headers: TOAST_HEADERS, body: 'x' })).status,
    )
    .toBe(503)
  const response = await sendFromOutside(channelUri, { headers: TOAST_HEADERS, body: 'x' })
  expect(response.body).toMatch(/open in a browser/)
  expect(response.headers['x-notificationstatus']).toBeUndefined()
})

test('the endpoint guards against other sites', async ({ phone }) => {
  const channelUri = await phone.launchWithPermission(WEATHER_APP, true)
  const toast = { headers: TOAST_HEADERS, body: createToastXml({ text1: 'Guard', text2: 'test' }) }

  await test.step('a Host outside the allow-list gets 403', async () => {
    const response = await sendFromOutside(channelUri, {
      ...toast,
      headers: [...toast.headers, ['Host', `rebound.example:${PREVIEW_PORT}`]],
    })
    expect(response.status).toBe(403)
    expect(response.body).toContain('rebound.example')
  })

  await test.step('a browser request from another origin gets 403', async () => {
    const response = await sendFromOutside(channelUri, {
      ...toast,
      headers: [
        ...toast.headers,
        ['Origin', 'http://127.0.0.1:1'],
        ['Sec-Fetch-Site', 'cross-site'],
      ],
    })
    expect(response.status).toBe(403)
  })

  await test.step('a request carrying the relay marker is never relayed again', async () => {
    const response = await sendFromOutside(channelUri, {
      ...toast,
      headers: [...toast.headers, ['X-Emulator-Relay', 'loop']],
    })
    expect(response.status).toBe(503)
  })

  await test.step('a body over the cap gets 400 unread', async () => {
    const response = await sendFromOutside(channelUri, {
      headers: TOAST_HEADERS,
      body: 'x'.repeat(70_000),
    })
    expect(response.status).toBe(400)
  })
})
