import { expect, test, toast } from 'wp8-mpns-emulator/playwright'

const WEATHER = 'Contoso Weather'

test('class 12 toast waits 450 seconds', async ({ phone, mpns }) => {
  const channelUri = await phone.launch(WEATHER, { allow: true })
  await phone.goStart()

  const batched = toast({ text1: 'Batched', text2: 'Within 450 s' }, { delivery: '450' })
  expect(await mpns.send(channelUri, batched, { via: 'http' })).toBeReceived()
  await expect(phone).not.toShowToast({ text1: 'Batched' }, { timeout: 1_000 })

  await phone.advanceClock(300)
  await expect(phone).not.toShowToast({ text1: 'Batched' }, { timeout: 1_000 })

  await phone.advanceClock(180)
  await expect(phone).toShowToast({ text1: 'Batched', text2: 'Within 450 s' })
})

test('an immediate toast overtakes a batched one', async ({ phone, mpns }) => {
  const channelUri = await phone.launch(WEATHER, { allow: true })
  await phone.goStart()

  const later = toast({ text1: 'Later' }, { delivery: '900' })
  expect(await mpns.send(channelUri, later)).toBeReceived()
  expect(await mpns.send(channelUri, toast({ text1: 'Now' }))).toBeReceived()
  await expect(phone).toShowToast({ text1: 'Now' })
  await phone.dismissToast('Now')

  await phone.advanceClock(900)
  await expect(phone).toShowToast({ text1: 'Later' })
})
