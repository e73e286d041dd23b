import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

/** The handset as a user sees it: Start screen, apps, toasts, prompt and hardware keys. */
export class PhonePage {
  readonly handset: Locator
  readonly startScreen: Locator
  readonly backButton: Locator
  readonly startButton: Locator
  readonly searchButton: Locator
  readonly toast: Locator
  readonly permissionPrompt: Locator
  readonly channelUri: Locator
  readonly currentPage: Locator
  readonly notificationLog: Locator
  readonly queryString: Locator

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
    this.permissionPrompt = this.handset.getByRole('dialog')
    this.channelUri = this.handset.getByRole('textbox', { name: 'Channel URI', exact: true })
    this.currentPage = this.handset.getByRole('status', { name: 'Current page', exact: true })
    this.notificationLog = this.handset.getByRole('log', { name: 'Notifications', exact: true })
    this.queryString = this.handset.getByRole('list', { name: 'Query string', exact: true })
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

  /** Closes the toast banner with its Dismiss button. */
  async dismissToast(): Promise<void> {
    await this.toast.getByRole('button', { name: 'Dismiss', exact: true }).click()
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
