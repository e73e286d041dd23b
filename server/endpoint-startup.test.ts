import { describe, expect, it } from 'vitest'

import { readEndpointSettings } from './endpoint-options.ts'
import { startEndpointListeners } from './endpoint-startup.ts'

describe('startEndpointListeners', () => {
  it('warns when the server listens beyond loopback', async () => {
    const lines: string[] = []
    const record = (line: string) => {
      lines.push(line)
    }

    await startEndpointListeners({
      settings: readEndpointSettings({ env: {}, httpsPort: 'off' }),
      logger: { info: record, warn: record, error: record },
      dataDir: '/nonexistent',
      http: { address: '0.0.0.0', port: 5173, family: 'IPv4' },
      configuredHost: '0.0.0.0',
      createHttpsHandler: () => () => undefined,
    })

    expect(lines[0]).toBe(
      "[mpns-endpoint] The server listens on 0.0.0.0, which is not loopback, so MPNS requests from other machines on the network reach the emulator's channel URIs. Start it with --host 127.0.0.1 to keep them local.",
    )
    expect(lines[1]).toMatch(
      /^\[mpns-endpoint\] MPNS channel URIs use http:\/\/[\d.]+:5173, and no HTTPS listener for authenticated channels\.$/,
    )
  })
})
