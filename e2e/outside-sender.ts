import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { connect } from 'node:net'

/** A response as a backend outside the browser receives it. */
export interface OutsideResponse {
  status: number
  statusText: string
  /** Headers in the order and letter case they arrived. */
  rawHeaders: Array<[string, string]>
  /** Header values by lower-case name. */
  headers: Record<string, string>
  body: string
}

/** Options of one request from outside the browser. */
export interface OutsideRequestOptions {
  method?: string
  headers?: Array<[string, string]>
  body?: string | Uint8Array
  /** TLS options for an https URI: client certificate and the authority to trust. */
  tls?: { pfx?: Buffer; cert?: string; key?: string; ca?: string }
}

/**
 * Sends one request the way a backend does, with Node's http or https client, and resolves with
 * the response. Rejects on a transport error, a refused TLS handshake included.
 */
export function sendFromOutside(
  uri: string,
  options: OutsideRequestOptions = {},
): Promise<OutsideResponse> {
  const url = new URL(uri)
  const body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: options.method ?? 'POST',
        headers: Object.fromEntries(options.headers ?? []),
        agent: false,
        ...options.tls,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          const rawHeaders: Array<[string, string]> = []
          for (let index = 0; index < response.rawHeaders.length; index += 2) {
            rawHeaders.push([
              response.rawHeaders[index] ?? '',
              response.rawHeaders[index + 1] ?? '',
            ])
          }
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            rawHeaders,
            headers: Object.fromEntries(
              rawHeaders.map(([name, value]) => [name.toLowerCase(), value]),
            ),
            body: Buffer.concat(chunks).toString('utf8'),
          })
        })
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

/**
 * Writes bytes to a plain TCP connection and resolves with everything the server sent before it
 * closed the connection or `idleMs` passed. For requests no HTTP client would send.
 */
export function sendRawHttp(options: {
  host: string
  port: number
  request: Buffer
  idleMs?: number
}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: options.host, port: options.port })
    const chunks: Buffer[] = []
    const finish = () => {
      socket.destroy()
      resolve(Buffer.concat(chunks).toString('utf8'))
    }
    socket.setTimeout(options.idleMs ?? 2_000, finish)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('end', finish)
    socket.on('error', reject)
    socket.write(options.request)
  })
}
