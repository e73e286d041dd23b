import { expect, test } from './fixtures'
import { TOAST_HEADERS, WEATHER_CHANNEL, createToastXml } from './payloads'

/** Text1 is never closed: the parser meets </wp:Toast> on line 6 while Text1 is still open. */
const UNCLOSED_TOAST = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification">
  <wp:Toast>
    <wp:Text1>Unclosed
    <wp:Text2>Never shown</wp:Text2>
  </wp:Toast>
</wp:Notification>`

/** Title is never closed: the parser meets </wp:Tile> on line 6 while Title is still open. */
const UNCLOSED_TILE = `<?xml version="1.0" encoding="utf-8"?>
<wp:Notification xmlns:wp="WPNotification" Version="2.0">
  <wp:Tile Template="FlipTile">
    <wp:Title>Never shown
    <wp:Count>9</wp:Count>
  </wp:Tile>
</wp:Notification>`

/** A well-formed token that the service never issued. */
const NEVER_ISSUED_TOKEN = 'A'.repeat(64)

test('malformed XML gets 400 and changes nothing', async ({ phone, devConsole, mpns }) => {
  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
  })

  for (const [type, payload, element] of [
    ['toast', UNCLOSED_TOAST, 'wp:Text1'],
    ['tile', UNCLOSED_TILE, 'wp:Title'],
  ] as const) {
    await test.step(`a ${type} with an unclosed element gets 400 Bad Request`, async () => {
      await devConsole.send({ channel: WEATHER_CHANNEL, type, payload })
      await expect(devConsole.request).toContainText(`<${element}>`)
      await devConsole.expectStatus(400)
      await expect(devConsole.response).toContainText('HTTP/1.1 400 Bad Request')
      await expect(devConsole.response).not.toContainText('X-NotificationStatus')
      await expect(devConsole.response).toContainText('X-Emulator-Reason')
    })

    await test.step(`the console explains the ${type} error with its line and column`, async () => {
      await expect(devConsole.explanation).toContainText(
        new RegExp(`Malformed XML payload at line 6, column \\d+: expected </${element}>`),
      )
    })

    await test.step(`the ${type} changes nothing on the handset`, async () => {
      await expect.poll(() => mpns.countQueued()).toBe(0)
      await expect(phone.toast).toBeHidden()
      await expect(phone.tile('Contoso Weather')).toBeVisible()
    })
  }
})

test('a wrong X-WindowsPhone-Target gets 400 naming the value', async ({ phone, mpns }) => {
  const channelUri = await test.step('open a channel', () =>
    phone.launchWithPermission('Contoso Weather', true))

  const response = await test.step('POST a toast with target "badge"', async () => {
    const headers = TOAST_HEADERS.map(([name, value]): [string, string] =>
      name === 'X-WindowsPhone-Target' ? [name, 'badge'] : [name, value],
    )
    const body = createToastXml({ text1: 'Wrong', text2: 'target' })
    return mpns.post(channelUri, { headers, body })
  })

  await test.step('the response is 400 with a plain-text reason', () => {
    expect(response.status).toBe(400)
    expect(response.statusText).toBe('Bad Request')
    expect(response.headers['content-type']).toMatch(/^text\/plain/)
    expect(response.body).toContain('"badge"')
    expect(response.headers['x-emulator-reason']).toContain('"badge"')
    expect(response.headers['x-notificationstatus']).toBeUndefined()
  })
})

test('a never-issued token gets 404 Dropped', async ({ phone, mpns }) => {
  const channelUri = await test.step('open a channel to learn the URI shape', () =>
    phone.launchWithPermission('Contoso Weather', true))

  const response = await test.step('POST a toast to a token of 64 "A"s', async () => {
    const url = channelUri.replace(/[^/]+$/, NEVER_ISSUED_TOKEN)
    const body = createToastXml({ text1: 'Nobody', text2: 'listens' })
    return mpns.post(url, { headers: TOAST_HEADERS, body })
  })

  await test.step('the response is 404 Dropped, Expired, Disconnected', () => {
    expect(response.status).toBe(404)
    expect(response.headers['x-notificationstatus']).toBe('Dropped')
    expect(response.headers['x-subscriptionstatus']).toBe('Expired')
    expect(response.headers['x-deviceconnectionstatus']).toBe('Disconnected')
    expect(response.headers['x-emulator-reason']).toBeTruthy()
  })
})

test('GET on a channel URI gets 405', async ({ phone, page }) => {
  const channelUri = await test.step('open a channel', () =>
    phone.launchWithPermission('Contoso Weather', true))

  const response = await test.step('GET the channel URI', async () => {
    return page.evaluate(async (url) => {
      const reply = await fetch(url)
      return {
        status: reply.status,
        statusText: reply.statusText,
        reason: reply.headers.get('x-emulator-reason'),
        notificationStatus: reply.headers.get('x-notificationstatus'),
      }
    }, channelUri)
  })

  await test.step('the response is 405 with a reason and no status headers', () => {
    expect(response.status).toBe(405)
    expect(response.statusText).toBe('Method Not Allowed')
    expect(response.reason).toBeTruthy()
    expect(response.notificationStatus).toBeNull()
  })
})
