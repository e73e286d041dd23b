import { test, expect, toast } from 'wp8-mpns-emulator/playwright'
test('a chat toast opens the conversation', async ({ phone, mpns }) => {
  const uri = await phone.launch(await phone.install({ sample: 'Contoso Chat' }), { allow: true })
  await phone.goStart()
  const lunch = toast({ text1: 'Anna', text2: 'Lunch?', param: '/Chat.xaml?id=7' })
  expect(await mpns.send(uri, lunch)).toBeReceived()
  await expect(phone).toShowToast({ text1: 'Anna', text2: 'Lunch?' })
  await phone.tapToast()
  await expect(phone).toBeOnPage('/Chat.xaml', { id: '7' })
})
