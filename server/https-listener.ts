import { createServer } from 'node:https'
import type { Server } from 'node:https'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'

import { shortenForMessage } from '../src/mpns/message-text.ts'
import type { CertificateRegistry } from './certificate-registry.ts'
import type { ChannelRequestHandler, ClientIdentity } from './channel-endpoint.ts'
import { isChannelPath } from './channel-endpoint.ts'
import { installConnectionGuard } from './connection-guard.ts'
import type { ConnectionGuard } from './connection-guard.ts'
import type { EndpointLogger } from './endpoint-options.ts'
import type { TlsCredentials } from './tls-credentials.ts'

/** The running HTTPS listener for authenticated channels. */
export interface HttpsListener {
  port: number
  close(): Promise<void>
}

/** Options of startHttpsListener. */
export interface HttpsListenerOptions {
  /** Address to bind, the same as the HTTP server's. */
  host: string
  /** Port to bind, or 0 for any free port. A taken port falls back to a free one with a warning. */
  port: number
  credentials: TlsCredentials
  /** Creates the handler of the channel paths, given the listener's connection guard. */
  createChannelHandler: (guard: ConnectionGuard) => ChannelRequestHandler
  logger: EndpointLogger
}

const LOG_PREFIX = '[mpns-https]'

/**
 * Starts the HTTPS listener. It requests a certificate from every client and completes only
 * handshakes with a valid certificate from the local authority, so a sender with no
 * certificate, an expired one or one from another authority fails the TLS handshake, as
 * with MPNS. It serves only channel paths, and every other path gets 404.
 */
export async function startHttpsListener(options: HttpsListenerOptions): Promise<HttpsListener> {
  const server = createServer({
    key: options.credentials.server.privateKeyPem,
    cert: options.credentials.server.certificatePem,
    ca: [options.credentials.authority.certificatePem],
    requestCert: true,
    rejectUnauthorized: true,
  })
  const guard = installConnectionGuard(server)
  const handleChannelRequest = options.createChannelHandler(guard)
  server.on('request', (req, res) => {
    if (!isChannelPath(req.url ?? '')) {
      res.writeHead(404, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      })
      res.end(
        'The HTTPS listener serves only authenticated channel URIs (/unthrottledthirdparty/01.00/...).',
      )
      return
    }
    handleChannelRequest(req, res)
  })
  server.on('tlsClientError', (error: Error & { reason?: string }, socket: TLSSocket) => {
    // OpenSSL errors carry a short `reason`, while their message adds codes and a source path.
    const cause = error.reason ?? error.message.trim()
    options.logger.warn(
      `${LOG_PREFIX} Rejected a TLS handshake from ${socket.remoteAddress ?? 'an unknown address'}: ${cause}. Authenticated channels take a client certificate created in the emulator console.`,
    )
  })

  const port = await listenWithFallback(server, options)
  return { port, close: () => closeServer(server) }
}

/**
 * Identifies the sender of an HTTPS request by its client certificate: the certificate must be
 * one the console issued and still lists. A deleted or replaced certificate still passes the
 * handshake, because the local authority signed it, so this check gives 403.
 */
export async function identifyClientCertificate(
  req: IncomingMessage,
  registry: CertificateRegistry,
): Promise<ClientIdentity> {
  const peer = (req.socket as TLSSocket).getPeerCertificate()
  const fingerprint = typeof peer.fingerprint256 === 'string' ? peer.fingerprint256 : ''
  const record = fingerprint === '' ? undefined : await registry.findByFingerprint(fingerprint)
  if (record !== undefined) {
    return { commonName: record.serviceName }
  }

  const commonName = typeof peer.subject?.CN === 'string' ? peer.subject.CN : ''
  return {
    rejection: {
      status: 403,
      reason: `Forbidden: the client certificate "${shortenForMessage(commonName)}" (SHA-256 ${fingerprint.slice(0, 23)}...) is not uploaded to the emulator's developer portal: it was deleted or replaced there, or never created there. Create a certificate for the push service in the emulator console and send with it.`,
    },
  }
}

async function listenWithFallback(server: Server, options: HttpsListenerOptions): Promise<number> {
  try {
    return await listen(server, { host: options.host, port: options.port })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EADDRINUSE' && code !== 'EACCES') {
      throw error
    }
    const port = await listen(server, { host: options.host, port: 0 })
    options.logger.warn(
      `${LOG_PREFIX} Port ${options.port} is not available (${code}), so the HTTPS listener uses port ${port}. Set EMULATOR_HTTPS_PORT to choose another port.`,
    )
    return port
  }
}

function listen(server: Server, address: { host: string; port: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    const handleError = (error: Error) => {
      server.off('listening', handleListening)
      reject(error)
    }
    const handleListening = () => {
      server.off('error', handleError)
      resolve((server.address() as AddressInfo).port)
    }
    server.once('error', handleError)
    server.once('listening', handleListening)
    server.listen(address.port, address.host)
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve()
      return
    }
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
