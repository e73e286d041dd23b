import type { ServerResponse } from 'node:http'

/** Writes a JSON response that no cache keeps and no browser sniffs as another type. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8')
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  })
  res.end(body)
}

/** Writes an error as `{ "error": "<sentence>" }`, the form every JSON path of the server uses. */
export function sendJsonError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: message })
}
