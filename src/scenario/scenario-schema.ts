import { z } from 'zod'

import { describeScenarioIssue } from './scenario-issue-messages.ts'

// This file is compiled twice: into the page by Vite and into the QA kit by tsc for Node.
// It therefore imports nothing from the project but files in this folder, named with `.ts`.

/** Value of the `format` field that marks a scenario file. */
export const SCENARIO_FORMAT = 'wp8-emulator-scenario'

/** Version of the scenario layout this code reads and writes. */
export const SCENARIO_VERSION = 1

/** Largest scenario file accepted, in UTF-16 code units: embedded app files make up most of it. */
export const MAX_SCENARIO_LENGTH = 16 * 1024 * 1024

const MAX_HANDSETS = 4
const MAX_TIMELINE_STEPS = 1000
const MAX_SEED = 0xffff_ffff
/** Maximum clock speed, the engine's own, so that every clock the console can set is exported. */
const MAX_CLOCK_SPEED = 10_000

const handsetName = z
  .string()
  .min(1)
  .max(40)
  .describe('Handset the step applies to, by its name. Defaults to the first handset.')

const appName = z.string().min(1).max(200).describe('An installed app, by its name or its id.')

const tileSize = z.enum(['small', 'medium', 'wide'])

const permission = z
  .enum(['ask', 'allowed', 'declined'])
  .describe(
    'Answer to the app\'s notification prompt. "ask" leaves the prompt for its first launch.',
  )

const scenarioApp = z
  .object({
    sample: z
      .string()
      .min(1)
      .optional()
      .describe('A sample app the emulator ships, by its name or id.'),
    appFile: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('An app file as the app page\'s "Export app" writes it.'),
    manifestXml: z.string().min(1).optional().describe('The text of a WMAppManifest.xml.'),
    name: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Name to install the app under, replacing the one its file gives.'),
    permission: permission.default('ask'),
    tileUpdates: z.boolean().default(true).describe('The app\'s own "Live Tile updates" switch.'),
    channel: z
      .boolean()
      .optional()
      .describe(
        'Opens the app\'s push channel while loading, as a first launch would. Defaults to true when permission is "allowed".',
      ),
  })
  .strict()
  .refine(
    (app) =>
      [app.sample, app.appFile, app.manifestXml].filter((source) => source !== undefined).length ===
      1,
    { message: 'Give exactly one of "sample", "appFile" or "manifestXml".' },
  )

const startTile = z
  .object({
    app: appName,
    secondary: z
      .string()
      .min(1)
      .optional()
      .describe('Navigation URI of a secondary tile the app offers; without it, the primary tile.'),
    size: tileSize.default('medium'),
  })
  .strict()

const deviceState = z
  .object({
    airplaneMode: z.boolean().optional(),
    battery: z.number().int().min(0).max(100).optional().describe('Battery level in percent.'),
    batterySaver: z.enum(['off', 'when-low', 'on']).optional(),
    screen: z.enum(['on', 'off']).optional(),
    locked: z.boolean().optional(),
  })
  .strict()

const lockScreenApps = z
  .object({
    detailedStatus: appName.nullable().optional(),
    quickStatus: z.array(appName).max(5).optional(),
  })
  .strict()

const scenarioHandset = z
  .object({
    name: z.string().min(1).max(40).optional().describe('Defaults to "Handset N".'),
    model: z.enum(['wvga', 'wxga', '720p', '1080p']).optional(),
    osVersion: z.enum(['8.0', '8.0-update3']).optional(),
    theme: z.enum(['dark', 'light']).optional(),
    accent: z.string().min(1).optional().describe('An accent colour by name, such as "cobalt".'),
    apps: z
      .array(scenarioApp)
      .max(60)
      .optional()
      .describe('Every installed app. Without it the handset has the sample apps.'),
    tiles: z
      .array(startTile)
      .max(200)
      .optional()
      .describe('Start tiles in order. Without it every installed app has a medium tile.'),
    device: deviceState.optional(),
    lockScreen: lockScreenApps.optional(),
  })
  .strict()

const engineSettings = z
  .object({
    maxXmlBodyBytes: z.number().int().positive(),
    maxRawBodyBytes: z.number().int().positive(),
    missingClassDefault: z.enum(['slowest', 'immediate']),
    dailyQuota: z.number().int().nonnegative(),
    queueDepth: z.number().int().positive(),
    inactiveAfterMinutes: z.number().int().positive(),
    strictMode: z.boolean(),
    serviceDown: z.boolean(),
    unknownTokenAnswer: z.enum(['not-found', 'probe-resistant']),
    authenticatedLimits: z.enum(['lifted', 'documented']),
  })
  .partial()
  .strict()

const delivery = z
  .enum(['immediate', '450', '900'])
  .describe('Batching window: at once, within 450 seconds or within 900 seconds.')

const toastContent = z
  .object({
    text1: z.string().optional(),
    text2: z.string().optional(),
    param: z.string().optional(),
    sound: z.string().optional(),
    silent: z.boolean().optional(),
  })
  .strict()

const tileContent = z
  .object({
    template: z.enum(['FlipTile', 'IconicTile', 'CycleTile', 'Legacy']).default('FlipTile'),
    id: z.string().optional().describe('Navigation URI of the secondary tile to update.'),
    fields: z
      .record(z.string(), z.string())
      .default({})
      .describe('Tile elements by MPNS name, such as "Title", "Count" or "BackContent".'),
    clear: z.array(z.string()).optional().describe('Elements reset with Action="Clear".'),
  })
  .strict()

const rawContent = z
  .object({
    text: z.string().optional(),
    base64: z.string().optional(),
  })
  .strict()

const responseExpectation = z
  .object({
    status: z.number().int().min(100).max(599).optional(),
    notificationStatus: z.string().optional(),
    deviceConnectionStatus: z.string().optional(),
    subscriptionStatus: z.string().optional(),
  })
  .strict()

const sendStep = z
  .object({
    handset: handsetName.optional(),
    app: appName.optional().describe('App whose channel URI receives the request.'),
    channelUri: z.string().min(1).optional().describe('Channel URI to send to, instead of "app".'),
    via: z
      .enum(['page', 'http'])
      .default('page')
      .describe(
        '"page" sends from the emulator page; "http" sends to the server, as a backend does.',
      ),
    toast: toastContent.optional(),
    tile: tileContent.optional(),
    raw: rawContent.optional(),
    delivery: delivery.default('immediate'),
    notificationClass: z
      .string()
      .optional()
      .describe('X-NotificationClass sent as given, instead of the one "delivery" picks.'),
    messageId: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional().describe('Further headers to send.'),
  })
  .strict()
  .refine((send) => (send.app === undefined) !== (send.channelUri === undefined), {
    message: 'Give exactly one of "app" or "channelUri".',
  })
  .refine(
    (send) =>
      [send.toast, send.tile, send.raw].filter((content) => content !== undefined).length === 1,
    { message: 'Give exactly one of "toast", "tile" or "raw".' },
  )

const toastExpectation = z
  .object({
    handset: handsetName.optional(),
    app: appName.optional(),
    text1: z.string().optional(),
    text2: z.string().optional(),
  })
  .strict()

const tileExpectation = z
  .object({
    handset: handsetName.optional(),
    app: appName,
    secondary: z.string().min(1).optional(),
    size: tileSize.optional(),
    title: z.string().optional(),
    count: z.number().int().nonnegative().optional(),
    backTitle: z.string().optional(),
    backContent: z.string().optional(),
  })
  .strict()

const pageExpectation = z
  .object({
    handset: handsetName.optional(),
    app: appName.optional(),
    page: z.string().min(1),
    query: z.record(z.string(), z.string()).optional(),
  })
  .strict()

const lockScreenExpectation = z
  .object({
    handset: handsetName.optional(),
    app: appName,
    count: z.number().int().nonnegative().optional(),
    text: z.string().optional().describe('Detailed-status text, one line per tile field.'),
  })
  .strict()

const outcomeExpectation = z
  .object({
    toast: toastExpectation.optional(),
    noToast: z
      .union([z.literal(true), z.object({ handset: handsetName.optional() }).strict()])
      .optional()
      .describe('No toast banner is on screen: true, or an object naming the handset.'),
    tile: tileExpectation.optional(),
    page: pageExpectation.optional(),
    lockScreen: lockScreenExpectation.optional(),
  })
  .strict()

const stepName = z.string().min(1).max(200).optional().describe('Shown in reports and the player.')

/**
 * Timeline steps by the key that names them. A send step may carry a response `expect`, so a
 * step is an outcome check only when `expect` is its one step key.
 */
const STEP_VARIANTS = {
  send: z
    .object({ name: stepName, send: sendStep, expect: responseExpectation.optional() })
    .strict(),
  advanceClock: z
    .object({
      name: stepName,
      advanceClock: z
        .object({
          seconds: z
            .number()
            .positive()
            .max(366 * 24 * 3600),
        })
        .strict()
        .describe('Moves engine time on; due notifications are then delivered.'),
    })
    .strict(),
  device: z
    .object({
      name: stepName,
      device: deviceState.extend({ handset: handsetName.optional() }).strict(),
    })
    .strict(),
  launch: z
    .object({
      name: stepName,
      launch: z.object({ handset: handsetName.optional(), app: appName }).strict(),
    })
    .strict(),
  answerPrompt: z
    .object({
      name: stepName,
      answerPrompt: z.object({ handset: handsetName.optional(), allow: z.boolean() }).strict(),
    })
    .strict(),
  tapToast: z
    .object({
      name: stepName,
      tapToast: z.object({ handset: handsetName.optional() }).strict(),
    })
    .strict(),
  press: z
    .object({
      name: stepName,
      press: z
        .object({ handset: handsetName.optional(), button: z.enum(['back', 'start', 'power']) })
        .strict(),
    })
    .strict(),
  stepTileAnimation: z
    .object({
      name: stepName,
      stepTileAnimation: z
        .object({ steps: z.number().int().positive().max(1000).default(1) })
        .strict()
        .describe('Moves every flip and cycle tile on, in the deterministic motion mode.'),
    })
    .strict(),
  expect: z.object({ name: stepName, expect: outcomeExpectation }).strict(),
}

type StepKey = keyof typeof STEP_VARIANTS

/** Keys that name a timeline step, in the order error messages list them. */
export const STEP_KEYS = Object.keys(STEP_VARIANTS) as StepKey[]

const timelineStep = z.union([
  STEP_VARIANTS.send,
  STEP_VARIANTS.advanceClock,
  STEP_VARIANTS.device,
  STEP_VARIANTS.launch,
  STEP_VARIANTS.answerPrompt,
  STEP_VARIANTS.tapToast,
  STEP_VARIANTS.press,
  STEP_VARIANTS.stepTileAnimation,
  STEP_VARIANTS.expect,
])

/** The whole scenario file. */
export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_VERSION),
    name: z.string().min(1).max(200),
    description: z.string().max(4000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(MAX_SEED)
      .default(0)
      .describe('Seed of the random flip delays and stagger.'),
    motion: z.enum(['animated', 'reduced', 'deterministic']).default('deterministic'),
    engine: z
      .object({
        settings: engineSettings.optional(),
        clockSpeed: z
          .number()
          .min(0)
          .max(MAX_CLOCK_SPEED)
          .optional()
          .describe('Engine milliseconds per real millisecond; 0 stops the clock.'),
      })
      .strict()
      .optional(),
    handsets: z.array(scenarioHandset).min(1).max(MAX_HANDSETS).default([{}]),
    timeline: z.array(timelineStep).max(MAX_TIMELINE_STEPS).default([]),
  })
  .strict()

/** A scenario as written in a file, before defaults are filled in. */
export type ScenarioInput = z.input<typeof scenarioSchema>
/** A validated scenario, with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>
export type ScenarioHandset = Scenario['handsets'][number]
export type ScenarioApp = NonNullable<ScenarioHandset['apps']>[number]
export type ScenarioStep = Scenario['timeline'][number]
export type ScenarioSendStep = Extract<ScenarioStep, { send: unknown }>
export type ScenarioResponseExpectation = z.output<typeof responseExpectation>
export type ScenarioOutcomeExpectation = z.output<typeof outcomeExpectation>

export type ScenarioParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] }

/**
 * Parses a scenario file's text or an already parsed value. Each error names the field by its
 * JSON path, as `handsets[0].apps[1].permission: ...`.
 */
export function parseScenario(input: unknown): ScenarioParseResult {
  let value: unknown = input
  if (typeof input === 'string') {
    if (input.length > MAX_SCENARIO_LENGTH) {
      return {
        ok: false,
        errors: [`Invalid scenario: the file is larger than 16 MB. Use smaller app images.`],
      }
    }
    try {
      value = JSON.parse(input)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return { ok: false, errors: [`Invalid scenario: the file is not JSON (${reason}).`] }
    }
  }

  const result = scenarioSchema.safeParse(value, { error: describeScenarioIssue })
  if (result.success) {
    return { ok: true, scenario: result.data }
  }
  return { ok: false, errors: result.error.issues.flatMap((issue) => explainIssue(issue, value)) }
}

/** Writes the JSON Schema of the scenario file, for editors and for the documentation. */
export function toScenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' })
}

/**
 * Turns an issue into messages. zod reports a value that matches no option of a union as one
 * issue. A timeline step is therefore checked again against the variant its key picks, and any
 * other union reports the issues of the one option whose type the value has.
 */
function explainIssue(issue: z.core.$ZodIssue, input: unknown): string[] {
  if (issue.code !== 'invalid_union') {
    return [toIssueText(issue)]
  }
  const [field, index] = issue.path
  const isStepIssue = issue.path.length === 2 && field === 'timeline' && typeof index === 'number'
  if (!isStepIssue) {
    const matching = issue.errors.filter((issues) => !issues.some(isTypeMismatch))
    const [only] = matching
    return matching.length === 1 && only !== undefined
      ? only.map((nested) => toIssueText({ ...nested, path: [...issue.path, ...nested.path] }))
      : [toIssueText(issue)]
  }
  const timeline = isRecord(input) ? input.timeline : undefined
  const step: unknown = Array.isArray(timeline) ? timeline[index] : undefined
  return explainStep(step, issue.path)
}

function explainStep(step: unknown, path: PropertyKey[]): string[] {
  const at = toPathText(path)
  if (!isRecord(step)) {
    return [`${at}: a step must be an object with one of the keys ${STEP_KEYS.join(', ')}.`]
  }
  const keys = Object.keys(step).filter((key) => key !== 'name')
  const stepKeys = keys.filter((key): key is StepKey => (STEP_KEYS as string[]).includes(key))
  // `expect` on a send step checks the response, and on its own it is an outcome check.
  const named = stepKeys.includes('send') ? ['send' as const] : stepKeys
  if (named.length === 0) {
    const found = keys.length === 0 ? 'missing step key' : `unknown step "${keys[0] ?? ''}"`
    return [`${at}: ${found}; use one of ${STEP_KEYS.join(', ')}.`]
  }
  if (named.length > 1) {
    return [
      `${at}: a step has exactly one step key, but this one has ${named.map((key) => `"${key}"`).join(' and ')}. Split it into separate steps.`,
    ]
  }
  const variant = STEP_VARIANTS[named[0] as StepKey]
  const result = variant.safeParse(step, { error: describeScenarioIssue })
  if (result.success) {
    return [`${at}: invalid step.`]
  }
  return result.error.issues.map((issue) =>
    toIssueText({ ...issue, path: [...path, ...issue.path] }),
  )
}

/** Returns whether an option of a union rejected the value itself for its type, not a field of it. */
function isTypeMismatch(issue: z.core.$ZodIssue): boolean {
  return (
    issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value')
  )
}

function toIssueText(issue: z.core.$ZodIssue): string {
  return `${toPathText(issue.path)}: ${issue.message}`
}

function toPathText(keys: readonly PropertyKey[]): string {
  const path = keys.reduce<string>(
    (text, key) =>
      typeof key === 'number'
        ? `${text}[${key}]`
        : text === ''
          ? String(key)
          : `${text}.${String(key)}`,
    '',
  )
  return path === '' ? 'scenario' : path
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
