import { checkOutcome } from '@/scenario/outcome-check'
import type { ScenarioOutcomeExpectation } from '@/scenario/scenario-schema'

import { toHandsetView } from './handset-view'
import { findHandsetTarget } from './scenario-targets'

/**
 * Maximum time in milliseconds that an outcome check waits for the handset to show what it
 * expects. Notifications reach the handset a moment after the response to their POST.
 */
export const OUTCOME_WAIT_MS = 5000
/** Pause between two reads of the handsets while an outcome check waits, in milliseconds. */
const OUTCOME_RETRY_INTERVAL_MS = 100

/**
 * Checks an outcome expectation against the handsets' state, again and again until it is met
 * or OUTCOME_WAIT_MS has passed. Resolves with the mismatches of the last check, empty when
 * the expectation was met. Throws for a handset name that matches no handset.
 */
export async function waitForOutcome(expected: ScenarioOutcomeExpectation): Promise<string[]> {
  const deadline = Date.now() + OUTCOME_WAIT_MS
  let mismatches = readMismatches(expected)
  while (mismatches.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, OUTCOME_RETRY_INTERVAL_MS))
    mismatches = readMismatches(expected)
  }
  return mismatches
}

function readMismatches(expected: ScenarioOutcomeExpectation): string[] {
  return checkOutcome(expected, (handset) =>
    toHandsetView(findHandsetTarget(handset).store.getState()),
  )
}
