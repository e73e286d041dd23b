import { expect, test } from './fixtures'
import { PhonePage } from './pages/phone-page'
import { TOAST_HEADERS, createToastXml } from './payloads'

test('two handsets keep their apps and toasts apart', async ({ page, phone, mpns }) => {
  const second = new PhonePage(page, 'Handset 2')

  await test.step('add a second handset beside the first', async () => {
    await page.getByRole('button', { name: 'Add handset', exact: true }).click()
    await expect(second.handset).toBeVisible()
    await expect(second.startScreen).toBeVisible()
  })

  const firstUri = await test.step('each handset opens its own channel', async () => {
    const uri = await phone.launchWithPermission('Contoso Weather', true)
    await phone.goStart()
    return uri
  })
  const secondUri = await second.launchWithPermission('Contoso Weather', true)
  await second.goStart()
  expect(secondUri).not.toBe(firstUri)

  await test.step('a toast to the second handset shows only there', async () => {
    const response = await mpns.post(secondUri, {
      headers: TOAST_HEADERS,
      body: createToastXml({ text1: 'For handset 2', text2: 'Only here' }),
    })
    expect(response.status).toBe(200)
    await expect(second.toast).toContainText('For handset 2')
    await expect(phone.toast).toBeHidden()
  })

  await test.step('the second handset survives a reload and can be removed', async () => {
    await page.reload()
    await expect(second.handset).toBeVisible()
    await page.getByRole('button', { name: 'Remove Handset 2', exact: true }).click()
    await expect(second.handset).toBeHidden()
    await expect(phone.handset).toBeVisible()
  })

  await test.step("the removed handset's channel answers 404", async () => {
    await expect
      .poll(async () => {
        const response = await mpns.post(secondUri, {
          headers: TOAST_HEADERS,
          body: createToastXml({ text1: 'Gone', text2: 'Removed' }),
        })
        return response.status
      })
      .toBe(404)
  })
})
