import { toNotificationRequest } from '@/scenario/notification-builders'
import type { NotificationRequest } from '@/scenario/notification-builders'
import type { RunStepOptions, SendResult, StepResult } from '@/scenario/page-api'
import type { ScenarioSendStep, ScenarioStep } from '@/scenario/scenario-schema'
import { checkResponse, describeStep } from '@/scenario/scenario-steps'

import { applyDeviceStateChange } from './device-state-change'
import { toInPageChannelFetch } from './endpoint-info'
import { motionSettings } from './motion-settings'
import { selectPromptingAppId, selectShownToast } from './device-store'
import type { DeviceStoreApi } from './device-store'
import type { ShownToast } from './slices/device-model'
import { selectIsScreenInteractive } from './slices/power-slice'
import { waitForOutcome } from './scenario-outcome'
import { findHandsetTarget, requireInstalledAppId } from './scenario-targets'
import { updateEngineClock } from './worker-sync'

/** Maximum time in milliseconds that a toast tap waits for the toast to arrive. */
const TOAST_WAIT_MS = 5000

/**
 * Runs one timeline step against the page. Throws an Error with a plain sentence when the step
 * cannot act, such as a tap on a toast when none is shown. The step then counts as not run.
 */
export async function runScenarioStep(
  step: ScenarioStep,
  index: number,
  options: RunStepOptions = {},
): Promise<StepResult> {
  const result: StepResult = {
    index,
    title: describeStep(step),
    responseMismatches: [],
    outcomeMismatches: [],
  }

  if ('send' in step) {
    const response = options.response ?? (await sendStep(step))
    return {
      ...result,
      response,
      responseMismatches: checkResponse(step.expect, response),
      ...(step.expect === undefined ? {} : { expectResponse: step.expect }),
    }
  }
  if ('expect' in step) {
    // The page checks the handsets' state, and the QA kit also asserts the same expectation
    // against what is drawn.
    return { ...result, outcomeMismatches: await waitForOutcome(step.expect), expect: step.expect }
  }
  if ('advanceClock' in step) {
    await updateEngineClock({ advanceMs: step.advanceClock.seconds * 1000 })
  } else if ('device' in step) {
    const { handset, ...change } = step.device
    const problem = applyDeviceStateChange(findHandsetTarget(handset).store, change)
    if (problem !== undefined) {
      throw new Error(problem)
    }
  } else if ('stepTileAnimation' in step) {
    stepTileAnimation(step.stepTileAnimation.steps)
  } else {
    await runHandsetAction(step)
  }
  return result
}

/** Moves every flip and cycle tile on by `steps` in the deterministic motion mode. */
export function stepTileAnimation(steps: number): void {
  for (let count = 0; count < steps; count += 1) {
    motionSettings.getState().advanceTileAnimation()
  }
}

/** Runs a step that acts as the user on one handset: launch, prompt answer, toast tap or button. */
async function runHandsetAction(
  step: Extract<
    ScenarioStep,
    { launch: unknown } | { answerPrompt: unknown } | { tapToast: unknown } | { press: unknown }
  >,
): Promise<void> {
  if ('launch' in step) {
    const target = findHandsetTarget(step.launch.handset)
    target.store.getState().launchApp(requireInstalledAppId(target, step.launch.app))
    return
  }
  if ('answerPrompt' in step) {
    const target = findHandsetTarget(step.answerPrompt.handset)
    const appId = selectPromptingAppId(target.store.getState())
    if (appId === null) {
      throw new Error(
        `No app on ${target.name} is waiting for an answer to its notification prompt. Launch the app for the first time before this step.`,
      )
    }
    target.store.getState().answerPermission(appId, step.answerPrompt.allow)
    return
  }
  if ('tapToast' in step) {
    const target = findHandsetTarget(step.tapToast.handset)
    const toast = await waitForToast(target.store)
    if (toast === undefined) {
      throw new Error(
        `No toast was shown on ${target.name} within ${TOAST_WAIT_MS / 1000} seconds. Send a toast before this step.`,
      )
    }
    target.store.getState().tapToast(toast.id)
    return
  }
  const target = findHandsetTarget(step.press.handset)
  const state = target.store.getState()
  if (step.press.button === 'power') {
    state.pressPower()
  } else if (!selectIsScreenInteractive(state)) {
    // The phone ignores Back and Start while the screen is dark or locked.
    return
  } else if (step.press.button === 'back') {
    state.goBack()
  } else {
    state.goStart()
  }
}

/**
 * Resolves with the toast on screen, waiting for one to arrive for up to TOAST_WAIT_MS, because
 * a toast sent by the step before reaches the handset a moment after its response.
 */
function waitForToast(store: DeviceStoreApi): Promise<ShownToast | undefined> {
  const shown = selectShownToast(store.getState())
  if (shown !== undefined) {
    return Promise.resolve(shown)
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe()
      resolve(undefined)
    }, TOAST_WAIT_MS)
    const unsubscribe = store.subscribe((state) => {
      const toast = selectShownToast(state)
      if (toast !== undefined) {
        clearTimeout(timer)
        unsubscribe()
        resolve(toast)
      }
    })
  })
}

async function sendStep(step: ScenarioSendStep): Promise<SendResult> {
  const { send } = step
  let channelUri = send.channelUri
  if (channelUri === undefined) {
    const target = findHandsetTarget(send.handset)
    const appId = requireInstalledAppId(target, send.app ?? '')
    channelUri = target.store.getState().apps[appId]?.channelUri
    if (channelUri === undefined) {
      throw new Error(
        `"${send.app ?? ''}" has no channel URI on ${target.name}. Launch the app, or give it "channel": true in the scenario, before sending.`,
      )
    }
  }
  // NOTE: a step with `via: "http"` run without the caller's response is sent from the page
  // like any other, so the player can run it on its own.
  return postNotification(channelUri, toNotificationRequest(send))
}

/** POSTs a notification through the page's origin, so the service worker handles it as any sender's POST. */
async function postNotification(
  channelUri: string,
  request: NotificationRequest,
): Promise<SendResult> {
  const inPage = toInPageChannelFetch(channelUri, window.location.origin)
  const body =
    typeof request.body === 'string' ? new TextEncoder().encode(request.body) : request.body
  let response: Response
  try {
    response = await fetch(inPage.url, {
      method: 'POST',
      headers: [...request.headers, ...inPage.headers],
      // Bytes, not a string: fetch adds `text/plain` to a string body, which MPNS senders never send.
      body: new Uint8Array(body),
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`Failed to POST to ${channelUri}: ${reason}`)
  }
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value
  })
  return {
    status: response.status,
    statusText: response.statusText,
    headers,
    body: await response.text(),
  }
}
