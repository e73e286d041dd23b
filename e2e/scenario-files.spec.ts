import type { Page } from '@playwright/test'

import type { EmulatorPageApi, ScenarioStatus, StepResult } from '../src/scenario/page-api'
import type { ScenarioInput } from '../src/scenario/scenario-schema'
import { expect, openEmulator, test } from './fixtures'
import { PhonePage } from './pages/phone-page'

declare global {
  interface Window {
    wp8Emulator?: EmulatorPageApi
  }
}

const EXAMPLE_URL = '/scenarios/chat-toast.json'

function readStatus(page: Page): Promise<ScenarioStatus | undefined> {
  return page.evaluate(() => window.wp8Emulator?.scenario)
}

async function waitForLoaded(page: Page, name: string): Promise<void> {
  await expect
    .poll(() => readStatus(page), { message: `scenario "${name}" never finished loading` })
    .toMatchObject({ state: 'loaded', name })
  await page.evaluate(() => window.wp8Emulator?.ready())
}

function runNextStep(page: Page): Promise<StepResult | undefined> {
  return page.evaluate(() => window.wp8Emulator?.runNextStep())
}

function exportScenario(page: Page): Promise<ScenarioInput | undefined> {
  return page.evaluate(() => window.wp8Emulator?.exportScenario())
}

test('example scenario plays from the URL', async ({ page }) => {
  const phone = new PhonePage(page)

  await test.step('open the page with ?scenario=', async () => {
    await openEmulator(page, `/?scenario=${EXAMPLE_URL}`)
    await waitForLoaded(page, 'Chat toast')
    expect(new URL(page.url()).searchParams.has('scenario')).toBe(false)
    expect(await phone.readTileNames()).toEqual([
      expect.stringMatching(/^Contoso Chat/),
      expect.stringMatching(/^Contoso Weather/),
    ])
  })

  await test.step('send the toast', async () => {
    const result = await runNextStep(page)
    expect(result?.responseMismatches).toEqual([])
    expect(result?.response?.headers['x-notificationstatus']).toBe('Received')
    await expect(phone.toast).toContainText('Anna')
  })

  await test.step('tap it and see the thread', async () => {
    const check = await runNextStep(page)
    expect(check?.expect?.toast?.text1).toBe('Anna')
    await runNextStep(page)
    await expect(phone.currentPage).toContainText('/MainPage.xaml')
    await expect(phone.queryString).toContainText('thread')
    const last = await runNextStep(page)
    expect(last?.expect?.page?.query).toEqual({ thread: '7' })
    await expect.poll(() => readStatus(page)).toMatchObject({ nextStep: 4, stepCount: 4 })
  })
})
