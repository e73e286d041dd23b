import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'

import { logError } from '@/lib/log'

import {
  CertificateRequestError,
  createCertificateClient,
  validateServiceName,
} from './certificate-client'
import type { CertificateClient, ServiceCertificate } from './certificate-client'

/**
 * Whether the certificate list can be used: still loading, listed by the dev or preview
 * server, or unavailable because the page runs without one.
 */
export type CertificateAvailability = 'loading' | 'available' | 'unavailable'

/** State of the console's service certificates panel, the emulator's developer portal. */
export interface CertificateState {
  /** Certificates sorted by service name, as the server last listed or changed them. */
  certificates: ServiceCertificate[]
  availability: CertificateAvailability
  /** Service name of the create or delete request in flight, or null. */
  pendingName: string | null
  /** Message of the last failed action, or null once an action succeeds. */
  error: string | null
  /** Sentence about the last change that succeeded, or null. */
  notice: string | null
  /** Loads the list from the server. A later load or change wins over an earlier load. */
  loadCertificates: () => Promise<void>
  /**
   * Issues a certificate for a service name and resolves true once the server has issued it.
   * Resolves false with no request for an invalid name, while the list is not available, or
   * while another change is in flight.
   */
  createCertificate: (serviceName: string) => Promise<boolean>
  /**
   * Deletes a service's certificate and resolves true once the server has deleted it. Resolves
   * false with no request while the list is not available or another change is in flight.
   */
  deleteCertificate: (serviceName: string) => Promise<boolean>
}

export type CertificateStore = StoreApi<CertificateState>

/** Creates the certificate store, which calls the server's certificate API through `client`. */
export function createCertificateStore(
  client: CertificateClient = createCertificateClient(),
): CertificateStore {
  // Bumped by every load and change, so a list that arrives after a newer one is dropped.
  let version = 0

  return createStore<CertificateState>()((set, get) => ({
    certificates: [],
    availability: 'loading',
    pendingName: null,
    error: null,
    notice: null,

    loadCertificates: async () => {
      version += 1
      const loadVersion = version
      try {
        const result = await client.list()
        if (loadVersion !== version) {
          return
        }
        set(
          result.availability === 'available'
            ? {
                availability: 'available',
                certificates: sortByServiceName(result.certificates),
                error: null,
              }
            : { availability: 'unavailable', certificates: [], error: null },
        )
      } catch (error) {
        logError('[console]', 'Failed to list the service certificates', error)
        if (loadVersion === version) {
          set({ error: toMessage(error) })
        }
      }
    },

    createCertificate: async (serviceName) => {
      const invalid = validateServiceName(serviceName)
      if (invalid !== null) {
        set({ error: invalid, notice: null })
        return false
      }
      if (!canChange(get())) {
        return false
      }

      const replaces = get().certificates.some((entry) => entry.serviceName === serviceName)
      set({ pendingName: serviceName, error: null, notice: null })
      try {
        const certificate = await client.create(serviceName)
        version += 1
        set((state) => ({
          pendingName: null,
          certificates: withCertificate(state.certificates, certificate),
          notice: replaces
            ? `Replaced the certificate for "${serviceName}". The old certificate no longer works.`
            : `Created a certificate for "${serviceName}".`,
        }))
        return true
      } catch (error) {
        logError('[console]', `Failed to create the certificate for ${serviceName}`, error)
        set({ pendingName: null, error: toMessage(error) })
        return false
      }
    },

    deleteCertificate: async (serviceName) => {
      if (!canChange(get())) {
        return false
      }

      set({ pendingName: serviceName, error: null, notice: null })
      try {
        await client.delete(serviceName)
        version += 1
        set((state) => ({
          pendingName: null,
          certificates: state.certificates.filter((entry) => entry.serviceName !== serviceName),
          notice: `Deleted the certificate for "${serviceName}".`,
        }))
        return true
      } catch (error) {
        logError('[console]', `Failed to delete the certificate for ${serviceName}`, error)
        set({ pendingName: null, error: toMessage(error) })
        return false
      }
    },
  }))
}

/** The certificate store of this page. */
export const certificateStore = createCertificateStore()

/** Selects from the page's certificate store. */
export function useCertificateStore<T>(selector: (state: CertificateState) => T): T {
  return useStore(certificateStore, selector)
}

/** Tells whether a change may start: the server is available and no other change is in flight. */
function canChange(state: CertificateState): boolean {
  return state.availability === 'available' && state.pendingName === null
}

/** Adds a certificate, or replaces the one with its service name, keeping the list sorted. */
function withCertificate(
  certificates: readonly ServiceCertificate[],
  certificate: ServiceCertificate,
): ServiceCertificate[] {
  const others = certificates.filter((entry) => entry.serviceName !== certificate.serviceName)
  return sortByServiceName([...others, certificate])
}

function sortByServiceName(certificates: readonly ServiceCertificate[]): ServiceCertificate[] {
  return [...certificates].sort((a, b) => compareText(a.serviceName, b.serviceName))
}

function compareText(a: string, b: string): number {
  if (a === b) {
    return 0
  }
  return a < b ? -1 : 1
}

function toMessage(error: unknown): string {
  if (error instanceof CertificateRequestError) {
    return error.message
  }
  return `Failed to reach the certificate API: ${String(error)}. Reload the page and try again.`
}
