import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export interface ConsoleSendOptions {
  channel: string
  type: 'toast' | 'tile' | 'raw'
  payload?: string
  notificationClass?: string
  messageId?: string
}

/** The developer console beside the handset. */
export class DevConsolePage {
  readonly channel: Locator
  readonly notificationType: Locator
  readonly notificationClass: Locator
  readonly messageId: Locator
  readonly payload: Locator
  readonly sendButton: Locator
  readonly response: Locator
  readonly request: Locator
  /** The console's explanation of the last response, shown below the Response region. */
  readonly explanation: Locator

  constructor(readonly page: Page) {
    this.channel = page.getByRole('combobox', { name: 'Channel', exact: true })
    this.notificationType = page.getByRole('combobox', { name: 'Notification type', exact: true })
    this.notificationClass = page.getByRole('combobox', {
      name: 'Notification class',
      exact: true,
    })
    this.messageId = page.getByRole('textbox', { name: 'Message ID', exact: true })
    this.payload = page.getByRole('textbox', { name: 'Payload', exact: true })
    this.sendButton = page.getByRole('button', { name: 'Send', exact: true })
    this.response = page.getByRole('region', { name: 'Response', exact: true })
    this.request = page.getByRole('region', { name: 'Request', exact: true })
    this.explanation = page.getByRole('region', { name: 'What happened', exact: true })
  }

  /** Fills in the console's form without sending it. */
  async compose(options: ConsoleSendOptions): Promise<void> {
    await this.channel.selectOption({ label: options.channel })
    await this.notificationType.selectOption(options.type)
    if (options.notificationClass !== undefined) {
      await this.notificationClass.selectOption(options.notificationClass)
    }
    if (options.messageId !== undefined) {
      await this.messageId.fill(options.messageId)
    }
    if (options.payload !== undefined) {
      await this.payload.fill(options.payload)
    }
  }

  /** Composes a notification in the console and presses Send. */
  async send(options: ConsoleSendOptions): Promise<void> {
    await this.compose(options)
    await this.sendButton.click()
  }

  /** Composes a notification in the console and sends it with Ctrl+Enter from the payload. */
  async sendWithKeyboard(options: ConsoleSendOptions): Promise<void> {
    await this.compose(options)
    await this.payload.press('Control+Enter')
  }

  /** Waits for a response whose status line starts with the given status. */
  async expectStatus(status: number): Promise<void> {
    await expect(this.response).toHaveText(new RegExp(`^HTTP/1\\.1 ${status} `))
  }
}
