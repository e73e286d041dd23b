import { z } from 'zod'

// Compiled into the page and into the QA kit, like scenario-schema.ts, so it imports only zod.

/** Objects with at most this many fields list them all in an unknown-field message. */
const MAX_LISTED_FIELDS = 10
/** Maximum length of a string value quoted in a message, in UTF-16 code units. */
const MAX_QUOTED_LENGTH = 60

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  record: 'an object',
  null: 'null',
}

/**
 * Writes the message of a scenario validation issue, for the per-parse `error` option of
 * zod 4. The message follows the field's path, names what is wrong with the value and states
 * what the field takes. Returns undefined for issues zod words well enough itself.
 */
export function describeScenarioIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? describeMissing(describeType(issue.expected))
        : `expected ${describeType(issue.expected)}, got ${describeValue(issue.input)}.`
    case 'invalid_value':
      return describeInvalidValue(issue.values, issue.input)
    case 'unrecognized_keys':
      return describeUnknownFields(issue.keys, issue.inst)
    case 'too_big':
      return describeTooBig(issue)
    case 'too_small':
      return describeTooSmall(issue)
    case 'invalid_union':
      return `expected ${describeUnionOptions(issue.inst)}, got ${describeValue(issue.input)}.`
    default:
      return undefined
  }
}

/** Describes a value for a message: strings quoted and shortened, objects and arrays by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value
    return value === '' ? 'an empty string' : JSON.stringify(shown)
  }
  if (Array.isArray(value)) {
    return 'an array'
  }
  if (value === null) {
    return 'null'
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value)
  }
  return typeof value === 'object' ? 'an object' : typeof value
}

function describeMissing(expected: string): string {
  return `missing. The field is required and takes ${expected}.`
}

function describeType(expected: string): string {
  return TYPE_NAMES[expected] ?? expected
}

function describeInvalidValue(values: readonly unknown[], input: unknown): string {
  const allowed = values.map((value) => JSON.stringify(value)).join(', ')
  const expected = values.length === 1 ? allowed : `one of ${allowed}`
  if (input === undefined) {
    return describeMissing(expected)
  }
  return `expected ${expected}, got ${describeValue(input)}.`
}

function describeUnknownFields(keys: readonly string[], schema: unknown): string {
  const names = keys.map((key) => `"${key}"`).join(', ')
  const found = keys.length === 1 ? `unknown field ${names}` : `unknown fields ${names}`
  const allowed = schema instanceof z.ZodObject ? Object.keys(schema.shape) : []
  if (allowed.length === 0 || allowed.length > MAX_LISTED_FIELDS) {
    return `${found}. Check the spelling of the field name.`
  }
  return `${found}. Allowed fields are ${allowed.join(', ')}.`
}

function describeTooBig(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>): string {
  const limit = String(issue.maximum)
  const bound = issue.inclusive === false ? `less than ${limit}` : `at most ${limit}`
  const size = describeSize(issue.origin, issue.input)
  return size === undefined
    ? `expected ${bound}, got ${describeValue(issue.input)}.`
    : `expected ${bound} ${toUnit(size.unit, limit)}, got ${size.count}.`
}

function describeTooSmall(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>): string {
  const limit = String(issue.minimum)
  const bound = issue.inclusive === false ? `more than ${limit}` : `at least ${limit}`
  const size = describeSize(issue.origin, issue.input)
  if (size === undefined) {
    return `expected ${bound}, got ${describeValue(issue.input)}.`
  }
  let got = String(size.count)
  if (size.count === 0) {
    got = issue.origin === 'string' ? 'an empty string' : 'none'
  }
  return `expected ${bound} ${toUnit(size.unit, limit)}, got ${got}.`
}

/** Returns the length of a string or an array with its unit, or undefined for a number. */
function describeSize(
  origin: string,
  input: unknown,
): { count: number; unit: 'character' | 'item' } | undefined {
  if (origin === 'string' && typeof input === 'string') {
    return { count: input.length, unit: 'character' }
  }
  if (origin === 'array' && Array.isArray(input)) {
    return { count: input.length, unit: 'item' }
  }
  return undefined
}

function toUnit(unit: string, limit: string): string {
  return limit === '1' ? unit : `${unit}s`
}

function describeUnionOptions(schema: unknown): string {
  if (!(schema instanceof z.ZodUnion)) {
    return 'a different value'
  }
  const options = (schema.options as readonly unknown[]).map((option) => {
    if (option instanceof z.ZodLiteral) {
      return option.values.size === 1 ? JSON.stringify([...option.values][0]) : 'a literal value'
    }
    return option instanceof z.ZodType ? describeType(option.def.type) : 'a value'
  })
  return options.join(' or ')
}
