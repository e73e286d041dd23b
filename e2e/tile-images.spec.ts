import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { expect, test } from './fixtures'
import { WEATHER_CHANNEL } from './payloads'

/** A 1 x 1 transparent PNG. */
const SMALL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
/** The same PNG padded to 100 KB, above the 80 KB limit for remote tile images. */
const LARGE_PNG = Buffer.concat([SMALL_PNG, Buffer.alloc(100 * 1024 - SMALL_PNG.length)])
/** Images the test's image server serves, by path. */
const IMAGES = new Map([
  ['/small.png', SMALL_PNG],
  ['/large.png', LARGE_PNG],
])

let imageServer: Server
let imageOrigin: string

test.beforeAll(async () => {
  imageServer = createServer((req, res) => {
    const body = IMAGES.get(req.url ?? '')
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('not found')
      return
    }
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': body.length })
    res.end(body)
  })
  await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve))
  imageOrigin = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  imageServer.closeAllConnections()
  await new Promise((resolve) => imageServer.close(resolve))
})

test('remote tile images apply up to 80 KB', async ({ phone, devConsole }) => {
  await test.step('launch Contoso Weather, allow notifications and go to Start', async () => {
    await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    await expect(phone.tile('Contoso Weather')).toBeVisible()
  })

  await test.step('a small remote image lets the update apply', async () => {
    const payload = createImageTileXml('Bergen', `${imageOrigin}/small.png`)
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'tile', payload })
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
    await expect(phone.tile('Contoso Weather, Bergen')).toBeVisible()
  })

  await test.step('a 100 KB remote image drops the update', async () => {
    const payload = createImageTileXml('Tromsø', `${imageOrigin}/large.png`)
    await devConsole.send({ channel: WEATHER_CHANNEL, type: 'tile', payload })
    await devConsole.expectStatus(200)
    await expect(devConsole.response).toContainText('X-NotificationStatus: Received')
  })

  await test.step('the app log says why and the tile keeps its look', async () => {
    await phone.openApp('Contoso Weather')
    await expect(phone.notificationLog).toContainText(
      `The image "${imageOrigin}/large.png" is larger than 80 KB, the limit for remote tile images.`,
    )
    await phone.goStart()
    await expect(phone.tile('Contoso Weather, Bergen')).toBeVisible()
  })
})

/** Builds a FlipTile update that sets the title and the medium front image. */
function createImageTileXml(title: string, backgroundImage: string): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<wp:Notification xmlns:wp="WPNotification" Version="2.0">',
    '<wp:Tile Template="FlipTile">',
    `<wp:BackgroundImage>${backgroundImage}</wp:BackgroundImage>`,
    `<wp:Title>${title}</wp:Title>`,
    '</wp:Tile>',
    '</wp:Notification>',
  ].join('')
}
