import { describe, expect, it } from 'vitest'

import {
  isErrorResponseMessage,
  toWorkerBroadcastMessage,
  toWorkerRequestMessage,
} from './messages'

describe('messages', () => {
  it.each([
    ['HELLO_REQUEST', { protocolVersion: 1 }],
    ['CHANNEL_OPEN_REQUEST', { handsetId: 'handset-1', appId: 'a' }],
    ['PENDING_REQUEST', { handsetId: 'handset-1' }],
    ['ACK_REQUEST', { handsetId: 'handset-1', deliveryIds: ['x'] }],
  ])('accepts the request %s', (type, payload) => {
    expect(toWorkerRequestMessage({ type, payload })).toEqual({ type, payload })
  })

  it.each([
    ['a string', 'HELLO_REQUEST'],
    ['null', null],
    ['an unknown stem', { type: 'REBOOT_REQUEST', payload: {} }],
    ['a response type', { type: 'HELLO_RESPONSE', payload: {} }],
    ['a missing payload', { type: 'HELLO_REQUEST' }],
  ])('rejects %s as a request', (_case, data) => {
    expect(toWorkerRequestMessage(data)).toBeNull()
  })

  it('accepts the notifications broadcast with a handset id', () => {
    const message = { type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: { handsetId: 'h' } }
    expect(toWorkerBroadcastMessage(message)).toEqual(message)
  })

  it('rejects a notifications broadcast without a handset id', () => {
    const message = { type: 'NOTIFICATIONS_AVAILABLE_MESSAGE', payload: {} }
    expect(toWorkerBroadcastMessage(message)).toBeNull()
  })

  it('recognizes the error reply', () => {
    expect(isErrorResponseMessage({ type: 'ERROR_RESPONSE', payload: { message: 'x' } })).toBe(true)
    expect(isErrorResponseMessage({ type: 'ERROR_RESPONSE', payload: {} })).toBe(false)
  })
})
