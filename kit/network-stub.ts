import type { BrowserContext } from '@playwright/test'

/**
 * Path of the dev server's image proxy, which downloads a remote tile image itself. It equals
 * `IMAGE_PROXY_PATH` in server/image-proxy-plugin.ts, which the kit cannot import because that
 * file is not part of the compiled kit. A unit test keeps the two equal.
 */
export const IMAGE_PROXY_PATH = '/__emulator/image'

/** A 1x1 transparent PNG served for every image a test would fetch from the internet. */
const STUB_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

/** Routes every request of the context for a non-loopback host to a local stub. */
export async function routeNonLoopbackToStub(context: BrowserContext): Promise<void> {
  // Nothing may leave the machine: apps and payloads name example.com images and the like.
  await context.route(
    (url) => !isLoopbackHost(url.hostname),
    (route) => {
      const isImage = route.request().resourceType() === 'image'
      return route.fulfill(
        isImage
          ? { status: 200, contentType: 'image/png', body: STUB_PNG }
          : { status: 404, contentType: 'text/plain', body: 'Blocked by the test stub.' },
      )
    },
  )
  // The dev server's image proxy downloads a remote tile image itself, so the route above never
  // matches it. Proxy requests for a non-loopback image get the stub in its place.
  await context.route(
    (url) => url.pathname === IMAGE_PROXY_PATH && isNonLoopbackUrl(url.searchParams.get('url')),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: STUB_PNG }),
  )
}

/** Tells whether a host name is this machine: `localhost`, `[::1]` or an address in 127.0.0.0/8. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.')
}

/**
 * Tells whether a proxied image URL names a host off this machine. A missing or invalid URL
 * returns false, because the proxy rejects it without a download.
 */
function isNonLoopbackUrl(url: string | null): boolean {
  if (url === null || !URL.canParse(url)) {
    return false
  }
  return !isLoopbackHost(new URL(url).hostname)
}
