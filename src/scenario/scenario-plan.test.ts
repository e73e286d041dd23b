import { describe, expect, it } from 'vitest'

import { planScenario } from './scenario-plan'
import { SCENARIO_FORMAT, parseScenario } from './scenario-schema'

function errorsOf(fields: Record<string, unknown>): string[] {
  const parsed = parseScenario({ format: SCENARIO_FORMAT, version: 1, name: 'Plan', ...fields })
  if (!parsed.ok) {
    return parsed.errors
  }
  const planned = planScenario(parsed.scenario)
  return planned.ok ? [] : planned.errors
}

const CHAT_AND_WEATHER = [{ sample: 'Contoso Chat' }, { sample: 'contoso-weather' }]

describe('planScenario', () => {
  it('plans the sample apps of a handset without apps', () => {
    const parsed = parseScenario({ format: SCENARIO_FORMAT, version: 1, name: 'Plan' })
    const planned = parsed.ok ? planScenario(parsed.scenario) : undefined
    const plan = planned?.ok === true ? planned.plan : undefined

    expect(plan?.handsets).toHaveLength(1)
    expect(plan?.handsets[0]?.name).toBe('Handset 1')
    expect(plan?.handsets[0]?.appsListed).toBe(false)
    expect(plan?.handsets[0]?.apps.map((app) => app.app.name)).toEqual([
      'Contoso Weather',
      'Contoso Chat',
      'Contoso Photos',
      'Fabrikam Scores',
      'Woodgrove Stocks',
    ])
    expect(plan?.handsets[0]?.tiles).toBeUndefined()
  })

  it('opens the channel of an allowed app by default', () => {
    const parsed = parseScenario({
      format: SCENARIO_FORMAT,
      version: 1,
      name: 'Plan',
      handsets: [
        {
          apps: [{ sample: 'Contoso Chat', permission: 'allowed' }, { sample: 'Contoso Weather' }],
        },
      ],
    })
    const planned = parsed.ok ? planScenario(parsed.scenario) : undefined
    const apps = planned?.ok === true ? planned.plan.handsets[0]?.apps : undefined

    expect(apps?.map((app) => app.openChannel)).toEqual([true, false])
  })

  it('gives listed apps medium tiles in order', () => {
    const parsed = parseScenario({
      format: SCENARIO_FORMAT,
      version: 1,
      name: 'Plan',
      handsets: [{ apps: CHAT_AND_WEATHER }],
    })
    const planned = parsed.ok ? planScenario(parsed.scenario) : undefined
    const tiles = planned?.ok === true ? planned.plan.handsets[0]?.tiles : undefined

    expect(tiles).toEqual([
      { appIndex: 0, size: 'medium' },
      { appIndex: 1, size: 'medium' },
    ])
  })

  it.each([
    [
      'an unknown sample app',
      { handsets: [{ apps: [{ sample: 'Contoso Mail' }] }] },
      'handsets[0].apps[0].sample: no sample app is named "Contoso Mail". Use one of Contoso Weather, Contoso Chat, Contoso Photos, Fabrikam Scores, Woodgrove Stocks.',
    ],
    [
      'a renamed sample app',
      { handsets: [{ apps: [{ sample: 'Contoso Chat', name: 'Chat' }] }] },
      'handsets[0].apps[0].name: a sample app keeps its own name. Remove "name", or install the app from an "appFile".',
    ],
    [
      'an app listed twice',
      { handsets: [{ apps: [{ sample: 'Contoso Chat' }, { sample: 'contoso-chat' }] }] },
      'handsets[0].apps[1]: "Contoso Chat" (id "contoso-chat") is already installed by handsets[0].apps[0]. List each app once.',
    ],
    [
      'a tile of an app that is not installed',
      { handsets: [{ apps: CHAT_AND_WEATHER, tiles: [{ app: 'Contoso Mail' }] }] },
      'handsets[0].tiles[0].app: no installed app is named "Contoso Mail" on Handset 1. Add it to the handset\'s "apps" or use the name of an installed app.',
    ],
    [
      'a secondary tile the app does not offer',
      {
        handsets: [
          {
            apps: CHAT_AND_WEATHER,
            tiles: [{ app: 'Contoso Weather', secondary: '/CityPage.xaml?city=Rome' }],
          },
        ],
      },
      'handsets[0].tiles[0].secondary: "Contoso Weather" offers no secondary tile with navigation URI "/CityPage.xaml?city=Rome". It offers "/CityPage.xaml?city=Oslo", "/CityPage.xaml?city=Bergen".',
    ],
    [
      'a wide tile without wide support',
      {
        handsets: [
          {
            apps: CHAT_AND_WEATHER,
            tiles: [
              { app: 'Contoso Weather', secondary: '/CityPage.xaml?city=Bergen', size: 'wide' },
            ],
          },
        ],
      },
      'handsets[0].tiles[0].size: this tile of "Contoso Weather" has no wide size. Use "medium" or "small".',
    ],
    [
      'a tile listed twice',
      {
        handsets: [
          { apps: CHAT_AND_WEATHER, tiles: [{ app: 'Contoso Chat' }, { app: 'contoso-chat' }] },
        ],
      },
      'handsets[0].tiles[1]: this tile is already on Start. List each tile once.',
    ],
    [
      'two handsets with one name',
      { handsets: [{ name: 'Phone' }, { name: 'Phone' }] },
      'handsets[1].name: "Phone" is already the name of handsets[0]. Give each handset its own name.',
    ],
    [
      'an unknown accent colour',
      { handsets: [{ accent: 'gold' }] },
      'handsets[0].accent: unknown accent colour "gold". Use one of lime, green, emerald, teal, cyan, cobalt, indigo, violet, pink, magenta, crimson, red, orange, amber, yellow, brown, olive, steel, mauve, taupe.',
    ],
    [
      'a dark screen that is unlocked',
      { handsets: [{ device: { screen: 'off', locked: false } }] },
      'handsets[0].device.locked: a handset whose screen is off is always locked. Leave "locked" out or set it to true.',
    ],
    [
      'a lock screen app without a text field',
      { handsets: [{ apps: CHAT_AND_WEATHER, lockScreen: { detailedStatus: 'Contoso Weather' } }] },
      'handsets[0].lockScreen.detailedStatus: "Contoso Weather" does not declare LockScreen_Notification_TextField in its manifest, so the lock screen cannot show it.',
    ],
    [
      'an invalid engine setting',
      { engine: { settings: { maxXmlBodyBytes: 100_000 } } },
      expect.stringMatching(/^engine\.settings: .*100000/),
    ],
    [
      'a step on an unknown handset',
      { timeline: [{ tapToast: { handset: 'Phone 9' } }] },
      'timeline[0].tapToast.handset: no handset is named "Phone 9". Use one of "Handset 1".',
    ],
    [
      'a launch of an app that is not installed',
      {
        handsets: [{ apps: CHAT_AND_WEATHER }],
        timeline: [{ launch: { app: 'Woodgrove Stocks' } }],
      },
      'timeline[0].launch.app: no installed app is named "Woodgrove Stocks" on Handset 1. Add it to the handset\'s "apps" or use the name of an installed app.',
    ],
    [
      'an outcome of an app that is not installed',
      {
        handsets: [{ apps: CHAT_AND_WEATHER }],
        timeline: [{ expect: { tile: { app: 'Contoso Photos' } } }],
      },
      'timeline[0].expect.tile.app: no installed app is named "Contoso Photos" on Handset 1. Add it to the handset\'s "apps" or use the name of an installed app.',
    ],
  ])('rejects %s', (_case, fields, expected) => {
    expect(errorsOf(fields)).toEqual([expected])
  })

  it('reports every problem at once', () => {
    const errors = errorsOf({
      handsets: [{ apps: CHAT_AND_WEATHER, tiles: [{ app: 'Contoso Mail' }] }],
      timeline: [{ send: { app: 'Contoso Mail', toast: { text1: 'Hi' } } }],
    })

    expect(errors).toHaveLength(2)
  })

  it('installs an app file under the name given', () => {
    const parsed = parseScenario({
      format: SCENARIO_FORMAT,
      version: 1,
      name: 'Plan',
      handsets: [{ apps: [{ manifestXml: MANIFEST, name: 'Notes' }], tiles: [{ app: 'Notes' }] }],
    })
    const planned = parsed.ok ? planScenario(parsed.scenario) : undefined
    const app = planned?.ok === true ? planned.plan.handsets[0]?.apps[0] : undefined

    expect(app?.app.name).toBe('Notes')
    expect(app?.isSample).toBe(false)
  })
})

const MANIFEST = `<?xml version="1.0" encoding="utf-8"?>
<Deployment xmlns="http://schemas.microsoft.com/windowsphone/2012/deployment" AppPlatformVersion="8.0">
  <App xmlns="" ProductID="{11111111-2222-3333-4444-555555555555}" Title="Fabrikam Notes" Version="1.0.0.0">
    <Capabilities><Capability Name="ID_CAP_PUSH_NOTIFICATION" /></Capabilities>
    <Tasks><DefaultTask Name="_default" NavigationPage="MainPage.xaml" /></Tasks>
    <Tokens>
      <PrimaryToken TokenID="NotesToken" TaskName="_default">
        <TemplateFlip><Title>Fabrikam Notes</Title></TemplateFlip>
      </PrimaryToken>
    </Tokens>
  </App>
</Deployment>`
