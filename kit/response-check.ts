import type { SendResult } from '../src/scenario/page-api.ts'

/**
 * Expected status code and MPNS status headers. A header left out is not checked, and
 * `null` requires that the header is absent.
 */
export interface MpnsResponseExpectation {
  status?: number | undefined
  notificationStatus?: string | null | undefined
  deviceConnectionStatus?: string | null | undefined
  subscriptionStatus?: string | null | undefined
}

/** The MPNS status headers, by the expectation field that checks each. */
const MPNS_STATUS_HEADERS = {
  notificationStatus: 'X-NotificationStatus',
  deviceConnectionStatus: 'X-DeviceConnectionStatus',
  subscriptionStatus: 'X-SubscriptionStatus',
} as const

/**
 * Lists the fields of a response that differ from the expectation, each as
 * `X-NotificationStatus: expected "Received", got "Dropped"`.
 */
export function toResponseMismatches(
  result: SendResult,
  expected: MpnsResponseExpectation,
): string[] {
  const mismatches: string[] = []
  if (expected.status !== undefined && result.status !== expected.status) {
    mismatches.push(`HTTP status: expected ${expected.status}, got ${result.status}`)
  }
  for (const [field, header] of Object.entries(MPNS_STATUS_HEADERS)) {
    const expectedValue = expected[field as keyof typeof MPNS_STATUS_HEADERS]
    // A SendResult carries header names in lower case.
    const actual = result.headers[header.toLowerCase()]
    if (expectedValue === undefined || (actual ?? null) === expectedValue) {
      continue
    }
    mismatches.push(
      `${header}: expected ${expectedValue === null ? 'no header' : JSON.stringify(expectedValue)}, got ${actual === undefined ? 'no header' : JSON.stringify(actual)}`,
    )
  }
  return mismatches
}
