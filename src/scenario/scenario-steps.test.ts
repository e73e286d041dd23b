import { describe, expect, it } from 'vitest'

import type { SendResult } from './page-api'
import { parseScenario, SCENARIO_FORMAT } from './scenario-schema'
import type { ScenarioStep } from './scenario-schema'
import { checkResponse, describeStep } from './scenario-steps'

const RECEIVED: SendResult = {
  status: 200,
  statusText: 'OK',
  headers: {
    'x-notificationstatus': 'Received',
    'x-deviceconnectionstatus': 'Connected',
    'x-subscriptionstatus': 'Active',
  },
  body: '',
}

function toStep(step: unknown): ScenarioStep {
  const parsed = parseScenario({
    format: SCENARIO_FORMAT,
    version: 1,
    name: 'Steps',
    timeline: [step],
  })
  const parsedStep = parsed.ok ? parsed.scenario.timeline[0] : undefined
  if (parsedStep === undefined) {
    throw new Error(`Invalid step: ${JSON.stringify(step)}`)
  }
  return parsedStep
}

describe('checkResponse', () => {
  it('accepts a response that matches every field', () => {
    const mismatches = checkResponse(
      { status: 200, notificationStatus: 'Received', subscriptionStatus: 'Active' },
      RECEIVED,
    )

    expect(mismatches).toEqual([])
  })

  it('names each field that differs', () => {
    const mismatches = checkResponse(
      { status: 404, notificationStatus: 'Dropped', deviceConnectionStatus: 'Connected' },
      RECEIVED,
    )

    expect(mismatches).toEqual([
      'Status: expected 404, got 200',
      'X-NotificationStatus: expected "Dropped", got "Received"',
    ])
  })

  it('reports a missing header', () => {
    const response: SendResult = { ...RECEIVED, status: 400, headers: {} }

    expect(checkResponse({ subscriptionStatus: 'Active' }, response)).toEqual([
      'X-SubscriptionStatus: expected "Active", got no header',
    ])
  })

  it('accepts any response without an expectation', () => {
    expect(checkResponse(undefined, { ...RECEIVED, status: 503 })).toEqual([])
  })
})

describe('describeStep', () => {
  it.each([
    [{ name: 'Greet Anna', tapToast: {} }, 'Greet Anna'],
    [{ send: { app: 'Contoso Chat', toast: { text1: 'Hi' } } }, 'Send a toast to Contoso Chat'],
    [
      { send: { app: 'Contoso Weather', handset: 'Phone 2', tile: { fields: { Count: '3' } } } },
      'Send a tile update to Contoso Weather on Phone 2',
    ],
    [{ advanceClock: { seconds: 900 } }, 'Advance the engine clock by 900 s'],
    [{ launch: { app: 'Contoso Chat' } }, 'Launch Contoso Chat'],
    [{ answerPrompt: { allow: false } }, 'Decline notifications in the prompt'],
    [{ press: { button: 'back' } }, 'Press back'],
    [{ stepTileAnimation: {} }, 'Step the tile animation 1 time'],
    [{ expect: { noToast: {} } }, 'Check what the handset shows'],
  ])('describes %j', (step, title) => {
    expect(describeStep(toStep(step))).toBe(title)
  })
})
