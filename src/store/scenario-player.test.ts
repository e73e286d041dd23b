import { describe, expect, it } from 'vitest'

import type { SendResult } from '@/scenario/page-api'
import { SCENARIO_FORMAT, parseScenario } from '@/scenario/scenario-schema'
import type { ScenarioStep } from '@/scenario/scenario-schema'

import { motionSettings } from './motion-settings'
import { runScenarioStep } from './scenario-player'

const DROPPED: SendResult = {
  status: 200,
  statusText: 'OK',
  headers: { 'x-notificationstatus': 'Dropped', 'x-subscriptionstatus': 'Active' },
  body: '',
}

function toStep(step: unknown): ScenarioStep {
  const parsed = parseScenario({
    format: SCENARIO_FORMAT,
    version: 1,
    name: 'Player',
    timeline: [step],
  })
  const parsedStep = parsed.ok ? parsed.scenario.timeline[0] : undefined
  if (parsedStep === undefined) {
    throw new Error(`Invalid step: ${JSON.stringify(step)}`)
  }
  return parsedStep
}

describe('runScenarioStep', () => {
  it('checks the response a caller sent itself', async () => {
    const step = toStep({
      send: { app: 'Contoso Chat', via: 'http', toast: { text1: 'Hi' } },
      expect: { notificationStatus: 'Received', subscriptionStatus: 'Active' },
    })

    const result = await runScenarioStep(step, 3, { response: DROPPED })

    expect(result).toEqual({
      index: 3,
      title: 'Send a toast to Contoso Chat',
      response: DROPPED,
      responseMismatches: ['X-NotificationStatus: expected "Received", got "Dropped"'],
      expectResponse: { notificationStatus: 'Received', subscriptionStatus: 'Active' },
    })
  })

  it('returns an outcome expectation unchecked', async () => {
    const step = toStep({ name: 'Toast shows', expect: { toast: { text1: 'Hi' } } })

    const result = await runScenarioStep(step, 1)

    expect(result).toEqual({
      index: 1,
      title: 'Toast shows',
      responseMismatches: [],
      expect: { toast: { text1: 'Hi' } },
    })
  })

  it('steps the tile animation', async () => {
    const before = motionSettings.getState().tick

    await runScenarioStep(toStep({ stepTileAnimation: { steps: 3 } }), 0)

    expect(motionSettings.getState().tick).toBe(before + 3)
  })
})
