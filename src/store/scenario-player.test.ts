import { afterEach, describe, expect, it, vi } from 'vitest'
import type { StateStorage } from 'zustand/middleware'

import type { SendResult } from '@/scenario/page-api'
import { SCENARIO_FORMAT, parseScenario } from '@/scenario/scenario-schema'
import type { ScenarioStep } from '@/scenario/scenario-schema'
import { HANDSET_1 } from '@/test/handset-builders'

import { createDeviceStore } from './device-store'
import { motionSettings } from './motion-settings'
import { OUTCOME_WAIT_MS } from './scenario-outcome'
import { runScenarioStep } from './scenario-player'

const store = createDeviceStore({ ...HANDSET_1, storage: createMemoryStorage() })

vi.mock('./scenario-targets', () => ({
  findHandsetTarget: () => ({ handsetId: HANDSET_1.handsetId, name: HANDSET_1.handsetName, store }),
  requireInstalledAppId: () => 'contoso-chat',
}))

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
  afterEach(() => {
    vi.useRealTimers()
  })

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
      outcomeMismatches: [],
      expectResponse: { notificationStatus: 'Received', subscriptionStatus: 'Active' },
    })
  })

  it('reports a toast that never shows', async () => {
    vi.useFakeTimers()
    store.setState({ toasts: [] })
    const step = toStep({ name: 'Toast shows', expect: { toast: { text1: 'Hi' } } })

    const running = runScenarioStep(step, 1)
    await vi.advanceTimersByTimeAsync(OUTCOME_WAIT_MS)
    const result = await running

    expect(result).toEqual({
      index: 1,
      title: 'Toast shows',
      responseMismatches: [],
      outcomeMismatches: ['Toast: expected Text1 "Hi", but no toast is on screen'],
      expect: { toast: { text1: 'Hi' } },
    })
  })

  it('waits for a toast that arrives late', async () => {
    vi.useFakeTimers()
    store.setState({ toasts: [] })
    const step = toStep({ expect: { toast: { text1: 'Hi' } } })

    const running = runScenarioStep(step, 0)
    await vi.advanceTimersByTimeAsync(1000)
    store.setState({
      toasts: [{ id: 'delivery-1', appId: 'contoso-chat', text1: 'Hi', text2: '' }],
    })
    await vi.advanceTimersByTimeAsync(200)
    const result = await running

    expect(result.outcomeMismatches).toEqual([])
  })

  it('reports a toast where none is expected', async () => {
    vi.useFakeTimers()
    store.setState({
      toasts: [{ id: 'delivery-2', appId: 'contoso-chat', text1: 'Anna', text2: 'Lunch?' }],
    })

    const running = runScenarioStep(toStep({ expect: { noToast: true } }), 0)
    await vi.advanceTimersByTimeAsync(OUTCOME_WAIT_MS)
    const result = await running

    expect(result.outcomeMismatches).toEqual([
      'No toast: expected none, shown Text1 "Anna", Text2 "Lunch?" from Contoso Chat',
    ])
  })

  it('steps the tile animation', async () => {
    const before = motionSettings.getState().tick

    await runScenarioStep(toStep({ stepTileAnimation: { steps: 3 } }), 0)

    expect(motionSettings.getState().tick).toBe(before + 3)
  })
})

function createMemoryStorage(): StateStorage {
  const items = new Map<string, string>()
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => {
      items.set(name, value)
    },
    removeItem: (name) => {
      items.delete(name)
    },
  }
}
