import { logWarn } from '../src/lib/log'
import { loadClientRequestFixtures, resolveSharedDir } from '../src/test/shared-fixtures'
import type { ClientRequestFixture } from '../src/test/shared-fixtures'
import { expect, test } from './fixtures'
import type { PhonePage } from './pages/phone-page'

type ReplayKind = 'toast' | 'tile' | 'raw'

/** Headers that fetch sets itself or forbids a page to set. */
const HEADERS_SET_BY_FETCH = new Set(['host', 'connection', 'content-length'])

/** The captured toast whose body contains U+0001, which makes it malformed XML. */
const MALFORMED_CAPTURE = 'toast-whitespace-control-chars'

/** The captured raw body that is binary, so its text is not compared. */
const BINARY_RAW_CAPTURE = 'raw-binary-buffer'

const WEATHER_APP_ID = 'contoso-weather'

/**
 * Captured tile updates with an `Id`. MPNS suppresses an update whose Id names no pinned
 * secondary tile, and the replays pin none, so these get 200 Suppressed.
 */
const SUPPRESSED_CAPTURES = new Set([
  'fliptile-secondary-id',
  'iconictile-secondary-id',
  'tile-secondary-id',
])

const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

const shared = resolveSharedDir()

if (shared.dir === null) {
  // The list reporter shows a skipped test without its reason, so the reason is printed too.
  logWarn('[test]', `Skipping client request replays: ${shared.reason}`)
  test('replays the captured client requests', () => {
    test.skip(true, shared.reason)
  })
} else {
  for (const capture of loadClientRequestFixtures()) {
    test(`replays ${capture.name}`, async ({ phone, mpns }) => {
      const kind = readReplayKind(capture)
      const isMalformed = capture.name === MALFORMED_CAPTURE

      const channelUri = await test.step(prepareStepTitle(kind, isMalformed), async () => {
        const uri = await phone.launchWithPermission('Contoso Weather', true)
        if (kind === 'tile' || isMalformed) {
          await phone.goStart()
        } else if (kind === 'raw') {
          // The service delivers raw only to the app that the handset last reported in front.
          await expect.poll(() => mpns.readForegroundAppId()).toBe(WEATHER_APP_ID)
        }
        return uri
      })

      const response = await test.step('replay the captured request', async () => {
        return mpns.post(toReplayUrl(capture.path, channelUri), {
          headers: capture.headers.filter(
            ([name]) => !HEADERS_SET_BY_FETCH.has(name.toLowerCase()),
          ),
          body: capture.body,
        })
      })

      if (isMalformed) {
        await test.step('the service rejects it and nothing changes', async () => {
          expect(response.status).toBe(400)
          expect(response.headers['x-notificationstatus']).toBeUndefined()
          await expect.poll(() => mpns.countQueued()).toBe(0)
          await expect(phone.toast).toBeHidden()
          await expect(phone.tile('Contoso Weather')).toBeVisible()
        })
        return
      }

      if (SUPPRESSED_CAPTURES.has(capture.name)) {
        await test.step('the service suppresses it and nothing is queued', async () => {
          expect(response.status).toBe(200)
          expect(response.headers['x-notificationstatus']).toBe('Suppressed')
          await expect.poll(() => mpns.countQueued()).toBe(0)
          await expect(phone.tile('Contoso Weather')).toBeVisible()
        })
        return
      }

      await test.step('the service receives it', () => {
        expect(response.status).toBe(200)
        expect(response.headers['x-notificationstatus']).toBe('Received')
      })

      if (isDelayedClass(capture)) {
        return
      }
      await test.step('the handset shows it', async () => {
        await expectShownOnHandset(phone, capture, kind)
      })
    })
  }
}

function readReplayKind(capture: ClientRequestFixture): ReplayKind {
  const target = readCapturedHeader(capture, 'X-WindowsPhone-Target')
  if (target === 'toast') {
    return 'toast'
  }
  return target === 'token' ? 'tile' : 'raw'
}

function prepareStepTitle(kind: ReplayKind, isMalformed: boolean): string {
  return kind === 'tile' || isMalformed
    ? 'open a channel for Contoso Weather and go to Start'
    : 'open a channel for Contoso Weather and keep it in the foreground'
}

/** Tells whether the notification class batches delivery (11, 12, 13, 22 and the like). */
function isDelayedClass(capture: ClientRequestFixture): boolean {
  return Number(readCapturedHeader(capture, 'X-NotificationClass')) > 10
}

/** Keeps the captured path but puts the live channel's origin and token in it. */
function toReplayUrl(capturedPath: string, channelUri: string): string {
  const live = new URL(channelUri)
  const captured = new URL(capturedPath, live.origin)
  const liveToken = live.pathname.split('/').at(-1) ?? ''
  const path = captured.pathname.replace(/[^/]+$/, liveToken)
  return `${live.origin}${path}${captured.search}`
}

async function expectShownOnHandset(
  phone: PhonePage,
  capture: ClientRequestFixture,
  kind: ReplayKind,
): Promise<void> {
  const body = new TextDecoder().decode(capture.body)
  if (kind === 'toast') {
    const text1 = readElementText(body, 'Text1')
    if (text1 !== undefined) {
      await expect(phone.notificationLog).toContainText(text1)
    }
    return
  }
  if (kind === 'raw') {
    if (capture.name !== BINARY_RAW_CAPTURE) {
      await expect(phone.notificationLog).toContainText(body)
    }
    return
  }

  const template = /<wp:Tile\b[^>]*\bTemplate="([^"]*)"/.exec(body)?.[1] ?? 'Legacy'
  // The primary tile of Contoso Weather is a FlipTile: the handset drops Iconic updates, so
  // those captures only need the 200 Received.
  if (!['Legacy', 'FlipTile'].includes(template)) {
    return
  }
  await expect(phone.tile(toExpectedTileName(body))).toBeVisible()
}

/**
 * Builds the accessible name of a fresh Contoso Weather tile after this update. The name is the
 * app name, then the Title the update sets, then its Count when that is a whole number 1 to 99.
 */
function toExpectedTileName(body: string): string {
  const parts = ['Contoso Weather']
  const title = readElementText(body, 'Title')?.trim()
  if (title !== undefined && title !== '' && title !== 'Contoso Weather') {
    parts.push(title)
  }
  const count = Number(readElementText(body, 'Count'))
  if (Number.isInteger(count) && count >= 1 && count <= 99) {
    parts.push(String(count))
  }
  return parts.join(', ')
}

function readCapturedHeader(capture: ClientRequestFixture, name: string): string | undefined {
  const wanted = name.toLowerCase()
  return capture.headers.find(([candidate]) => candidate.toLowerCase() === wanted)?.[1]
}

/** Reads the decoded text of a `wp:` element that sets a value (not `Action="Clear"`). */
function readElementText(body: string, localName: string): string | undefined {
  const match = new RegExp(`<wp:${localName}>([^<]*)</wp:${localName}>`).exec(body)
  const text = match?.[1]
  if (text === undefined || text === '') {
    return undefined
  }
  return text.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_entity, name: string) => XML_ENTITIES[name] ?? '',
  )
}
