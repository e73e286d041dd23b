import type { ReceivedResponse, SentRequest } from '@/mpns/http-format'
import type { HeaderEntry } from '@/mpns/types'

import type { ConsoleDraft } from './console-request'
import { isNotificationType } from './history-model'
import type { HistoryEntry } from './history-model'

/** Largest distance from the epoch that a JavaScript Date can represent, in milliseconds. */
const MAX_DATE_MS = 8.64e15

/**
 * Narrows an IndexedDB record or an imported JSON value to a history entry.
 * Returns a description of the first invalid field when the value is not one.
 */
export function parseHistoryEntry(value: unknown): { entry: HistoryEntry } | { problem: string } {
  if (!isRecord(value)) {
    return { problem: 'the entry is not an object' }
  }
  const { id, sentAt, durationMs, channelToken, appName, handsetId } = value
  if (typeof id !== 'string' || id === '') {
    return { problem: 'its "id" is missing' }
  }
  if (typeof sentAt !== 'number' || !(Math.abs(sentAt) <= MAX_DATE_MS)) {
    return { problem: `entry "${id}" has no "sentAt" time in epoch milliseconds` }
  }
  if (typeof channelToken !== 'string') {
    return { problem: `entry "${id}" has no "channelToken"` }
  }
  const draft = parseDraft(value.draft)
  const request = parseRequest(value.request)
  if (!draft || !request) {
    return { problem: `entry "${id}" has no valid "draft" and "request"` }
  }
  const response = value.response === undefined ? undefined : parseResponse(value.response)
  if (response === null) {
    return { problem: `entry "${id}" has an invalid "response"` }
  }

  const entry: HistoryEntry = { id, sentAt, channelToken, draft, request }
  if (typeof durationMs === 'number' && Number.isFinite(durationMs)) {
    entry.durationMs = durationMs
  }
  if (typeof appName === 'string') {
    entry.appName = appName
  }
  if (typeof handsetId === 'string') {
    entry.handsetId = handsetId
  }
  if (response) {
    entry.response = response
  }
  if (typeof value.failure === 'string') {
    entry.failure = value.failure
  }
  return { entry }
}

/** Tells whether a value is a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Narrows a list of `[name, value]` pairs; returns null when any pair is not two strings. */
export function parseHeaderEntries(value: unknown): HeaderEntry[] | null {
  if (!Array.isArray(value)) {
    return null
  }
  const headers: HeaderEntry[] = []
  for (const pair of value as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2) {
      return null
    }
    const [name, headerValue] = pair as unknown[]
    if (typeof name !== 'string' || typeof headerValue !== 'string') {
      return null
    }
    headers.push([name, headerValue])
  }
  return headers
}

function parseDraft(value: unknown): ConsoleDraft | null {
  if (!isRecord(value)) {
    return null
  }
  const { notificationType, notificationClass, messageId, payload, rawEncoding } = value
  if (
    !isNotificationType(notificationType) ||
    typeof notificationClass !== 'string' ||
    typeof messageId !== 'string' ||
    typeof payload !== 'string'
  ) {
    return null
  }
  const draft: ConsoleDraft = { notificationType, notificationClass, messageId, payload }
  // An absent or unknown encoding reads as text, the console's default.
  if (rawEncoding === 'base64' || rawEncoding === 'text') {
    draft.rawEncoding = rawEncoding
  }
  return draft
}

function parseRequest(value: unknown): SentRequest | null {
  if (!isRecord(value)) {
    return null
  }
  const { method, url, body, byteLength } = value
  const headers = parseHeaderEntries(value.headers)
  if (
    typeof method !== 'string' ||
    typeof url !== 'string' ||
    typeof body !== 'string' ||
    typeof byteLength !== 'number' ||
    headers === null
  ) {
    return null
  }
  return { method, url, headers, body, byteLength }
}

function parseResponse(value: unknown): ReceivedResponse | null {
  if (!isRecord(value)) {
    return null
  }
  const { status, statusText, body } = value
  const headers = parseHeaderEntries(value.headers)
  if (
    typeof status !== 'number' ||
    typeof statusText !== 'string' ||
    typeof body !== 'string' ||
    headers === null
  ) {
    return null
  }
  return { status, statusText, headers, body }
}
