import { readFile } from 'node:fs/promises'

import type { Page } from '@playwright/test'

import type { EmulatorPageApi, ScenarioStatus, StepResult } from '../src/scenario/page-api'
import type { ScenarioInput } from '../src/scenario/scenario-schema'
import { SAMPLE_APP_NAMES, createMpnsClient, expect, openEmulator, test } from './fixtures'
import { PhonePage } from './pages/phone-page'
import { ScenarioPanelPage } from './pages/scenario-panel-page'
import { TOAST_HEADERS, createToastXml } from './payloads'

declare global {
  interface Window {
    wp8Emulator?: EmulatorPageApi
    /** Set by a test to tell whether the page has reloaded since. */
    scenarioTestMarker?: string
  }
}

const EXAMPLE_URL = '/scenarios/chat-toast.json'

/**
 * Maximum time for a load that reloads the page. The dev server serves the reloaded page and
 * then the lazily loaded scenario code, which took over 4 seconds on a busy 2-core machine.
 */
const SCENARIO_LOAD_TIMEOUT_MS = 20_000

/** A Start layout with every tile size and a secondary tile, on a renamed handset. */
const LAYOUT_SCENARIO = {
  format: 'wp8-emulator-scenario',
  version: 1,
  name: 'Start layout',
  handsets: [
    {
      name: 'Test phone',
      apps: [
        { sample: 'Contoso Weather' },
        { sample: 'Contoso Chat', permission: 'allowed' },
        { sample: 'Fabrikam Scores' },
      ],
      tiles: [
        { app: 'Contoso Chat', size: 'wide' },
        { app: 'Contoso Weather', secondary: '/CityPage.xaml?city=Oslo', size: 'small' },
        { app: 'Contoso Weather', size: 'medium' },
        { app: 'Fabrikam Scores', size: 'small' },
      ],
      device: { battery: 50 },
    },
  ],
}

const LAYOUT_TILES = [
  { app: 'Contoso Chat', size: 'wide' },
  { app: 'Contoso Weather', secondary: '/CityPage.xaml?city=Oslo', size: 'small' },
  { app: 'Contoso Weather', size: 'medium' },
  { app: 'Fabrikam Scores', size: 'small' },
]

function readStatus(page: Page): Promise<ScenarioStatus | undefined> {
  return page.evaluate(() => window.wp8Emulator?.scenario)
}

async function waitForLoaded(page: Page, name: string): Promise<void> {
  await expect
    .poll(() => readStatus(page).catch(() => undefined), {
      message: `scenario "${name}" never finished loading`,
      timeout: SCENARIO_LOAD_TIMEOUT_MS,
    })
    .toMatchObject({ state: 'loaded', name })
  await page.evaluate(() => window.wp8Emulator?.ready())
}

/** Resets the emulator from the API and waits for the reload that follows. */
async function resetEmulator(page: Page): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.wp8Emulator?.reset())])
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await page.evaluate(() => window.wp8Emulator?.ready())
}

function runNextStep(page: Page): Promise<StepResult | undefined> {
  return page.evaluate(() => window.wp8Emulator?.runNextStep())
}

function exportScenario(page: Page): Promise<ScenarioInput | undefined> {
  return page.evaluate(() => window.wp8Emulator?.exportScenario())
}

async function readExportedTiles(page: Page): Promise<unknown> {
  return (await exportScenario(page))?.handsets?.[0]?.tiles
}

test('example scenario plays from the URL', async ({ page }) => {
  const phone = new PhonePage(page)
  const panel = new ScenarioPanelPage(page)

  await test.step('open the page with ?scenario=', async () => {
    await openEmulator(page, `/?scenario=${EXAMPLE_URL}`)
    await waitForLoaded(page, 'Chat toast')
    expect(new URL(page.url()).searchParams.has('scenario')).toBe(false)
    expect(await phone.readTileNames()).toEqual([
      expect.stringMatching(/^Contoso Chat/),
      expect.stringMatching(/^Contoso Weather/),
    ])
    await panel.expectLoaded('Chat toast', 0)
  })

  await test.step('send the toast from the API', async () => {
    const result = await runNextStep(page)
    expect(result?.title).toBe('Send a chat toast')
    expect(result?.responseMismatches).toEqual([])
    expect(result?.response?.headers['x-notificationstatus']).toBe('Received')
    await expect(phone.toast).toContainText('Anna')
  })

  await test.step('run the rest with Run all', async () => {
    await panel.runAllButton.click()
    await panel.expectLoaded('Chat toast', 4)
    await expect(phone.currentPage).toContainText('/MainPage.xaml')
    await expect(phone.queryString).toContainText('thread')
    await expect(panel.timeline.getByRole('listitem')).toHaveCount(4)
    await expect(panel.timeline.getByText('as expected')).toHaveCount(4)
    await expect(panel.runNextButton).toBeDisabled()
  })

  await test.step('a reload keeps the progress', async () => {
    await page.reload()
    await panel.expectLoaded('Chat toast', 4)
    expect(await readStatus(page)).toEqual({
      state: 'loaded',
      name: 'Chat toast',
      stepCount: 4,
      nextStep: 4,
    })
  })

  await test.step('Restart replays the scenario', async () => {
    await panel.restartButton.click()
    await panel.expectLoaded('Chat toast', 0)
    await waitForLoaded(page, 'Chat toast')
    await expect(phone.toast).toBeHidden()
    await panel.runAllButton.click()
    await panel.expectLoaded('Chat toast', 4)
    await expect(panel.timeline.getByText('as expected')).toHaveCount(4)
  })
})

test('wrong outcome expectation shows its mismatch', async ({ page }) => {
  const panel = new ScenarioPanelPage(page)
  const scenario = {
    format: 'wp8-emulator-scenario',
    version: 1,
    name: 'Wrong toast',
    handsets: [{ apps: [{ sample: 'Contoso Chat', permission: 'allowed' }] }],
    timeline: [
      { send: { app: 'Contoso Chat', toast: { text1: 'Anna', text2: 'Lunch?' } } },
      { expect: { toast: { text1: 'Bob' } } },
    ],
  }
  await openEmulator(page)
  await page.evaluate((input) => window.wp8Emulator?.loadScenario(input), scenario)
  await waitForLoaded(page, 'Wrong toast')

  await panel.runAllButton.click()

  await panel.expectLoaded('Wrong toast', 2)
  await expect(panel.outcomeMismatches(1)).toHaveText('Toast: expected Text1 "Bob", shown "Anna"')
  await expect(panel.timeline.getByText('as expected')).toHaveCount(1)
})

test('missing ?scenario= file names the URL', async ({ page }) => {
  const panel = new ScenarioPanelPage(page)

  await openEmulator(page, '/?scenario=/scenarios/nope.json')

  await expect(panel.status).toHaveText('The scenario failed to load.')
  await expect(panel.errors).toHaveText(
    /^Failed to load the scenario from "\/scenarios\/nope\.json": the server (responded with HTTP 404|sent an HTML page, not a scenario file)\. Check the path\.$/,
  )
  expect(new URL(page.url()).searchParams.get('scenario')).toBe('/scenarios/nope.json')
})

test('scenario loads from the file input', async ({ page }) => {
  const phone = new PhonePage(page, 'Test phone')
  const panel = new ScenarioPanelPage(page)
  await openEmulator(page)
  await page.evaluate(() => window.wp8Emulator?.ready())
  // A page with a channel has stored state, so loading empties it and reloads.
  await new PhonePage(page).launchWithPermission('Contoso Weather', true)
  await page.evaluate(() => {
    window.scenarioTestMarker = 'before'
  })

  await panel.load('layout.json', JSON.stringify(LAYOUT_SCENARIO))

  await panel.expectLoaded('Start layout')
  expect(await page.evaluate(() => window.scenarioTestMarker)).toBeUndefined()
  await waitForLoaded(page, 'Start layout')
  expect(await phone.readTileNames()).toEqual([
    expect.stringMatching(/^Contoso Chat/),
    'Contoso Weather, Oslo, /CityPage.xaml?city=Oslo',
    expect.stringMatching(/^Contoso Weather/),
    expect.stringMatching(/^Fabrikam Scores/),
  ])
  expect(
    await page.evaluate(() => window.wp8Emulator?.readChannelUri('Contoso Chat', 'Test phone')),
  ).toMatch(/^http/)
  expect(
    await page.evaluate(() => window.wp8Emulator?.readChannelUri('Contoso Weather', 'Test phone')),
  ).toBeNull()
  expect(await readExportedTiles(page)).toEqual(LAYOUT_TILES)
})

test('exported scenario loads back the same Start', async ({ page }) => {
  const phone = new PhonePage(page, 'Test phone')
  const panel = new ScenarioPanelPage(page)
  await openEmulator(page)
  await page.evaluate((scenario) => window.wp8Emulator?.loadScenario(scenario), LAYOUT_SCENARIO)
  await waitForLoaded(page, 'Start layout')
  const tileNames = await phone.readTileNames()

  const download = await test.step('export from the console', async () => {
    const file = await panel.export()
    expect(file.suggestedFilename()).toBe('Start layout.scenario.json')
    return file
  })
  const exported = JSON.parse(
    await readFile((await download.path()) ?? '', 'utf8'),
  ) as ScenarioInput
  expect(exported.handsets?.[0]?.tiles).toEqual(LAYOUT_TILES)

  await test.step('reset the emulator', async () => {
    await resetEmulator(page)
    await expect(panel.status).toHaveText('No scenario loaded.')
    await expect(new PhonePage(page).handset).toBeVisible()
  })

  await test.step('load the exported file', async () => {
    await panel.load(download.suggestedFilename(), JSON.stringify(exported))
    await waitForLoaded(page, 'Start layout')
    expect(await phone.readTileNames()).toEqual(tileNames)
    expect(await exportScenario(page)).toEqual(exported)
  })
})

test('invalid scenario shows its errors and changes nothing', async ({ page }) => {
  const phone = new PhonePage(page)
  const panel = new ScenarioPanelPage(page)
  await openEmulator(page)
  await page.evaluate(() => window.wp8Emulator?.ready())
  const tileNames = await phone.readTileNames()
  await page.evaluate(() => {
    window.scenarioTestMarker = 'before'
  })

  await test.step('a step with an unknown key', async () => {
    await panel.load(
      'bogus.json',
      JSON.stringify({ ...LAYOUT_SCENARIO, timeline: [{ tapToast: {} }, { bogus: {} }] }),
    )
    await expect(panel.errors).toContainText('timeline[1]: unknown step "bogus"; use one of send')
    await expect(panel.status).toHaveText('The scenario failed to load.')
  })

  await test.step('a tile of an app that is not installed', async () => {
    const scenario = structuredClone(LAYOUT_SCENARIO)
    scenario.handsets[0]?.tiles.push({ app: 'Contoso Mail', size: 'medium' })
    await panel.load('mail.json', JSON.stringify(scenario))
    await expect(panel.errors).toContainText(
      'handsets[0].tiles[4].app: no installed app is named "Contoso Mail" on Test phone.',
    )
  })

  await test.step('a file that is not JSON', async () => {
    await panel.load('broken.json', '{ "format": "wp8-emulator-scenario", ')
    await expect(panel.errors).toContainText('Invalid scenario: the file is not JSON')
  })

  expect(await phone.readTileNames()).toEqual(tileNames)
  expect(await page.evaluate(() => window.scenarioTestMarker)).toBe('before')
  expect(await readStatus(page)).toMatchObject({ state: 'failed' })
})

test('reset deletes channels, apps and settings', async ({ page }) => {
  const phone = new PhonePage(page)
  await openEmulator(page)
  await page.evaluate(() => window.wp8Emulator?.ready())
  const channelUri = await phone.launchWithPermission('Contoso Chat', true)
  await phone.goStart()
  await page.evaluate(() => window.wp8Emulator?.setDeviceState({ airplaneMode: true }))
  await expect(phone.airplaneModeIcon).toBeVisible()

  await resetEmulator(page)

  await expect(phone.airplaneModeIcon).toBeHidden()
  expect(await page.evaluate(() => window.wp8Emulator?.readChannelUri('Contoso Chat'))).toBeNull()
  expect(await phone.readTileNames()).toEqual(
    SAMPLE_APP_NAMES.map((name) => expect.stringMatching(new RegExp(`^${name}`))),
  )
  const response = await createMpnsClient(page).post(channelUri, {
    headers: TOAST_HEADERS,
    body: createToastXml({ text1: 'After reset', text2: '' }),
  })
  expect(response.status).toBe(404)
})

test('scenario file dropped on the console loads', async ({ page, devConsole }) => {
  const panel = new ScenarioPanelPage(page)

  await devConsole.dropFile({
    name: 'layout.scenario.json',
    mimeType: 'application/json',
    text: JSON.stringify(LAYOUT_SCENARIO),
  })

  await panel.expectLoaded('Start layout')
  await waitForLoaded(page, 'Start layout')
  expect(await readExportedTiles(page)).toEqual(LAYOUT_TILES)
})

test('timeline takes a response sent over HTTP', async ({ page }) => {
  const phoneB = new PhonePage(page, 'Phone B')
  const scenario = {
    format: 'wp8-emulator-scenario',
    version: 1,
    name: 'Two handsets',
    handsets: [
      { name: 'Phone A' },
      {
        name: 'Phone B',
        theme: 'light',
        apps: [{ sample: 'Contoso Chat', permission: 'allowed' }],
      },
    ],
    timeline: [
      {
        send: {
          handset: 'Phone B',
          app: 'Contoso Chat',
          via: 'http',
          toast: { text1: 'From the backend' },
        },
        expect: { notificationStatus: 'Received', subscriptionStatus: 'Active' },
      },
      { tapToast: { handset: 'Phone B' } },
    ],
  }
  await openEmulator(page)
  await page.evaluate((input) => window.wp8Emulator?.loadScenario(input), scenario)
  await waitForLoaded(page, 'Two handsets')
  await expect(phoneB.handset).toBeVisible()
  await expect(new PhonePage(page, 'Phone A').handset).toBeVisible()

  const channelUri = await page.evaluate(() =>
    window.wp8Emulator?.readChannelUri('Contoso Chat', 'Phone B'),
  )
  const sent = await page.request.post(channelUri ?? '', {
    headers: Object.fromEntries(TOAST_HEADERS),
    data: createToastXml({ text1: 'From the backend', text2: '' }),
  })
  const response = {
    status: sent.status(),
    statusText: sent.statusText(),
    headers: sent.headers(),
    body: await sent.text(),
  }

  const result = await page.evaluate(
    (sentResponse) => window.wp8Emulator?.runNextStep({ response: sentResponse }),
    response,
  )
  expect(result?.responseMismatches).toEqual([])
  expect(result?.response?.status).toBe(200)
  await expect(phoneB.toast).toContainText('From the backend')

  const tap = await runNextStep(page)
  expect(tap?.title).toBe('Tap the toast on Phone B')
  await expect(phoneB.currentPage).toContainText('/MainPage.xaml')
})
