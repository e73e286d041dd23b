import { execFile, spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseTilePayload } from '@/mpns/payload/tile'
import { parseToastPayload } from '@/mpns/payload/toast'
import { parseXmlDocument } from '@/mpns/payload/xml'
import type { ConsoleRequest } from '@/store/console-request'
import {
  BINARY_RAW_REQUEST,
  RAW_REQUEST,
  TILE_REQUEST,
  TOAST_REQUEST,
} from '@/test/snippet-requests'

import { generateSnippet } from './generate-snippet'
import type { SnippetLanguage } from './snippet-languages'

/** A request as the recording server received it. */
interface RecordedRequest {
  method: string
  path: string
  /** Header names in the order and letter case they arrived. */
  rawHeaders: Array<[string, string]>
  body: Buffer
}

/** How to run one snippet language here, and whether its runtime is installed. */
interface SnippetRunner {
  language: SnippetLanguage
  fileName: string
  command: string
  available: boolean
  /** Content-Type the client adds to a request that has none, or null when it adds none. */
  addedContentType: string | null
}

const RUN_TIMEOUT_MS = 15_000

const RESPONSE_BODY = 'Recorded by the test server.'

const EMULATOR_REASON = 'The test server records every request.'

const NODE_MODULES = resolve('node_modules')

const RUNNERS: readonly SnippetRunner[] = [
  {
    language: 'curl',
    fileName: 'send.sh',
    command: 'bash',
    available: isInstalled('curl'),
    addedContentType: null,
  },
  {
    language: 'node-fetch',
    fileName: 'send.mjs',
    command: process.execPath,
    available: true,
    addedContentType: null,
  },
  {
    language: 'node-mpns',
    fileName: 'send.cjs',
    command: process.execPath,
    available: true,
    // mpns 2.1.3 sends text/xml with every notification, raw ones included.
    addedContentType: 'text/xml',
  },
  {
    language: 'python',
    fileName: 'send.py',
    command: 'python3',
    available: isInstalled('python3'),
    addedContentType: 'application/x-www-form-urlencoded',
  },
]

const REQUESTS = [
  ['toast', TOAST_REQUEST],
  ['tile', TILE_REQUEST],
  ['raw', RAW_REQUEST],
  ['binary raw', BINARY_RAW_REQUEST],
] as const

let server: Server
let serverOrigin = ''
let recorded: RecordedRequest[] = []
let workDir = ''

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'console-snippets-'))
  server = createServer((request, response) => void recordAndAnswer(request, response))
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  serverOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolveClose) => server.close(resolveClose))
  await rm(workDir, { recursive: true, force: true })
})

describe('generated snippets', () => {
  for (const runner of RUNNERS) {
    it.runIf(runner.available).each(REQUESTS)(
      `${runner.language} sends the %s request`,
      async (_name, request) => {
        const sent: ConsoleRequest = {
          ...request,
          url: serverOrigin + new URL(request.url).pathname,
        }
        recorded = []

        const output = await runSnippet(runner, generateSnippet(runner.language, sent))

        expect(recorded).toHaveLength(1)
        const [received] = recorded
        expect(received?.method).toBe('POST')
        expect(received?.path).toBe(new URL(sent.url).pathname)
        expect(output).toMatch(/^HTTP(?:\/1\.1)? 200\b/m)
        expect(output).toContain('X-NotificationStatus: Received')
        expect(output).toContain('X-SubscriptionStatus: Active')
        const sentContentType = sent.headers.find(([name]) => name === 'Content-Type')?.[1]
        expect(readReceivedHeader(received, 'Content-Type')).toBe(
          sentContentType ?? runner.addedContentType ?? undefined,
        )
        if (runner.language === 'node-mpns') {
          expectSamePayload(sent, received)
          return
        }
        expect(received?.body.equals(Buffer.from(sent.bodyBytes))).toBe(true)
        expect(pickHeaders(received, sent)).toEqual(sent.headers)
        expect(output).toContain(`X-Emulator-Reason: ${EMULATOR_REASON}`)
        expect(output).toContain(RESPONSE_BODY)
      },
    )
  }
})

async function recordAndAnswer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of request) {
    chunks.push(chunk as Buffer)
  }
  const rawHeaders: Array<[string, string]> = []
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    rawHeaders.push([request.rawHeaders[index] ?? '', request.rawHeaders[index + 1] ?? ''])
  }
  recorded.push({
    method: request.method ?? '',
    path: request.url ?? '',
    rawHeaders,
    body: Buffer.concat(chunks),
  })

  response.writeHead(200, {
    'X-NotificationStatus': 'Received',
    'X-DeviceConnectionStatus': 'Connected',
    'X-SubscriptionStatus': 'Active',
    'X-Emulator-Reason': EMULATOR_REASON,
    'Content-Type': 'text/plain; charset=utf-8',
  })
  response.end(RESPONSE_BODY)
}

async function runSnippet(runner: SnippetRunner, snippet: string): Promise<string> {
  const file = join(workDir, runner.fileName)
  await writeFile(file, snippet, 'utf8')
  const { stdout } = await promisify(execFile)(runner.command, [file], {
    timeout: RUN_TIMEOUT_MS,
    // The mpns snippet requires the package, which this checkout has as a dev dependency.
    env: { ...process.env, NODE_PATH: NODE_MODULES },
  })
  return stdout
}

/** Returns the received headers that the request names, with the request's letter case, in arrival order. */
function pickHeaders(
  received: RecordedRequest | undefined,
  sent: ConsoleRequest,
): Array<readonly [string, string]> {
  const sentNames = new Map(sent.headers.map(([name]) => [name.toLowerCase(), name]))
  return (received?.rawHeaders ?? []).flatMap(([name, value]) => {
    const sentName = sentNames.get(name.toLowerCase())
    return sentName === undefined ? [] : [[sentName, value] as const]
  })
}

function readReceivedHeader(
  received: RecordedRequest | undefined,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase()
  return received?.rawHeaders.find(([candidate]) => candidate.toLowerCase() === wanted)?.[1]
}

/** Compares what the mpns package wrote with the console's payload, field by field. */
function expectSamePayload(sent: ConsoleRequest, received: RecordedRequest | undefined): void {
  const receivedBody = received?.body ?? Buffer.alloc(0)
  const target = sent.headers.find(([name]) => name === 'X-WindowsPhone-Target')?.[1]
  if (target === undefined) {
    expect(receivedBody.equals(Buffer.from(sent.bodyBytes))).toBe(true)
    return
  }
  const parse = target === 'toast' ? parseToastPayload : parseTilePayload
  const expected = parse(parseXmlDocument(new TextEncoder().encode(sent.body)), [])
  expect(parse(parseXmlDocument(receivedBody), [])).toEqual(expected)
}

function isInstalled(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0
}
