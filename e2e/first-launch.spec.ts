import { expect, test } from './fixtures'

test('first launch asks, opens a channel and lists it in the console', async ({
  phone,
  devConsole,
}) => {
  await test.step('open the weather app for the first time', async () => {
    await phone.openApp('Contoso Weather')
    await expect(phone.permissionPrompt).toBeVisible()
    await expect(phone.permissionPrompt).toContainText('Contoso Weather')
  })

  await test.step('allow notifications and read the channel URI', async () => {
    await phone.answerPermission(true)
    await expect(phone.channelUri).toHaveValue(
      /^http:\/\/127\.0\.0\.1:\d+\/throttledthirdparty\/01\.00\/[A-Za-z0-9_-]{64,}$/,
    )
  })

  await test.step('the console picker lists the channel', async () => {
    await expect(devConsole.channel.getByRole('option')).toContainText([
      'Contoso Weather on Handset 1',
    ])
  })

  await test.step('Back returns to Start', async () => {
    await phone.goBack()
    await expect(phone.startScreen).toBeVisible()
    await expect(phone.tile('Contoso Weather')).toBeVisible()
  })
})
