// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { restartScenario } from '@/store/scenario-runtime'
import { scenarioSession } from '@/store/scenario-session'

import { ScenarioPanel } from './ScenarioPanel'

vi.mock('@/store/scenario-runtime', () => ({
  restartScenario: vi.fn(() => Promise.resolve({ ok: true })),
}))

const SCENARIO = {
  name: 'Chat toast',
  input: { name: 'Chat toast' },
  stepTitles: ['Send', 'Check'],
}

beforeEach(() => {
  scenarioSession.getState().clear()
  vi.mocked(restartScenario).mockClear()
})

afterEach(() => {
  cleanup()
})

describe('ScenarioPanel', () => {
  it('shows a failed load as status', () => {
    scenarioSession.getState().markLoaded(SCENARIO)
    scenarioSession.getState().showLoadErrors(['name: missing.'])

    render(<ScenarioPanel />)

    expect(screen.getByRole('status', { name: 'Scenario status' })).toHaveProperty(
      'textContent',
      'The scenario failed to load. "Chat toast" stays loaded, with 0 of 2 steps run.',
    )
    expect(screen.getByRole('list', { name: 'Scenario errors' }).textContent).toBe('name: missing.')
  })

  it('restarts after the last step', async () => {
    scenarioSession.getState().markLoaded(SCENARIO)
    for (const [index, title] of SCENARIO.stepTitles.entries()) {
      scenarioSession
        .getState()
        .recordStep({ index, title, responseMismatches: [], outcomeMismatches: [] })
    }
    render(<ScenarioPanel />)
    expect(screen.getByRole('button', { name: 'Run next step' })).toHaveProperty('disabled', true)

    await userEvent.click(screen.getByRole('button', { name: 'Restart scenario' }))

    await waitFor(() => expect(restartScenario).toHaveBeenCalledTimes(1))
  })

  it('lists outcome mismatches under their step', () => {
    scenarioSession.getState().markLoaded(SCENARIO)
    scenarioSession.getState().recordStep({
      index: 0,
      title: 'Send',
      responseMismatches: [],
      outcomeMismatches: ['Toast: expected Text1 "Bob", shown "Anna"'],
    })

    render(<ScenarioPanel />)

    const mismatches = screen.getByRole('list', { name: 'Outcome mismatches' })
    expect(within(mismatches).getByRole('listitem').textContent).toBe(
      'Toast: expected Text1 "Bob", shown "Anna"',
    )
  })
})
