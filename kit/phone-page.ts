import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

/** Keyboard shortcuts of the hardware buttons while focus is inside the handset. */
export type HardwareKeyShortcut = 'F1' | 'F2' | 'F3' | 'F4'

/** Entries of the handset's Settings list. */
export type SettingsPageName = 'theme' | 'lock screen' | 'airplane mode' | 'battery saver'

/** Labels of the battery saver options on the `battery saver` settings page. */
export type BatterySaverChoice = 'Off' | 'When battery is low' | 'Now until next charge'

/** Apps chosen on the `lock screen` settings page. Quick-status apps fill slots 1, 2 and so on. */
export interface LockScreenChoices {
  detailedStatus?: string
  quickStatus?: readonly string[]
}

/**
 * The handset as a user sees it: Start screen, app list, apps, toasts, prompt, status bar and
 * hardware keys.
 */
export class PhonePage {
  readonly handset: Locator
  readonly startScreen: Locator
  readonly backButton: Locator
  readonly startButton: Locator
  readonly searchButton: Locator
  readonly toast: Locator
  /** The cue naming the sound the current toast played: `Default sound`, `Silent` or a file name. */
  readonly toastSound: Locator
  readonly permissionPrompt: Locator
  readonly channelUri: Locator
  readonly currentPage: Locator
  readonly notificationLog: Locator
  readonly queryString: Locator
  readonly appListButton: Locator
  readonly appList: Locator
  /** Status bar glyph shown while airplane mode is on. */
  readonly airplaneModeIcon: Locator
  readonly closeChannelButton: Locator
  readonly uninstallButton: Locator
  /** The app page's count of raw notifications handed to the running app. Its text is the number. */
  readonly rawCount: Locator
  /** The list of Start tiles, in Start order. */
  readonly startTiles: Locator
  /**
   * Start's hidden status line: empty outside customisation, and otherwise
   * `Customizing <tile name>: <size> tile, <position> of <count>. …`.
   */
  readonly customizationStatus: Locator
  /** The Power button on the handset's side. */
  readonly powerButton: Locator
  /** The black screen shown while the display is off. */
  readonly screenOff: Locator
  readonly lockScreen: Locator
  readonly unlockButton: Locator
  /** The lock screen's detailed-status text, with one paragraph per line. */
  readonly detailedStatus: Locator
  /** The lock screen's quick-status row. Each item is named `App name` or `App name, count`. */
  readonly quickStatus: Locator
  /** The tray area that reveals signal, Wi-Fi and battery for about 8 s when tapped. */
  readonly statusIndicatorsButton: Locator
  /** The app page's button that opens the app's notification settings. */
  readonly notificationSettingsButton: Locator
  readonly toastNotificationsSwitch: Locator
  readonly liveTileUpdatesSwitch: Locator
  /** The `battery saver` settings page's slider, 0 to 100 %. */
  readonly batteryLevel: Locator
  readonly batterySaverOptions: Locator
  /** The `battery saver` settings page's power level: `Normal`, `Battery saver on` or `Critically low`. */
  readonly powerLevel: Locator

  constructor(
    readonly page: Page,
    handsetName = 'Handset 1',
  ) {
    this.handset = page.getByRole('region', { name: handsetName, exact: true })
    this.startScreen = this.handset.getByRole('region', { name: 'Start screen', exact: true })
    this.backButton = this.handset.getByRole('button', { name: 'Back', exact: true })
    this.startButton = this.handset.getByRole('button', { name: 'Start', exact: true })
    this.searchButton = this.handset.getByRole('button', { name: 'Search', exact: true })
    this.toast = this.handset.getByRole('alert')
    this.toastSound = this.handset.getByRole('status', { name: 'Toast sound', exact: true })
    this.permissionPrompt = this.handset.getByRole('dialog')
    this.channelUri = this.handset.getByRole('textbox', { name: 'Channel URI', exact: true })
    this.currentPage = this.handset.getByRole('status', { name: 'Current page', exact: true })
    this.notificationLog = this.handset.getByRole('log', { name: 'Notifications', exact: true })
    this.queryString = this.handset.getByRole('list', { name: 'Query string', exact: true })
    this.appListButton = this.startScreen.getByRole('button', { name: 'App list', exact: true })
    this.appList = this.handset.getByRole('region', { name: 'App list', exact: true })
    this.airplaneModeIcon = this.handset.getByRole('img', { name: 'Airplane mode', exact: true })
    this.closeChannelButton = this.handset.getByRole('button', {
      name: 'Close channel',
      exact: true,
    })
    this.uninstallButton = this.handset.getByRole('button', { name: 'Uninstall', exact: true })
    this.rawCount = this.handset.getByRole('status', {
      name: 'Raw notifications received',
      exact: true,
    })
    this.startTiles = this.startScreen.getByRole('list', { name: 'Tiles', exact: true })
    this.customizationStatus = this.startScreen.getByRole('status', {
      name: 'Customization',
      exact: true,
    })
    this.powerButton = this.handset.getByRole('button', { name: 'Power', exact: true })
    this.screenOff = this.handset.getByRole('img', { name: 'Screen off', exact: true })
    this.lockScreen = this.handset.getByRole('region', { name: 'Lock screen', exact: true })
    this.unlockButton = this.lockScreen.getByRole('button', { name: 'Unlock', exact: true })
    this.detailedStatus = this.lockScreen.getByRole('group', {
      name: 'Detailed status',
      exact: true,
    })
    this.quickStatus = this.lockScreen.getByRole('list', { name: 'Quick status', exact: true })
    this.statusIndicatorsButton = this.handset.getByRole('button', {
      name: 'Show status indicators',
      exact: true,
    })
    this.notificationSettingsButton = this.handset.getByRole('button', {
      name: 'Notification settings',
      exact: true,
    })
    this.toastNotificationsSwitch = this.handset.getByRole('switch', {
      name: 'Toast notifications',
      exact: true,
    })
    this.liveTileUpdatesSwitch = this.handset.getByRole('switch', {
      name: 'Live Tile updates',
      exact: true,
    })
    this.batteryLevel = this.handset.getByRole('slider', { name: 'Battery level', exact: true })
    this.batterySaverOptions = this.handset.getByRole('radiogroup', {
      name: 'Battery saver',
      exact: true,
    })
    this.powerLevel = this.handset.getByRole('status', { name: 'Power level', exact: true })
  }

  /** Returns the Start tile whose accessible name is exactly `name`. */
  tile(name: string): Locator {
    return this.startScreen.getByRole('button', { name, exact: true })
  }

  /**
   * Returns an app's Start tile whatever its title and count: its accessible name is the app
   * name, alone or followed by ", ".
   */
  appTile(appName: string): Locator {
    return this.startScreen.getByRole('button', {
      name: new RegExp(`^${escapeRegExp(appName)}(, |$)`),
    })
  }

  /** Taps an app's tile on Start. */
  async openApp(appName: string): Promise<void> {
    await this.appTile(appName).click()
  }

  /** Answers the first-launch notification prompt. */
  async answerPermission(allow: boolean): Promise<void> {
    const name = allow ? 'Allow' : "Don't allow"
    await this.permissionPrompt.getByRole('button', { name, exact: true }).click()
    await expect(this.permissionPrompt).toBeHidden()
  }

  /** Launches an app for the first time, answers the prompt and returns its channel URI. */
  async launchWithPermission(appName: string, allow: boolean): Promise<string> {
    await this.openApp(appName)
    await this.answerPermission(allow)
    await expect(this.channelUri).toHaveValue(/\/(un)?throttledthirdparty\/01\.00\//)
    return this.channelUri.inputValue()
  }

  /** Presses the hardware Start key. */
  async goStart(): Promise<void> {
    await this.startButton.click()
    await expect(this.startScreen).toBeVisible()
  }

  /** Presses the hardware Back key. */
  async goBack(): Promise<void> {
    await this.backButton.click()
  }

  /** Taps the toast banner, which opens its app at the page the toast's Param names. */
  async tapToast(): Promise<void> {
    await this.toast.click()
  }

  /**
   * Returns the toast banner that contains `text`. While a dismissed banner slides out, the
   * next one may already be on screen, so two banners can briefly be in the handset.
   */
  toastWithText(text: string): Locator {
    return this.toast.filter({ hasText: text })
  }

  /** Closes the toast banner, or the one that contains `text`, with its Dismiss button. */
  async dismissToast(text?: string): Promise<void> {
    const banner = text === undefined ? this.toast : this.toastWithText(text)
    await banner.getByRole('button', { name: 'Dismiss', exact: true }).click()
    await expect(banner).toBeHidden()
  }

  /**
   * Flicks the toast banner, or the one that contains `text`, to the right with a mouse drag
   * across most of its width, and waits until it has left.
   */
  async swipeToastRight(text?: string): Promise<void> {
    const banner = text === undefined ? this.toast : this.toastWithText(text)
    // Hovering waits until the banner has finished sliding in, so its box stays put.
    await banner.hover()
    const box = await banner.boundingBox()
    if (!box) {
      throw new Error('Failed to swipe the toast: no toast banner is on screen.')
    }

    const startX = box.x + box.width / 2
    const y = box.y + box.height / 2
    await this.page.mouse.move(startX, y)
    await this.page.mouse.down()
    await this.page.mouse.move(startX + box.width * 0.6, y, { steps: 12 })
    await this.page.mouse.up()
    await expect(banner).toBeHidden()
  }

  /**
   * Closes the open app's push channel, as the app calling `HttpNotificationChannel.Close()`,
   * and waits until the app has no channel URI left.
   */
  async closeChannel(): Promise<void> {
    await this.closeChannelButton.click()
    await expect(this.channelUri).toHaveValue('')
    await expect(this.closeChannelButton).toBeDisabled()
  }

  /** Uninstalls the open app and waits until its page has closed. */
  async uninstall(): Promise<void> {
    await this.uninstallButton.click()
    await expect(this.currentPage).toBeHidden()
  }

  /** Goes to Start and opens the app list with its `App list` button. */
  async openAppList(): Promise<void> {
    await this.goStart()
    await this.appListButton.click()
    await expect(this.appList).toBeVisible()
  }

  /** Installs an uninstalled app from the app list and waits until the list offers to open it. */
  async installFromAppList(appName: string): Promise<void> {
    await this.openAppList()
    await this.appList.getByRole('button', { name: `Install ${appName}`, exact: true }).click()
    await expect(this.appList.getByRole('button', { name: appName, exact: true })).toBeVisible()
  }

  /** Reads the open app's count of raw notifications received. */
  async readRawCount(): Promise<number> {
    const text = (await this.rawCount.textContent()) ?? ''
    const count = Number(text)
    if (text.trim() === '' || !Number.isInteger(count)) {
      throw new Error(`Failed to read the raw notification count: "${text}" is not a whole number.`)
    }
    return count
  }

  /**
   * Returns the Unpin button of the held tile. A tile's name here is the app name, then its
   * title when different, without the count.
   */
  unpinButton(tileName: string): Locator {
    return this.startTiles.getByRole('button', { name: `Unpin ${tileName}`, exact: true })
  }

  /** Returns the Resize button of the held tile. */
  resizeButton(tileName: string): Locator {
    return this.startTiles.getByRole('button', { name: `Resize ${tileName}`, exact: true })
  }

  /**
   * Presses and holds a Start tile with the mouse until customisation starts, then releases.
   * `tile` is a tile locator, such as `tile(name)` or `appTile(appName)`.
   */
  async enterCustomization(tile: Locator, tileName: string): Promise<void> {
    await this.holdTile(tile, tileName)
    await this.page.mouse.up()
  }

  /** Focuses a Start tile and enters customisation with the ContextMenu key. */
  async enterCustomizationWithKeyboard(tile: Locator, tileName: string): Promise<void> {
    await tile.focus()
    await this.page.keyboard.press('ContextMenu')
    await expect(this.customizationStatus).toContainText(`Customizing ${tileName}:`)
  }

  /** Presses the hardware Back key to end customisation, and waits until it has ended. */
  async leaveCustomization(): Promise<void> {
    await this.backButton.click()
    await expect(this.customizationStatus).toHaveText('')
  }

  /** Clicks the held tile's Resize button and waits for the announced size. */
  async resizeTile(tileName: string, expectedSize: 'small' | 'medium' | 'wide'): Promise<void> {
    await this.resizeButton(tileName).click()
    await expect(this.customizationStatus).toContainText(`${tileName}: ${expectedSize} tile`)
  }

  /** Holds a tile to enter customisation, clicks its Unpin button and waits until it is gone. */
  async unpinTile(tile: Locator, tileName: string): Promise<void> {
    await this.enterCustomization(tile, tileName)
    await this.unpinButton(tileName).click()
    await expect(tile).toBeHidden()
  }

  /** Pins an installed app's tile from the app list and waits until Start shows it. */
  async pinToStart(appName: string): Promise<void> {
    await this.openAppList()
    await this.appList.getByRole('button', { name: `Pin ${appName} to Start`, exact: true }).click()
    await expect(this.appTile(appName).first()).toBeVisible()
  }

  /** Clicks one of the open app's pin buttons, such as `Pin Oslo to Start`, and waits for Start. */
  async pinSecondaryTile(label: string): Promise<void> {
    await this.handset.getByRole('button', { name: label, exact: true }).click()
    await expect(this.startScreen).toBeVisible()
  }

  /**
   * Holds a tile until customisation starts and drags it onto another tile, so it takes that
   * tile's place in the Start order. The mouse moves in steps, as a finger would.
   */
  async dragTile(tile: Locator, tileName: string, onto: Locator): Promise<void> {
    await this.holdTile(tile, tileName)
    const target = await onto.boundingBox()
    if (target === null) {
      throw new Error(`Failed to drag ${tileName}: the target tile is not on screen.`)
    }
    await this.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, {
      steps: 8,
    })
    await this.page.mouse.up()
  }

  /**
   * Taps the Tiles list near its bottom-right corner, which ends customisation. The corner lies
   * in the list's margins, below and right of every tile, however many tiles Start has.
   */
  async tapEmptyStartSpace(): Promise<void> {
    const box = await this.startTiles.boundingBox()
    if (box === null) {
      throw new Error('Failed to tap empty space on Start: the Tiles list is not on screen.')
    }
    await this.startTiles.click({ position: { x: box.width - 8, y: box.height - 8 } })
  }

  /** Reads the accessible names of the Start tiles in Start order, outside customisation. */
  async readTileNames(): Promise<string[]> {
    const tiles = await this.startTiles.getByRole('button').all()
    return Promise.all(tiles.map(async (tile) => (await tile.getAttribute('aria-label')) ?? ''))
  }

  /** Returns the open app's pin button for a secondary tile, such as `Pin Oslo to Start`. */
  secondaryTilePinButton(label: string): Locator {
    return this.handset.getByRole('button', { name: label, exact: true })
  }

  /** Presses the mouse on a tile and keeps it down until the tile is held. */
  private async holdTile(tile: Locator, tileName: string): Promise<void> {
    const center = await toCenter(tile, tileName)
    await this.page.mouse.move(center.x, center.y)
    await this.page.mouse.down()
    await expect(this.unpinButton(tileName)).toBeVisible()
  }

  /** Presses the Power button on the handset's side. */
  async pressPower(): Promise<void> {
    await this.powerButton.click()
  }

  /**
   * Presses a hardware key through its keyboard shortcut (F1 Back, F2 Start, F3 Search,
   * F4 Power), with focus inside the handset, where the shortcuts apply.
   */
  async pressShortcut(key: HardwareKeyShortcut): Promise<void> {
    const hasFocus = await this.handset.evaluate((handset) =>
      handset.contains(document.activeElement),
    )
    if (!hasFocus) {
      await this.handset.focus()
    }
    await this.page.keyboard.press(key)
  }

  /** Removes the lock screen with its Unlock button. */
  async unlock(): Promise<void> {
    await this.unlockButton.click()
    await expect(this.lockScreen).toBeHidden()
  }

  /** Removes the lock screen by dragging it up with the mouse. */
  async swipeUpToUnlock(): Promise<void> {
    const box = await this.lockScreen.boundingBox()
    if (box === null) {
      throw new Error('Failed to swipe the lock screen up: it is not on screen.')
    }
    const x = box.x + box.width / 2
    const startY = box.y + box.height * 0.6
    await this.page.mouse.move(x, startY)
    await this.page.mouse.down()
    await this.page.mouse.move(x, startY - box.height * 0.45, { steps: 12 })
    await this.page.mouse.up()
    await expect(this.lockScreen).toBeHidden()
  }

  /**
   * Returns an app's quick-status item on the lock screen, whatever its count: its accessible
   * name is the app name, alone or followed by ", " and the count.
   */
  quickStatusItem(appName: string): Locator {
    return this.quickStatus.getByRole('listitem', {
      name: new RegExp(`^${escapeRegExp(appName)}(, |$)`),
    })
  }

  /** Opens the Settings app from the app list, and one of its pages when `page` is given. */
  async openSettings(page?: SettingsPageName): Promise<void> {
    await this.openAppList()
    await this.appList.getByRole('button', { name: 'Settings', exact: true }).click()
    if (page !== undefined) {
      await this.handset.getByRole('button', { name: page, exact: true }).click()
      await expect(this.handset.getByRole('heading', { name: page, exact: true })).toBeVisible()
    }
  }

  /** Chooses the lock screen's detailed-status app and quick-status apps in Settings. */
  async chooseLockScreenApps(choices: LockScreenChoices): Promise<void> {
    await this.openSettings('lock screen')
    if (choices.detailedStatus !== undefined) {
      await this.handset
        .getByRole('combobox', { name: 'Detailed status', exact: true })
        .selectOption({ label: choices.detailedStatus })
    }
    for (const [index, appName] of (choices.quickStatus ?? []).entries()) {
      await this.handset
        .getByRole('combobox', { name: `Quick status ${index + 1}`, exact: true })
        .selectOption({ label: appName })
    }
  }

  /**
   * Sets the battery level, and the battery saver option when given, on the `battery saver`
   * settings page, and waits until the page shows the new level.
   */
  async setBattery(percent: number, saver?: BatterySaverChoice): Promise<void> {
    await this.openSettings('battery saver')
    await this.batteryLevel.fill(String(percent))
    await expect(this.batteryLevel).toHaveValue(String(percent))
    if (saver !== undefined) {
      await this.batterySaverOptions.getByRole('radio', { name: saver, exact: true }).check()
    }
  }

  /** Opens the open app's notification settings page. */
  async openNotificationSettings(): Promise<void> {
    await this.notificationSettingsButton.click()
    await expect(this.toastNotificationsSwitch).toBeVisible()
  }

  /** Turns the open app's `Toast notifications` switch on or off on its settings page. */
  async setToastNotifications(on: boolean): Promise<void> {
    await this.toastNotificationsSwitch.setChecked(on)
  }

  /** Turns the open app's `Live Tile updates` switch on or off on its settings page. */
  async setLiveTileUpdates(on: boolean): Promise<void> {
    await this.liveTileUpdatesSwitch.setChecked(on)
  }

  /** Reads the text of every line of the open app's notification log, oldest first. */
  async readLogEntries(): Promise<string[]> {
    return this.notificationLog.getByRole('paragraph').allInnerTexts()
  }
}

/** Returns where the mouse presses a tile: its center, in page pixels. */
async function toCenter(tile: Locator, tileName: string): Promise<{ x: number; y: number }> {
  const box = await tile.boundingBox()
  if (box === null) {
    throw new Error(`Failed to press ${tileName}: the tile is not on screen.`)
  }
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** Escapes text for use as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
