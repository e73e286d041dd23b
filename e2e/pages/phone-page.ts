import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

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
    await expect(this.channelUri).toHaveValue(/\/throttledthirdparty\/01\.00\//)
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
  async install(appName: string): Promise<void> {
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

  /** Reads the text of every line of the open app's notification log, oldest first. */
  async readLogEntries(): Promise<string[]> {
    return this.notificationLog.getByRole('paragraph').allInnerTexts()
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
