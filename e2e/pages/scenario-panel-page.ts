import { expect } from '@playwright/test'
import type { Download, Locator, Page } from '@playwright/test'

/** Maximum time for a scenario load, reload of the page included. */
const LOAD_TIMEOUT_MS = 20_000

/** The console's Scenario region: load and export scenario files, and play a timeline. */
export class ScenarioPanelPage {
  readonly region: Locator
  /** The file input behind the `Load scenario` button. */
  readonly loadInput: Locator
  readonly exportButton: Locator
  readonly runNextButton: Locator
  readonly runAllButton: Locator
  readonly restartButton: Locator
  readonly status: Locator
  /** Errors of the last load or step, absent while there are none. */
  readonly errors: Locator
  /** The loaded scenario's steps, each with its outcome once run. */
  readonly timeline: Locator

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Scenario', exact: true })
    this.loadInput = this.region.getByLabel('Load scenario', { exact: true })
    this.exportButton = this.region.getByRole('button', { name: 'Export scenario', exact: true })
    this.runNextButton = this.region.getByRole('button', { name: 'Run next step', exact: true })
    this.runAllButton = this.region.getByRole('button', { name: 'Run all', exact: true })
    this.restartButton = this.region.getByRole('button', { name: 'Restart scenario', exact: true })
    this.status = this.region.getByRole('status', { name: 'Scenario status', exact: true })
    this.errors = this.region.getByRole('list', { name: 'Scenario errors', exact: true })
    this.timeline = this.region.getByRole('list', { name: 'Timeline', exact: true })
  }

  /** Returns the outcome mismatches listed under the timeline step at `index`. */
  outcomeMismatches(index: number): Locator {
    return this.timeline
      .getByRole('listitem')
      .nth(index)
      .getByRole('list', { name: 'Outcome mismatches', exact: true })
  }

  /** Chooses a scenario file, given by its JSON text, in the `Load scenario` file input. */
  async load(fileName: string, text: string): Promise<void> {
    await this.loadInput.setInputFiles({
      name: fileName,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    })
  }

  /** Clicks `Export scenario` and returns the downloaded file. */
  async export(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.exportButton.click(),
    ])
    return download
  }

  /**
   * Waits until the status line shows the scenario as loaded, with `run` of its steps run. A load
   * that reloads the page takes longer than the default assertion timeout on a busy machine.
   */
  async expectLoaded(name: string, run = 0): Promise<void> {
    await expect(this.status).toHaveText(new RegExp(`^"${name}": ${run} of \\d+ steps run\\.$`), {
      timeout: LOAD_TIMEOUT_MS,
    })
  }
}
