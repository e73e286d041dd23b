import type { Page } from '@playwright/test'

import { PAGE_API_GLOBAL, PAGE_API_VERSION } from '../src/scenario/page-api.ts'
import type { EmulatorPageApi } from '../src/scenario/page-api.ts'

/** Methods of the page's scripting interface, `window.wp8Emulator`. */
type PageApiMethod = {
  [Name in keyof EmulatorPageApi]: EmulatorPageApi[Name] extends (...args: never[]) => unknown
    ? Name
    : never
}[keyof EmulatorPageApi]

/**
 * Calls a method of the page's scripting interface and returns its result. Rejects when the
 * page has no such interface, or one of another version, so a kit and an emulator of
 * different releases fail with that reason rather than with a missing method.
 */
export async function callPageApi<Name extends PageApiMethod>(
  page: Page,
  method: Name,
  args: Parameters<EmulatorPageApi[Name]>,
): Promise<Awaited<ReturnType<EmulatorPageApi[Name]>>> {
  const result = await page.evaluate(
    async ({ globalName, version, method, args }) => {
      const api = (window as unknown as Record<string, unknown>)[globalName] as
        Record<string, unknown> | undefined
      if (api === undefined) {
        return {
          ok: false as const,
          error: `the page defines no window.${globalName}. Serve an emulator release with the scripting interface.`,
        }
      }
      if (api.version !== version) {
        return {
          ok: false as const,
          error: `window.${globalName} has version ${String(api.version)}, but the kit needs version ${version}. Install the kit and the emulator from the same release.`,
        }
      }
      const member = api[method] as (...values: unknown[]) => unknown
      try {
        const value: unknown = await member.apply(api, args)
        return { ok: true as const, value }
      } catch (error) {
        return { ok: false as const, error: error instanceof Error ? error.message : String(error) }
      }
    },
    { globalName: PAGE_API_GLOBAL, version: PAGE_API_VERSION, method, args: args as unknown[] },
  )
  if (!result.ok) {
    throw new Error(`Failed to call ${PAGE_API_GLOBAL}.${method}: ${result.error}`)
  }
  return result.value as Awaited<ReturnType<EmulatorPageApi[Name]>>
}
