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

const MINIMAL = { format: SCENARIO_FORMAT, version: 1, name: 'Messages' }

describe('parseScenario messages', () => {
  it.each([
    [
      'a missing field',
      { format: SCENARIO_FORMAT, version: 1 },
      'name: missing. The field is required and takes a string.',
    ],
    [
      'a missing literal',
      { version: 1, name: 'x' },
      'format: missing. The field is required and takes "wp8-emulator-scenario".',
    ],
    ['a wrong type', { ...MINIMAL, seed: 'abc' }, 'seed: expected a number, got "abc".'],
    [
      'a fraction for a whole number',
      { ...MINIMAL, handsets: [{ device: { battery: 1.5 } }] },
      'handsets[0].device.battery: expected a whole number, got 1.5.',
    ],
    [
      'an object for an array',
      { ...MINIMAL, handsets: {} },
      'handsets: expected an array, got an object.',
    ],
    [
      'an unknown key with the allowed fields',
      { ...MINIMAL, handsets: [{ lockScreen: { quick: [] } }] },
      'handsets[0].lockScreen: unknown field "quick". Allowed fields are detailedStatus, quickStatus.',
    ],
    [
      'an unknown key of a large object',
      { ...MINIMAL, timeline: [{ send: { app: 'Contoso Chat', toast: {}, to: 'Anna' } }] },
      'timeline[0].send: unknown field "to". Check the spelling of the field name.',
    ],
    [
      'an enum value',
      { ...MINIMAL, handsets: [{ tiles: [{ app: 'Contoso Chat', size: 'huge' }] }] },
      'handsets[0].tiles[0].size: expected one of "small", "medium", "wide", got "huge".',
    ],
    ['a literal', { ...MINIMAL, version: 2 }, 'version: expected 1, got 2.'],
    [
      'a number too big',
      { ...MINIMAL, handsets: [{ device: { battery: 150 } }] },
      'handsets[0].device.battery: expected at most 100, got 150.',
    ],
    [
      'a number not above the limit',
      { ...MINIMAL, timeline: [{ advanceClock: { seconds: 0 } }] },
      'timeline[0].advanceClock.seconds: expected more than 0, got 0.',
    ],
    [
      'an empty string',
      { ...MINIMAL, handsets: [{ name: '' }] },
      'handsets[0].name: expected at least 1 character, got an empty string.',
    ],
    [
      'a string too long',
      { ...MINIMAL, handsets: [{ name: 'x'.repeat(41) }] },
      'handsets[0].name: expected at most 40 characters, got 41.',
    ],
    [
      'an empty array',
      { ...MINIMAL, handsets: [] },
      'handsets: expected at least 1 item, got none.',
    ],
    [
      'an array too long',
      { ...MINIMAL, handsets: [{}, {}, {}, {}, {}] },
      'handsets: expected at most 4 items, got 5.',
    ],
    [
      'a union of true and an object',
      { ...MINIMAL, timeline: [{ expect: { noToast: 'abc' } }] },
      'timeline[0].expect.noToast: expected true or an object, got "abc".',
    ],
    [
      'a field inside a union option',
      { ...MINIMAL, timeline: [{ expect: { noToast: { phone: 'A' } } }] },
      'timeline[0].expect.noToast: unknown field "phone". Allowed fields are handset.',
    ],
  ])('words %s', (_case, input, message) => {
    expect(errorsOf(input)).toEqual([message])
  })

  it('accepts noToast as true or an object', () => {
    const result = parseScenario({
      ...MINIMAL,
      timeline: [{ expect: { noToast: true } }, { expect: { noToast: { handset: 'Handset 1' } } }],
    })

    expect(result.ok).toBe(true)
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
