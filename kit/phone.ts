import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

import { installApp } from './app-install.ts'
import type { InstallSource, InstalledApp } from './app-install.ts'
import { callPageApi } from './page-api-client.ts'
import { PhonePage, escapeRegExp } from './phone-page.ts'
import type { BatterySaverChoice } from './phone-page.ts'
import { readServiceState } from './service-state.ts'

export type { InstallSource, InstalledApp }

export interface LaunchOptions {
  /**
   * Answers the first-launch notification prompt. Without it, a prompt stays open for
   * `answerPrompt`. An app that was asked before shows no prompt, and the option only decides
   * whether `launch` waits for its channel URI.
   */
  allow?: boolean
}

/** Tile sizes on Start. */
export type TileSize = 'small' | 'medium' | 'wide'

/** Number of tile sizes, which is the most presses of R that any size needs. */
const TILE_SIZES_COUNT = 3

/** Pattern of the channel URIs the emulator issues. */
const CHANNEL_URI_PATTERN = /\/(un)?throttledthirdparty\/01\.00\//

/** The service's power levels, by the text of the settings page's `Power level` status. */
const POWER_LEVELS: Record<string, 'normal' | 'saver' | 'critical'> = {
  Normal: 'normal',
  'Battery saver on': 'saver',
  'Critically low': 'critical',
}

/** Spare time past Minutes to Inactive that `goInactive` advances, in seconds. */
const INACTIVE_MARGIN_SECONDS = 60

const MS_PER_SECOND = 1000

/** Format of the console's `Engine time` status: `2025-06-01 12:00:00 UTC`. */
const ENGINE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC$/

/**
 * The handset of a QA test: the page object of the handset, plus operations that install and
 * launch apps, change the device state and move the engine clock and the tile animation on.
 * Device state and clock changes go through the developer console beside the handset, as a
 * tester would make them by hand.
 */
export class Phone extends PhonePage {
  /** The console's `Device state` region. */
  private readonly deviceStateRegion: Locator
  private readonly engineClockRegion: Locator
  private readonly engineSettingsRegion: Locator
  private readonly advanceTileAnimationButton: Locator

  constructor(page: Page, handsetName = 'Handset 1') {
    super(page, handsetName)
    this.deviceStateRegion = page.getByRole('region', { name: 'Device state', exact: true })
    this.engineClockRegion = page.getByRole('region', { name: 'Engine clock', exact: true })
    this.engineSettingsRegion = page.getByRole('region', { name: 'Engine settings', exact: true })
    this.advanceTileAnimationButton = page.getByRole('button', {
      name: 'Advance tile animation',
      exact: true,
    })
  }

  /**
   * Installs an app and returns it. A sample app that is already installed stays as it is. A
   * string is a file path: an app file, or a WMAppManifest.xml when it ends in `.xml`.
   * Installing leaves the handset on Start.
   */
  async install(source: InstallSource | string): Promise<InstalledApp> {
    return installApp(this, source)
  }

  /**
   * Opens an app from its Start tile, or from the app list when it has no tile. With
   * `allow: true` it answers the prompt, waits for the channel and returns the channel URI.
   * Otherwise it returns the app's channel URI as shown, or null while it has none.
   */
  async launch(app: InstalledApp | string, options: { allow: true }): Promise<string>
  async launch(app: InstalledApp | string, options?: LaunchOptions): Promise<string | null>
  async launch(app: InstalledApp | string, options: LaunchOptions = {}): Promise<string | null> {
    const appName = typeof app === 'string' ? app : app.name
    await this.goStart()
    const tile = this.primaryTile(appName)
    if (await tile.isVisible()) {
      await tile.click()
    } else {
      await this.appListButton.click()
      await this.appList.getByRole('button', { name: appName, exact: true }).click()
    }
    // The prompt is drawn with the app's page, so once the page is up the prompt is too.
    await expect(this.currentPage).toBeVisible()

    if (options.allow === undefined) {
      return this.readShownChannelUri()
    }
    if (await this.permissionPrompt.isVisible()) {
      await this.answerPermission(options.allow)
    }
    if (!options.allow) {
      return this.readShownChannelUri()
    }
    await expect(this.channelUri, `${appName} never showed a channel URI`).toHaveValue(
      CHANNEL_URI_PATTERN,
    )
    return this.channelUri.inputValue()
  }

  /**
   * Answers the open notification prompt. After `Allow` it waits for the channel and returns
   * the channel URI, and after `Don't allow` it returns null.
   */
  async answerPrompt(allow: boolean): Promise<string | null> {
    await this.answerPermission(allow)
    if (!allow) {
      return null
    }
    await expect(this.channelUri).toHaveValue(CHANNEL_URI_PATTERN)
    return this.channelUri.inputValue()
  }

  /**
   * Reads an app's channel URI from its page, or null while it has none. With `app` it opens
   * that app first; without it, it reads the open app's page.
   */
  async readChannelUri(app?: InstalledApp | string): Promise<string | null> {
    if (app !== undefined) {
      await this.launch(app)
    }
    return this.readShownChannelUri()
  }

  /**
   * Turns airplane mode on or off in the console's `Device state` region, and waits until the
   * handset's push client has reported the network change to the service.
   */
  async setAirplaneMode(on: boolean): Promise<void> {
    await this.deviceStateRegion
      .getByRole('checkbox', { name: 'Airplane mode', exact: true })
      .setChecked(on)
    const expected = on ? 'offline' : 'online'
    await expect
      .poll(async () => (await readServiceState(this.page)).device?.network, {
        message: `the handset never reported that it is ${expected}`,
      })
      .toBe(expected)
  }

  /**
   * Sets the battery level in percent, and the battery saver option when given, on the
   * handset's `battery saver` settings page. It waits until the handset has reported the
   * resulting power level to the service, then presses Start.
   */
  async setBatteryLevel(percent: number, saver?: BatterySaverChoice): Promise<void> {
    await this.setBattery(percent, saver)
    const powerLevelText = (await this.powerLevel.textContent()) ?? ''
    const reported = POWER_LEVELS[powerLevelText]
    if (reported === undefined) {
      throw new Error(
        `Failed to read the power level: the settings page shows "${powerLevelText}".`,
      )
    }
    await expect
      .poll(async () => (await readServiceState(this.page)).device?.battery, {
        message: `the handset never reported the power level "${powerLevelText}"`,
      })
      .toBe(reported)
    await this.goStart()
  }

  /** Turns the screen off with the Power button. A screen that is off stays off. */
  async turnScreenOff(): Promise<void> {
    if (!(await this.screenOff.isVisible())) {
      await this.pressPower()
    }
    await expect(this.screenOff).toBeVisible()
  }

  /** Turns the screen on with the Power button, which shows the lock screen. */
  async turnScreenOn(): Promise<void> {
    if (await this.screenOff.isVisible()) {
      await this.pressPower()
    }
    await expect(this.screenOff).toBeHidden()
  }

  /** Locks the handset: the screen goes off and on again, and the lock screen shows. */
  async lock(): Promise<void> {
    await this.turnScreenOff()
    await this.turnScreenOn()
    await expect(this.lockScreen).toBeVisible()
  }

  /**
   * Makes the handset Inactive for the service: airplane mode on, then the engine clock moved
   * past the engine setting `Minutes to Inactive`.
   */
  async goInactive(): Promise<void> {
    await this.setAirplaneMode(true)
    const minutesField = this.engineSettingsRegion.getByRole('spinbutton', {
      name: 'Minutes to Inactive',
      exact: true,
    })
    const minutes = Number(await minutesField.inputValue())
    if (!Number.isFinite(minutes) || minutes <= 0) {
      throw new Error(
        `Failed to read Minutes to Inactive: the engine settings show "${String(minutes)}".`,
      )
    }
    await this.advanceClock(minutes * 60 + INACTIVE_MARGIN_SECONDS)
  }

  /**
   * Moves the engine clock on by `seconds` with the console's `Advance clock` control, and waits
   * until the console shows the new engine time. Notifications whose batching window ends in
   * that time are then delivered.
   */
  async advanceClock(seconds: number): Promise<void> {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new Error(`Invalid clock advance ${seconds}: give 0 or more seconds.`)
    }
    const engineTime = this.engineClockRegion.getByRole('status', {
      name: 'Engine time',
      exact: true,
    })
    const before = await readEngineTime(engineTime)
    await this.engineClockRegion
      .getByRole('spinbutton', { name: 'Advance by minutes', exact: true })
      .fill(String(seconds / 60))
    await this.engineClockRegion.getByRole('button', { name: 'Advance clock', exact: true }).click()
    // The console shows whole seconds, so the wait allows for the fraction it cuts off.
    const target = before + Math.floor(seconds) * MS_PER_SECOND
    await expect
      .poll(() => readEngineTime(engineTime), {
        message: `the engine time never moved ${seconds} seconds forward`,
      })
      .toBeGreaterThanOrEqual(target)
  }

  /**
   * Resizes an app's tile on Start with the keyboard, as the customisation mode offers: the
   * ContextMenu key picks it up, R steps through the sizes and Escape puts it down. Rejects
   * when the tile has no such size, as a wide size for an app without a wide tile.
   */
  async setTileSize(app: InstalledApp | string, size: TileSize): Promise<void> {
    const appName = typeof app === 'string' ? app : app.name
    await this.goStart()
    await this.primaryTile(appName).focus()
    await this.page.keyboard.press('ContextMenu')
    await expect(this.customizationStatus).toContainText('Customizing ')

    const sizeText = `: ${size} tile`
    for (let press = 0; press < TILE_SIZES_COUNT; press += 1) {
      const status = (await this.customizationStatus.textContent()) ?? ''
      if (status.includes(sizeText)) {
        break
      }
      await this.page.keyboard.press('r')
      await expect(this.customizationStatus).not.toHaveText(status)
    }
    const reached = ((await this.customizationStatus.textContent()) ?? '').includes(sizeText)
    await this.page.keyboard.press('Escape')
    await expect(this.customizationStatus).toHaveText('')
    if (!reached) {
      throw new Error(`Failed to resize the ${appName} tile: it has no ${size} size.`)
    }
  }

  /**
   * Moves every flip and cycle tile on by `steps` positions with the console's `Advance tile
   * animation` button. Only the deterministic motion mode has steps.
   */
  async stepTileAnimation(steps = 1): Promise<void> {
    if (await this.advanceTileAnimationButton.isDisabled()) {
      throw new Error(
        'Failed to step the tile animation: tiles move in steps only in the deterministic motion mode. Keep the `motion` option at "deterministic".',
      )
    }
    for (let step = 0; step < steps; step += 1) {
      await this.advanceTileAnimationButton.click()
    }
  }

  /** Tells whether tiles move only when stepped, as in the deterministic motion mode. */
  async hasTileSteps(): Promise<boolean> {
    return this.advanceTileAnimationButton.isEnabled()
  }

  /**
   * Deletes every channel, queued notification, app, tile and setting through the page's
   * scripting interface, and waits until the reloaded page is ready again.
   */
  async reset(): Promise<void> {
    // The page resolves the call, then reloads itself.
    await Promise.all([this.page.waitForEvent('load'), callPageApi(this.page, 'reset', [])])
    await callPageApi(this.page, 'ready', [])
    await expect(this.startScreen).toBeVisible()
  }

  /**
   * Returns an app's primary tile on Start: the first tile named after the app whose name
   * contains no ", /", which starts a secondary tile's navigation URI.
   */
  private primaryTile(appName: string): Locator {
    return this.startScreen
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(appName)}(?!.*, /)(, |$)`) })
      .first()
  }

  private async readShownChannelUri(): Promise<string | null> {
    const value = await this.channelUri.inputValue()
    return value === '' ? null : value
  }
}

/** Reads the console's engine time, in epoch milliseconds. */
async function readEngineTime(engineTime: Locator): Promise<number> {
  const text = (await engineTime.textContent()) ?? ''
  const match = ENGINE_TIME_PATTERN.exec(text.trim())
  if (!match) {
    throw new Error(
      `Failed to read the engine time: "${text}" does not read YYYY-MM-DD HH:MM:SS UTC.`,
    )
  }
  return Date.parse(`${match[1]}T${match[2]}Z`)
}
