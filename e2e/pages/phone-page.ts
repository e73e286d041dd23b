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
  }

  /** Returns the Start tile whose accessible name is exactly `name`. */
  tile(name: string): Locator {
    return this.startScreen.getByRole('button', { name, exact: true })
  }

  /** Taps an app's tile on Start. */
  async openApp(tileName: string): Promise<void> {
    await this.tile(tileName).click()
  }

  /** Answers the first-launch notification prompt. */
  async answerPermission(allow: boolean): Promise<void> {
    const name = allow ? 'Allow' : "Don't allow"
    await this.permissionPrompt.getByRole('button', { name, exact: true }).click()
    await expect(this.permissionPrompt).toBeHidden()
  }

  /** Launches an app for the first time, answers the prompt and returns its channel URI. */
  async launchWithPermission(tileName: string, allow: boolean): Promise<string> {
    await this.openApp(tileName)
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
}
