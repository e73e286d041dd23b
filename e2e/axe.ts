import AxeBuilder from '@axe-core/playwright'
import { expect } from '@playwright/test'
import type { Page } from '@playwright/test'

/** Impact levels that fail a scan; moderate and minor findings are left to review. */
const FAILING_IMPACTS = new Set(['serious', 'critical'])

/** Runs axe on the whole page and fails with each serious or critical violation and its targets. */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ')
      return `${violation.id} (${violation.impact}): ${violation.help} at ${targets}`
    })
  expect(serious, serious.join('\n')).toEqual([])
}
