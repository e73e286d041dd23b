import type { SendResult } from './page-api'
import type { ScenarioResponseExpectation, ScenarioStep } from './scenario-schema'

/** Response fields a send step can expect, with the header that carries each. */
const EXPECTED_HEADERS = [
  ['notificationStatus', 'X-NotificationStatus'],
  ['deviceConnectionStatus', 'X-DeviceConnectionStatus'],
  ['subscriptionStatus', 'X-SubscriptionStatus'],
] as const

/** Returns the step's own name, or a short description of what it does. */
export function describeStep(step: ScenarioStep): string {
  if (step.name !== undefined) {
    return step.name
  }
  if ('send' in step) {
    const { send } = step
    const kind =
      send.toast !== undefined
        ? 'a toast'
        : send.tile !== undefined
          ? 'a tile update'
          : 'a raw notification'
    const target = send.app ?? send.channelUri ?? ''
    return `Send ${kind} to ${target}${onHandset(send.handset)}`
  }
  if ('advanceClock' in step) {
    return `Advance the engine clock by ${step.advanceClock.seconds} s`
  }
  if ('device' in step) {
    return `Change the device state${onHandset(step.device.handset)}`
  }
  if ('launch' in step) {
    return `Launch ${step.launch.app}${onHandset(step.launch.handset)}`
  }
  if ('answerPrompt' in step) {
    const answer = step.answerPrompt.allow ? 'Allow' : 'Decline'
    return `${answer} notifications in the prompt${onHandset(step.answerPrompt.handset)}`
  }
  if ('tapToast' in step) {
    return `Tap the toast${onHandset(step.tapToast.handset)}`
  }
  if ('press' in step) {
    return `Press ${step.press.button}${onHandset(step.press.handset)}`
  }
  if ('stepTileAnimation' in step) {
    const { steps } = step.stepTileAnimation
    return `Step the tile animation ${steps} ${steps === 1 ? 'time' : 'times'}`
  }
  return 'Check what the handset shows'
}

/**
 * Compares a response with a send step's expectation. Returns one sentence per field that
 * differs, such as `X-NotificationStatus: expected "Received", got "Dropped"`.
 */
export function checkResponse(
  expected: ScenarioResponseExpectation | undefined,
  response: SendResult,
): string[] {
  if (expected === undefined) {
    return []
  }
  const mismatches: string[] = []
  if (expected.status !== undefined && expected.status !== response.status) {
    mismatches.push(`Status: expected ${expected.status}, got ${response.status}`)
  }
  for (const [field, header] of EXPECTED_HEADERS) {
    const value = expected[field]
    const actual = response.headers[header.toLowerCase()]
    if (value !== undefined && value !== actual) {
      const got = actual === undefined ? 'no header' : `"${actual}"`
      mismatches.push(`${header}: expected "${value}", got ${got}`)
    }
  }
  return mismatches
}

function onHandset(handset: string | undefined): string {
  return handset === undefined ? '' : ` on ${handset}`
}
