import type { WorkerRequestMessage, WorkerRequestStem } from './messages'

interface FieldRule {
  /** Description of a valid value, for the message. */
  expected: string
  isValid: (value: unknown) => boolean
}

const TILE_TEMPLATES = ['Legacy', 'FlipTile', 'IconicTile', 'CycleTile']

const STRING: FieldRule = { expected: 'a string', isValid: (value) => typeof value === 'string' }
const BOOLEAN: FieldRule = {
  expected: 'true or false',
  isValid: (value) => typeof value === 'boolean',
}
const OPTIONAL_NUMBER: FieldRule = {
  expected: 'a number or absent',
  isValid: (value) => value === undefined || typeof value === 'number',
}

/** Fields every request payload must carry, per request. */
const PAYLOAD_RULES: Readonly<Record<WorkerRequestStem, Readonly<Record<string, FieldRule>>>> = {
  HELLO: {
    protocolVersion: { expected: 'a number', isValid: (value) => typeof value === 'number' },
  },
  CHANNEL_OPEN: {
    handsetId: STRING,
    appId: STRING,
    appName: STRING,
    channelName: STRING,
    tileTemplate: oneOf(TILE_TEMPLATES),
    serviceName: {
      expected: 'a string or absent',
      isValid: (value) => value === undefined || typeof value === 'string',
    },
    bindToast: BOOLEAN,
    bindTile: BOOLEAN,
    channelUriBases: {
      expected: 'absent, or an object with absolute http and https base URLs',
      isValid: (value) => value === undefined || isChannelUriBases(value),
    },
  },
  CHANNEL_CLOSE: {
    handsetId: STRING,
    appId: STRING,
    reason: oneOf(['closed-by-app', 'uninstalled']),
  },
  CHANNEL_RENEW: { handsetId: STRING, appId: STRING },
  CHANNEL_LIST: {},
  DEVICE_STATE: {
    handsetId: STRING,
    foregroundAppId: {
      expected: 'a string or null',
      isValid: (value) => value === null || typeof value === 'string',
    },
    network: oneOf(['online', 'offline']),
    battery: oneOf(['normal', 'saver', 'critical']),
    secondaryTileIds: {
      expected: 'an object of app ids to lists of navigation URIs',
      isValid: isSecondaryTileMap,
    },
  },
  PENDING: { handsetId: STRING, limit: OPTIONAL_NUMBER },
  ACK: { handsetId: STRING, deliveryIds: { expected: 'a list of strings', isValid: isStringList } },
  SETTINGS_GET: {},
  SETTINGS_UPDATE: {
    changes: {
      expected: 'an object',
      isValid: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    },
  },
  CLOCK_GET: {},
  CLOCK_UPDATE: { speed: OPTIONAL_NUMBER, advanceMs: OPTIONAL_NUMBER },
  RESET: {},
}

/**
 * Checks the fields of a request's payload and describes the first wrong one, or returns
 * undefined when the payload has the shape its request needs.
 */
export function describeInvalidPayload(message: WorkerRequestMessage): string | undefined {
  const stem = message.type.slice(0, -'_REQUEST'.length) as WorkerRequestStem
  const payload = message.payload as Record<string, unknown>

  for (const [name, rule] of Object.entries(PAYLOAD_RULES[stem])) {
    const value = payload[name]
    if (!rule.isValid(value)) {
      return `Invalid ${message.type}: field "${name}" is ${describeValue(value)}, expected ${rule.expected}. Reload the page so that it and the service worker run the same version.`
    }
  }
  return undefined
}

function isChannelUriBases(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) {
    return false
  }
  const { http, https } = value as Record<string, unknown>
  return isBaseUrl(http, 'http:') && isBaseUrl(https, 'https:')
}

function isBaseUrl(value: unknown, protocol: string): boolean {
  if (typeof value !== 'string') {
    return false
  }
  try {
    const url = new URL(value)
    return (
      url.protocol === protocol &&
      (url.pathname === '/' || url.pathname === '') &&
      url.search === ''
    )
  } catch {
    // Text that is no absolute URL is not a base.
    return false
  }
}

function oneOf(values: readonly string[]): FieldRule {
  return {
    expected: formatChoices(values),
    isValid: (value) => typeof value === 'string' && values.includes(value),
  }
}

/** Lists quoted values as `"a", "b" or "c"`. */
function formatChoices(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`)
  const last = quoted.pop()
  return quoted.length === 0 ? (last ?? '') : `${quoted.join(', ')} or ${last}`
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function isSecondaryTileMap(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(isStringList)
  )
}

function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'missing'
  }
  if (typeof value === 'string') {
    return `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return `"${String(value)}"`
  }
  return `of type ${Array.isArray(value) ? 'array' : typeof value}`
}
