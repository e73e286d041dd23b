import type { Page } from '@playwright/test'

import { toNotificationRequest } from '../src/scenario/notification-builders.ts'
import type { ScenarioStatus, SendResult, StepResult } from '../src/scenario/page-api.ts'
import { PAGE_API_GLOBAL } from '../src/scenario/page-api.ts'
import type { ScenarioOutcomeExpectation, ScenarioStep } from '../src/scenario/scenario-schema.ts'
import { test } from './fixtures.ts'
import type { KitFixtures } from './fixtures.ts'
import { expect } from './matchers.ts'
import type { MpnsClient } from './mpns-client.ts'
import { callPageApi } from './page-api-client.ts'
import { Phone } from './phone.ts'
import { readScenarioFile } from './scenario-file.ts'

/** Time the page may take to reload and set up a scenario, in milliseconds. */
const SCENARIO_LOAD_TIMEOUT_MS = 30_000

/** The body of a scenario test, which takes the kit's fixtures. */
export type ScenarioTestBody = (fixtures: Pick<KitFixtures, 'phone' | 'mpns'>) => Promise<void>

/**
 * Reads a scenario file and returns the title and body of a Playwright test that runs it, for
 * `test(...scenario(path))`. The test loads the scenario into the page, runs each timeline step
 * in its own `test.step`, and asserts every response and outcome expectation with the kit's
 * matchers. The kit sends a send step with `"via": "http"` from Node, as a backend sends it.
 * For an invalid file the test fails with the schema's messages, and for a file that cannot be
 * read with the reason and the absolute path. The title is the scenario's name, or the file
 * name when the file is unreadable or invalid. A relative path is resolved from the working
 * folder.
 *
 * The spec itself calls `test`, so that reports and file filters place the test in the spec.
 */
export function scenario(path: string | URL): [string, ScenarioTestBody] {
  const loaded = readScenarioFile(path)
  if (!loaded.ok) {
    return [loaded.title, () => Promise.reject(new Error(loaded.message))]
  }

  const { scenario: parsed, input } = loaded
  return [
    parsed.name,
    async ({ phone, mpns }) => {
      const { page } = phone
      await test.step('load the scenario', () => loadScenario(page, input))
      const defaultHandset = parsed.handsets[0]?.name ?? 'Handset 1'
      for (const [index, step] of parsed.timeline.entries()) {
        await test.step(describeStep(step, index), async () => {
          const result = await runStep(page, mpns, step)
          if (result.response !== undefined && result.expectResponse !== undefined) {
            expect(result.response).toHaveMpnsResponse(result.expectResponse)
          }
          if (result.expect !== undefined) {
            await assertOutcome(page, result.expect, defaultHandset)
          }
        })
      }
    },
  ]
}

/**
 * Loads a scenario through the page's scripting interface and waits until the page, which
 * reloads when it held state before, reports it loaded.
 */
async function loadScenario(page: Page, input: unknown): Promise<void> {
  try {
    const result = await callPageApi(page, 'loadScenario', [input])
    if (!result.ok) {
      throw new Error(`The page rejected the scenario:\n${result.errors.join('\n')}`)
    }
  } catch (error) {
    // A reload destroys the page's JavaScript context while the call is still running. The
    // status is read below, once the reloaded page has set the scenario up.
    if (!(error instanceof Error) || !/context was destroyed|navigation/i.test(error.message)) {
      throw error
    }
  }

  let status: ScenarioStatus | undefined
  await expect
    .poll(
      async () => {
        status = await readScenarioStatus(page)
        return status?.state
      },
      {
        message: 'the page never finished loading the scenario',
        timeout: SCENARIO_LOAD_TIMEOUT_MS,
      },
    )
    .toMatch(/^(loaded|failed)$/)
  if (status?.state === 'failed') {
    throw new Error(`The page failed to load the scenario:\n${status.errors.join('\n')}`)
  }
  await callPageApi(page, 'ready', [])
}

/** Reads the page's scenario status, or undefined while the page is reloading. */
async function readScenarioStatus(page: Page): Promise<ScenarioStatus | undefined> {
  try {
    return await page.evaluate((globalName) => {
      const api = (window as unknown as Record<string, { scenario?: ScenarioStatus } | undefined>)[
        globalName
      ]
      return api?.scenario
    }, PAGE_API_GLOBAL)
  } catch {
    return undefined
  }
}

/**
 * Runs one timeline step in the page. The kit sends a send step with `via: "http"` itself and
 * hands the response to the page, which checks and records it.
 */
async function runStep(page: Page, mpns: MpnsClient, step: ScenarioStep): Promise<StepResult> {
  if (!('send' in step) || step.send.via !== 'http') {
    return callPageApi(page, 'runNextStep', [])
  }
  const { send } = step
  const channelUri =
    send.channelUri ??
    (await callPageApi(page, 'readChannelUri', [
      send.app ?? '',
      ...toHandsetArgument(send.handset),
    ]))
  if (channelUri === null) {
    throw new Error(
      `Failed to send: ${send.app ?? 'the app'} has no channel URI at this step. Give it the permission "allowed", or launch it and allow notifications in an earlier step.`,
    )
  }
  const response: SendResult = await mpns.send(channelUri, toNotificationRequest(send), {
    via: 'http',
  })
  return callPageApi(page, 'runNextStep', [{ response }])
}

function toHandsetArgument(handset: string | undefined): [] | [string] {
  return handset === undefined ? [] : [handset]
}

/** Asserts a step's outcome expectation against the handset it names. */
async function assertOutcome(
  page: Page,
  outcome: ScenarioOutcomeExpectation,
  defaultHandset: string,
): Promise<void> {
  const phoneFor = (handset: string | undefined) => new Phone(page, handset ?? defaultHandset)

  if (outcome.toast !== undefined) {
    const { handset, text1, text2 } = outcome.toast
    // NOTE: a toast banner does not name its app in text, so the expectation's `app` is not
    // checked.
    await expect(phoneFor(handset)).toShowToast({
      ...(text1 === undefined ? {} : { text1 }),
      ...(text2 === undefined ? {} : { text2 }),
    })
  }
  if (outcome.noToast !== undefined) {
    const handset = outcome.noToast === true ? undefined : outcome.noToast.handset
    await expect(phoneFor(handset).toast).toHaveCount(0)
  }
  if (outcome.tile !== undefined) {
    const { handset, ...tile } = outcome.tile
    await expect(phoneFor(handset)).toHaveTile(tile)
  }
  if (outcome.page !== undefined) {
    const { handset, page: pagePath, query } = outcome.page
    await expect(phoneFor(handset)).toBeOnPage(pagePath, query)
  }
  if (outcome.lockScreen !== undefined) {
    const { handset, app, count, text } = outcome.lockScreen
    if (count !== undefined) {
      await expect(phoneFor(handset)).toHaveLockScreenCount(app, count)
    }
    if (text !== undefined) {
      await expect(phoneFor(handset)).toHaveLockScreenText(text)
    }
  }
}

/** Titles a step for the report: its own name, or what it does. */
export function describeStep(step: ScenarioStep, index: number): string {
  if (step.name !== undefined) {
    return step.name
  }
  const number = `Step ${index + 1}`
  if ('send' in step) {
    const target = step.send.app ?? step.send.channelUri
    const kind =
      step.send.toast !== undefined
        ? 'toast'
        : step.send.tile !== undefined
          ? 'tile update'
          : 'raw notification'
    return `${number}: send a ${kind} to ${target} via ${step.send.via}`
  }
  if ('advanceClock' in step) {
    return `${number}: advance the clock ${step.advanceClock.seconds} s`
  }
  if ('device' in step) {
    return `${number}: change the device state`
  }
  if ('launch' in step) {
    return `${number}: launch ${step.launch.app}`
  }
  if ('answerPrompt' in step) {
    return `${number}: ${step.answerPrompt.allow ? 'allow' : 'decline'} notifications`
  }
  if ('tapToast' in step) {
    return `${number}: tap the toast`
  }
  if ('press' in step) {
    return `${number}: press ${step.press.button}`
  }
  if ('stepTileAnimation' in step) {
    return `${number}: step the tile animation ${step.stepTileAnimation.steps} times`
  }
  return `${number}: check the handset`
}
