import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

/** Battery levels in the console's `Battery` picker. */
export type BatteryLevel = 'Normal' | 'Battery saver' | 'Critical'

/** Clock speeds in the console's `Clock speed` picker. */
export type ClockSpeed = '1×' | '10×' | '100×' | '1000×'

/** Views of the payload: the XML editor alone, or the payload fields above it. */
export type PayloadView = 'XML' | 'Form'

/** Encodings of a raw payload in the console's `Raw body encoding` group. */
export type RawEncodingLabel = 'Text' | 'Base64'

/** Engine settings the console edits as numbers. Each applies on Enter or blur. */
export type NumericSettingName = 'Daily quota' | 'Queue depth' | 'Minutes to Inactive'

/** Engine settings the console switches on and off. */
export type SwitchSettingName = 'Service down' | 'Strict mode'

/** Engine settings the console picks from a list, with their option labels. */
export interface ChoiceSettingOptions {
  'Body size limits':
    'Windows Phone 8: 3,072 bytes, raw 1,024' | 'Windows Phone 7: 1,024 bytes for every type'
  'Missing X-NotificationClass': '900-second class' | 'Immediate'
  'Unknown channel token': '404 Not Found' | '200 Received (probe-resistant)'
}

export interface ConsoleSendOptions {
  channel: string
  type: 'toast' | 'tile' | 'raw'
  payload?: string
  notificationClass?: string
  messageId?: string
}

/** Labels of the console's `Copy as …` buttons and `Snippet language` options. */
export type SnippetLabel = 'curl' | 'Node fetch' | 'Node mpns' | 'Python' | 'PowerShell' | 'C#'

/** Format of the console's `Engine time` status: `2025-06-01 12:00:00 UTC`. */
const ENGINE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC$/

const MS_PER_MINUTE = 60_000

/**
 * The developer console beside the handset: the send form and its exchange, and the regions
 * for the device state, the engine clock, the engine settings and the service certificates.
 */
export class DevConsolePage {
  readonly channel: Locator
  readonly notificationType: Locator
  readonly notificationClass: Locator
  readonly messageId: Locator
  readonly payload: Locator
  /** The row of starter buttons above the payload. */
  readonly starters: Locator
  readonly payloadView: Locator
  /** The payload's elements as form fields, shown in the Form view. */
  readonly payloadFields: Locator
  readonly rawEncoding: Locator
  /** UTF-8 size of the payload against the body limit, as `123 of 3,072 bytes`. */
  readonly payloadSize: Locator
  /** Diagnostics of the payload, each item as `3:17 Error: message`, absent while there are none. */
  readonly payloadProblems: Locator
  /** The code editor's completion list, absent while it is closed. */
  readonly payloadCompletions: Locator
  readonly sendButton: Locator
  readonly response: Locator
  readonly request: Locator
  /** The console's explanation of the last response, shown below the Response region. */
  readonly explanation: Locator
  readonly renewChannelButton: Locator
  /** Every header the form will send, each with its meaning. */
  readonly headers: Locator
  readonly sendCount: Locator
  readonly delaySeconds: Locator
  /** `Sending in N s` during the countdown, then `Sending N of M`. */
  readonly sendProgress: Locator
  readonly cancelSendingButton: Locator
  /** The steps of the last request, from the service's response to the handset. */
  readonly deliveryTimeline: Locator
  readonly deviceState: Locator
  readonly airplaneMode: Locator
  readonly battery: Locator
  readonly engineClock: Locator
  /** Engine time as `YYYY-MM-DD HH:MM:SS UTC`, refreshed twice a second. */
  readonly engineTime: Locator
  readonly clockSpeed: Locator
  readonly advanceMinutes: Locator
  readonly advanceClockButton: Locator
  readonly engineSettings: Locator
  /** The console's developer portal: client certificates for authenticated channels. */
  readonly serviceCertificates: Locator
  readonly serviceNameField: Locator
  readonly createCertificateButton: Locator
  readonly certificateTable: Locator
  readonly caCertificateLink: Locator
  /** The `Copy as` region: snippet buttons, their status and the `Show snippet` disclosure. */
  readonly copyAs: Locator
  readonly copyAsStatus: Locator
  readonly showSnippetButton: Locator
  readonly snippetLanguage: Locator
  /** The payload as the selected channel's handset would draw it, updated while typing. */
  readonly preview: Locator
  /** Tile frames after the update merged, each a figure named like `Medium, back`. */
  readonly previewAfter: Locator
  /** Tile frames as the handset shows them now. */
  readonly previewBefore: Locator
  /** The tile elements the update changes, one `Count: 3 -> 5` item each. */
  readonly previewChanges: Locator
  /** The whole console, which takes dropped .xml payloads and saved requests. */
  readonly consoleSection: Locator
  readonly history: Locator
  readonly historySearch: Locator
  /** Sent requests in the History region, newest first. */
  readonly historyEntries: Locator
  /** Outcome of the last history action or dropped file. */
  readonly historyStatus: Locator
  readonly exportJsonButton: Locator
  readonly exportHarButton: Locator
  readonly importInput: Locator
  readonly loadPayloadFileInput: Locator
  readonly clearHistoryButton: Locator

  constructor(readonly page: Page) {
    this.channel = page.getByRole('combobox', { name: 'Channel', exact: true })
    this.notificationType = page.getByRole('combobox', { name: 'Notification type', exact: true })
    this.notificationClass = page.getByRole('combobox', {
      name: 'Notification class',
      exact: true,
    })
    this.messageId = page.getByRole('textbox', { name: 'Message ID', exact: true })
    this.payload = page.getByRole('textbox', { name: 'Payload', exact: true })
    this.starters = page.getByRole('group', { name: 'Starters', exact: true })
    this.payloadView = page.getByRole('radiogroup', { name: 'Payload view', exact: true })
    this.payloadFields = page.getByRole('group', { name: 'Payload fields', exact: true })
    this.rawEncoding = page.getByRole('radiogroup', { name: 'Raw body encoding', exact: true })
    this.payloadSize = page.getByRole('status', { name: 'Payload size', exact: true })
    this.payloadProblems = page.getByRole('list', { name: 'Payload problems', exact: true })
    this.payloadCompletions = page.getByRole('listbox', { name: 'Completions', exact: true })
    this.sendButton = page.getByRole('button', { name: 'Send', exact: true })
    this.response = page.getByRole('region', { name: 'Response', exact: true })
    this.request = page.getByRole('region', { name: 'Request', exact: true })
    this.explanation = page.getByRole('region', { name: 'What happened', exact: true })
    this.renewChannelButton = page.getByRole('button', { name: 'Renew channel URI', exact: true })
    this.headers = page.getByRole('region', { name: 'Headers', exact: true })
    this.sendCount = page.getByRole('spinbutton', { name: 'Send count', exact: true })
    this.delaySeconds = page.getByRole('spinbutton', { name: 'Delay in seconds', exact: true })
    this.sendProgress = page.getByRole('status', { name: 'Send progress', exact: true })
    this.cancelSendingButton = page.getByRole('button', { name: 'Cancel', exact: true })
    this.deliveryTimeline = page.getByRole('list', { name: 'Delivery timeline', exact: true })
    this.deviceState = page.getByRole('region', { name: 'Device state', exact: true })
    this.airplaneMode = this.deviceState.getByRole('checkbox', {
      name: 'Airplane mode',
      exact: true,
    })
    this.battery = this.deviceState.getByRole('combobox', { name: 'Battery', exact: true })
    this.engineClock = page.getByRole('region', { name: 'Engine clock', exact: true })
    this.engineTime = this.engineClock.getByRole('status', { name: 'Engine time', exact: true })
    this.clockSpeed = this.engineClock.getByRole('combobox', { name: 'Clock speed', exact: true })
    this.advanceMinutes = this.engineClock.getByRole('spinbutton', {
      name: 'Advance by minutes',
      exact: true,
    })
    this.advanceClockButton = this.engineClock.getByRole('button', {
      name: 'Advance clock',
      exact: true,
    })
    this.engineSettings = page.getByRole('region', { name: 'Engine settings', exact: true })
    this.serviceCertificates = page.getByRole('region', {
      name: 'Service certificates',
      exact: true,
    })
    this.serviceNameField = this.serviceCertificates.getByRole('textbox', {
      name: 'Service name',
      exact: true,
    })
    this.createCertificateButton = this.serviceCertificates.getByRole('button', {
      name: 'Create certificate',
      exact: true,
    })
    this.certificateTable = this.serviceCertificates.getByRole('table', {
      name: 'Uploaded certificates',
      exact: true,
    })
    this.caCertificateLink = this.serviceCertificates.getByRole('link', {
      name: 'Download CA certificate',
      exact: true,
    })
    this.copyAs = page.getByRole('region', { name: 'Copy as', exact: true })
    this.copyAsStatus = this.copyAs.getByRole('status')
    this.showSnippetButton = this.copyAs.getByRole('button', { name: 'Show snippet', exact: true })
    this.snippetLanguage = this.copyAs.getByRole('combobox', {
      name: 'Snippet language',
      exact: true,
    })
    this.preview = page.getByRole('region', { name: 'Preview', exact: true })
    this.previewAfter = this.preview.getByRole('region', { name: 'After', exact: true })
    this.previewBefore = this.preview.getByRole('region', { name: 'Before', exact: true })
    this.previewChanges = this.preview.getByRole('region', { name: 'Changes', exact: true })
    this.consoleSection = page.getByRole('region', { name: 'Developer console', exact: true })
    this.history = page.getByRole('region', { name: 'History', exact: true })
    this.historySearch = this.history.getByRole('searchbox', {
      name: 'Search history',
      exact: true,
    })
    this.historyEntries = this.history
      .getByRole('list', { name: 'Sent requests', exact: true })
      .getByRole('listitem')
    this.historyStatus = this.history.getByRole('status')
    this.exportJsonButton = this.history.getByRole('button', { name: 'Export JSON', exact: true })
    this.exportHarButton = this.history.getByRole('button', { name: 'Export HAR', exact: true })
    this.importInput = this.history.getByLabel('Import', { exact: true })
    this.loadPayloadFileInput = this.history.getByLabel('Load payload file', { exact: true })
    this.clearHistoryButton = this.history.getByRole('button', {
      name: 'Clear history',
      exact: true,
    })
  }

  /**
   * Puts the caret right after the first occurrence of `marker` in the payload and types
   * `text` there key by key, as a developer edits one value. The marker must be plain text
   * such as an element's value, because an editor may split markup across several nodes.
   */
  async typeInPayloadAfter(marker: string, text: string): Promise<void> {
    await this.payload.focus()
    const found = await this.payload.evaluate((editor, expected) => {
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const index = node.textContent?.indexOf(expected) ?? -1
        if (index >= 0) {
          window.getSelection()?.setPosition(node, index + expected.length)
          return true
        }
      }
      return false
    }, marker)
    if (!found) {
      throw new Error(`Failed to place the caret: the payload contains no "${marker}".`)
    }
    await this.page.keyboard.type(text)
  }

  /** Returns the history entry that contains `text`. */
  historyEntry(text: string): Locator {
    return this.historyEntries.filter({ hasText: text })
  }

  /** Presses Replay on the history entry that contains `text`. */
  async replay(text: string): Promise<void> {
    await this.historyEntry(text).getByRole('button', { name: 'Replay', exact: true }).click()
  }

  /** Clears the history with the two clicks the console requires. */
  async clearHistory(): Promise<void> {
    await this.clearHistoryButton.click()
    await this.history
      .getByRole('button', { name: 'Confirm clearing history', exact: true })
      .click()
  }

  /**
   * Drags a file over the console and drops it, as a file manager would: dragenter, dragover
   * and drop events carrying a DataTransfer with the file. `beforeDrop` runs while the file is
   * over the console.
   */
  async dropFile(
    file: { name: string; mimeType: string; text: string },
    beforeDrop: () => Promise<void> = () => Promise.resolve(),
  ): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle((dropped) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([dropped.text], dropped.name, { type: dropped.mimeType }))
      return transfer
    }, file)
    await this.consoleSection.dispatchEvent('dragenter', { dataTransfer })
    await this.consoleSection.dispatchEvent('dragover', { dataTransfer })
    await beforeDrop()
    await this.consoleSection.dispatchEvent('drop', { dataTransfer })
    await dataTransfer.dispose()
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

  /** Loads a starter's type, class and payload into the form. */
  async loadStarter(name: string): Promise<void> {
    await this.starters.getByRole('button', { name, exact: true }).click()
  }

  /** Shows the payload as XML alone, or with its form fields. */
  async showPayloadView(view: PayloadView): Promise<void> {
    await this.payloadView.getByRole('radio', { name: view, exact: true }).check()
  }

  /** Returns the form field of a payload element, such as `Title` or `Text1`. */
  payloadField(name: string): Locator {
    return this.payloadFields.getByRole('textbox', { name, exact: true })
  }

  /** Returns the option of the `Raw body encoding` group. */
  rawEncodingOption(label: RawEncodingLabel): Locator {
    return this.rawEncoding.getByRole('radio', { name: label, exact: true })
  }

  /** Returns the delivery timeline's step with a label such as `Queued` or `Shown`. */
  timelineStep(label: string): Locator {
    return this.deliveryTimeline
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${label}\\b`) })
  }

  /** Waits for a response whose status line starts with the given status. */
  async expectStatus(status: number): Promise<void> {
    await expect(this.response).toHaveText(new RegExp(`^HTTP/1\\.1 ${status} `))
  }

  /** Copies the request the console would send now as a snippet and waits for the confirmation. */
  async copySnippet(label: SnippetLabel): Promise<void> {
    await this.copyAs.getByRole('button', { name: `Copy as ${label}`, exact: true }).click()
    await expect(this.copyAsStatus).toHaveText(`Copied the ${label} snippet.`)
  }

  /** Opens `Show snippet`, picks the language and reads the snippet's text. */
  async readSnippet(label: SnippetLabel): Promise<string> {
    if ((await this.showSnippetButton.getAttribute('aria-expanded')) !== 'true') {
      await this.showSnippetButton.click()
    }
    await this.snippetLanguage.selectOption({ label })
    const snippet = this.copyAs.getByRole('figure', { name: `${label} snippet`, exact: true })
    await expect(snippet).not.toContainText('Loading the snippet')
    return (await snippet.locator('pre').textContent()) ?? ''
  }

  /** Issues a new channel URI for a channel, which expires the old one. */
  async renewChannelUri(channel: string): Promise<void> {
    await this.channel.selectOption({ label: channel })
    await this.renewChannelButton.click()
  }

  /** Turns the handset's airplane mode on or off in the `Device state` region. */
  async setAirplaneMode(on: boolean): Promise<void> {
    await this.airplaneMode.setChecked(on)
  }

  /** Picks the handset's battery level in the `Device state` region. */
  async setBattery(level: BatteryLevel): Promise<void> {
    await this.battery.selectOption({ label: level })
    await expectSelected(this.battery, level)
  }

  /** Picks the engine clock's speed and waits until the service has stored it. */
  async setClockSpeed(speed: ClockSpeed): Promise<void> {
    await this.clockSpeed.selectOption({ label: speed })
    await expectSelected(this.clockSpeed, speed)
  }

  /**
   * Advances the engine clock by whole minutes and waits until the console's engine time has
   * moved forward by at least that much. At speeds above 1× time passes that fast anyway, so
   * the wait proves the jump only at 1×.
   */
  async advanceClock(minutes: number): Promise<void> {
    const before = await this.readEngineTime()
    await this.advanceMinutes.fill(String(minutes))
    await this.advanceClockButton.click()
    await expect(this.advanceMinutes).not.toHaveAttribute('aria-invalid', 'true')
    await expect
      .poll(() => this.readEngineTime(), {
        message: `the engine time never moved ${minutes} minutes forward`,
      })
      .toBeGreaterThanOrEqual(before + minutes * MS_PER_MINUTE)
  }

  /** Reads the console's engine time, in epoch milliseconds. */
  async readEngineTime(): Promise<number> {
    const text = (await this.engineTime.textContent()) ?? ''
    const match = ENGINE_TIME_PATTERN.exec(text.trim())
    if (!match) {
      throw new Error(
        `Failed to read the engine time: "${text}" does not read YYYY-MM-DD HH:MM:SS UTC.`,
      )
    }
    return Date.parse(`${match[1]}T${match[2]}Z`)
  }

  /** Returns an engine setting's number field. */
  numericSetting(name: NumericSettingName): Locator {
    return this.engineSettings.getByRole('spinbutton', { name, exact: true })
  }

  /** Returns an engine setting's checkbox. */
  switchSetting(name: SwitchSettingName): Locator {
    return this.engineSettings.getByRole('checkbox', { name, exact: true })
  }

  /** Returns an engine setting's picker. */
  choiceSetting(name: keyof ChoiceSettingOptions): Locator {
    return this.engineSettings.getByRole('combobox', { name, exact: true })
  }

  /**
   * Types a number into an engine setting and presses Enter, which applies it. The console
   * shows no confirmation, so read the stored settings to know when the service has it.
   */
  async setNumericSetting(name: NumericSettingName, value: number): Promise<void> {
    const field = this.numericSetting(name)
    await field.fill(String(value))
    await field.press('Enter')
    await expect(field).not.toHaveAttribute('aria-invalid', 'true')
  }

  /**
   * Turns an engine setting on or off and waits until the service has stored it: the region is
   * busy until the service has replied.
   */
  async switchSettingTo(name: SwitchSettingName, on: boolean): Promise<void> {
    const checkbox = this.switchSetting(name)
    await checkbox.setChecked(on)
    await expect(this.engineSettings).not.toHaveAttribute('aria-busy', 'true')
    await expect(checkbox).toBeChecked({ checked: on })
  }

  /** Picks an engine setting's option and waits until the service has stored it. */
  async chooseSetting<Name extends keyof ChoiceSettingOptions>(
    name: Name,
    option: ChoiceSettingOptions[Name],
  ): Promise<void> {
    const picker = this.choiceSetting(name)
    await picker.selectOption({ label: option })
    await expectSelected(picker, option)
  }

  /** Returns the certificate table's row for a service name. */
  certificateRow(serviceName: string): Locator {
    return this.certificateTable.getByRole('row').filter({
      has: this.page.getByRole('rowheader', { name: serviceName, exact: true }),
    })
  }

  /** Types a service name into the Service certificates region and presses Create certificate. */
  async createCertificate(serviceName: string): Promise<void> {
    await this.serviceNameField.fill(serviceName)
    await this.createCertificateButton.click()
  }

  /** Deletes a service's certificate with the two clicks the console requires. */
  async deleteCertificate(serviceName: string): Promise<void> {
    await this.serviceCertificates
      .getByRole('button', { name: `Delete ${serviceName} certificate`, exact: true })
      .click()
    await this.serviceCertificates
      .getByRole('button', { name: `Confirm deleting ${serviceName} certificate`, exact: true })
      .click()
  }
}

/**
 * Waits until a picker shows `label` as selected. A picker of stored state keeps showing the
 * old option until the stored value changes.
 */
async function expectSelected(picker: Locator, label: string): Promise<void> {
  await expect(
    picker.getByRole('option', { name: label, exact: true, selected: true }),
  ).toHaveCount(1)
}
