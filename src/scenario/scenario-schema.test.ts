import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { SCENARIO_FORMAT, parseScenario, toScenarioJsonSchema } from './scenario-schema.ts'

const SCHEMA_FILE = fileURLToPath(new URL('../../docs/scenario.schema.json', import.meta.url))

function scenarioWith(timeline: unknown[]): unknown {
  return { format: SCENARIO_FORMAT, version: 1, name: 'Steps', timeline }
}

function errorsOf(input: unknown): string[] {
  const result = parseScenario(input)
  return result.ok ? [] : result.errors
}

describe('parseScenario', () => {
  it('fills in the defaults of a minimal file', () => {
    const result = parseScenario({ format: SCENARIO_FORMAT, version: 1, name: 'Minimal' })

    const scenario = result.ok ? result.scenario : undefined
    expect(scenario?.handsets).toEqual([{}])
    expect(scenario?.motion).toBe('deterministic')
    expect(scenario?.timeline).toEqual([])
  })

  it('names an unknown step key', () => {
    const errors = errorsOf(scenarioWith([{ tapToast: {} }, { bogus: {} }]))

    expect(errors).toEqual([
      'timeline[1]: unknown step "bogus"; use one of send, advanceClock, device, launch, answerPrompt, tapToast, press, stepTileAnimation, expect.',
    ])
  })

  it('names a step without a key', () => {
    const errors = errorsOf(scenarioWith([{ name: 'Nothing' }]))

    expect(errors).toEqual([
      'timeline[0]: missing step key; use one of send, advanceClock, device, launch, answerPrompt, tapToast, press, stepTileAnimation, expect.',
    ])
  })

  it('rejects a step with two keys', () => {
    const errors = errorsOf(scenarioWith([{ launch: { app: 'Contoso Chat' }, tapToast: {} }]))

    expect(errors).toEqual([
      'timeline[0]: a step has exactly one step key, but this one has "launch" and "tapToast". Split it into separate steps.',
    ])
  })

  it('reports the field of a step picked by its key', () => {
    const errors = errorsOf(scenarioWith([{ press: { button: 'menu' } }]))

    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^timeline\[0\]\.press\.button: /)
  })

  it('accepts a send step with a response expectation', () => {
    const result = parseScenario(
      scenarioWith([
        {
          send: { app: 'Contoso Chat', toast: { text1: 'Hi' } },
          expect: { notificationStatus: 'Received' },
        },
        { expect: { toast: { text1: 'Hi' } } },
      ]),
    )

    expect(result.ok).toBe(true)
  })

  it('reports a send step without a target', () => {
    const errors = errorsOf(scenarioWith([{ send: { toast: { text1: 'Hi' } } }]))

    expect(errors).toEqual(['timeline[0].send: Give exactly one of "app" or "channelUri".'])
  })

  it('rejects a step that is not an object', () => {
    const errors = errorsOf(scenarioWith(['launch']))

    expect(errors).toEqual([
      'timeline[0]: a step must be an object with one of the keys send, advanceClock, device, launch, answerPrompt, tapToast, press, stepTileAnimation, expect.',
    ])
  })

  it('reports text that is not JSON', () => {
    expect(errorsOf('{ "format": ')).toEqual([
      expect.stringMatching(/^Invalid scenario: the file is not JSON/),
    ])
  })
})

describe('toScenarioJsonSchema', () => {
  it('matches docs/scenario.schema.json', () => {
    const generated = `${JSON.stringify(toScenarioJsonSchema(), null, 2)}\n`
    if (process.env.UPDATE_SCENARIO_SCHEMA === '1') {
      writeFileSync(SCHEMA_FILE, generated)
    }

    const committed = readFileSync(SCHEMA_FILE, 'utf8')
    expect(
      committed === generated,
      'docs/scenario.schema.json is out of date. Regenerate it with: UPDATE_SCENARIO_SCHEMA=1 npx vitest run src/scenario/scenario-schema.test.ts',
    ).toBe(true)
  })
})
