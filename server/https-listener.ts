import { createServer as createPlainServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import { createServer as createTcpServer } from 'node:net'
import type { AddressInfo, Server, Socket } from 'node:net'
import type { TLSSocket } from 'node:tls'

import { shortenForMessage } from '../src/mpns/message-text.ts'
import type { CertificateRegistry } from './certificate-registry.ts'
import type { ChannelRequestHandler, ClientIdentity } from './channel-endpoint.ts'
import { isChannelPath } from './channel-endpoint.ts'
import { installConnectionGuard } from './connection-guard.ts'
import type { ConnectionGuard } from './connection-guard.ts'
import type { EndpointLogger } from './endpoint-options.ts'
import { sendEndpointResponse } from './endpoint-response.ts'
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

/** First byte of a TLS record that carries a handshake, which every TLS connection opens with. */
const TLS_HANDSHAKE_RECORD = 0x16

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

  // One port takes both protocols, so plain HTTP sent to the https URI gets an MPNS 401 with the
  // fix, where a TLS server would only drop the connection.
  const plain = createPlainServer(answerPlainHttp)
  const listener = createTcpServer((socket) => {
    routeByFirstByte(socket, { tls: server, plain })
  })
  const port = await listenWithFallback(listener, options)
  return {
    port,
    close: async () => {
      const closing = closeServer(listener)
      server.closeAllConnections()
      plain.closeAllConnections()
      await closing
    },
  }
}

/** Passes a connection to the TLS server when it opens with a TLS handshake, else to plain HTTP. */
function routeByFirstByte(socket: Socket, servers: { tls: Server; plain: Server }): void {
  socket.once('error', () => socket.destroy())
  socket.once('data', (first: Buffer) => {
    socket.pause()
    socket.unshift(first)
    if (first[0] === TLS_HANDSHAKE_RECORD) {
      // The TLS socket takes over the connection and reads the unshifted bytes itself.
      servers.tls.emit('connection', socket)
      return
    }
    servers.plain.emit('connection', socket)
    socket.resume()
  })
}

function answerPlainHttp(req: IncomingMessage, res: ServerResponse): void {
  // The body is never read, so the connection closes after the response.
  sendEndpointResponse(res, {
    status: 401,
    reason: `Unauthorized: ${shortenForMessage(req.url ?? '/')} was sent as plain HTTP to the HTTPS port of authenticated channels. Send to the https: channel URI with the client certificate of the service.`,
    closeConnection: true,
  })
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
  })
}
