import { expect, test } from './fixtures'
import { TOAST_HEADERS, createToastXml } from './payloads'
import { PREVIEW_PORT } from './ports'

const PREVIEW_ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`

test.use({ baseURL: PREVIEW_ORIGIN })

test('the production build delivers a toast', async ({ page, phone, mpns }) => {
  await test.step('the service worker at the site root controls the page', async () => {
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      return {
        scriptUrl: navigator.serviceWorker.controller?.scriptURL,
        scope: registration?.scope,
      }
    })
    expect(worker.scriptUrl).toBe(`${PREVIEW_ORIGIN}/sw.js`)
    expect(worker.scope).toBe(`${PREVIEW_ORIGIN}/`)
  })

  const channelUri = await test.step('Contoso Weather opens a channel', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    expect(uri.startsWith(`${PREVIEW_ORIGIN}/throttledthirdparty/01.00/`)).toBe(true)
    await phone.goStart()
    return uri
  })

  await test.step('a toast POST is received', async () => {
    const response = await mpns.post(channelUri, {
      headers: TOAST_HEADERS,
      body: createToastXml({ text1: 'Production', text2: 'Built and served' }),
    })
    expect(response.status).toBe(200)
    expect(response.headers['x-notificationstatus']).toBe('Received')
  })

  await test.step('the banner shows the toast', async () => {
    await expect(phone.toast).toContainText('Production')
    await expect(phone.toast).toContainText('Built and served')
  })
})
