/* eslint-disable no-console -- this module is the one place that writes to the console */

export type LogContext =
  '[mpns]' | '[sw]' | '[store]' | '[push]' | '[console]' | '[app]' | '[test]' | '[relay]'

const warnedCauses = new Set<string>()

/** Writes an informational line with its context prefix. */
export function logInfo(context: LogContext, message: string, ...details: unknown[]): void {
  console.info(context, message, ...details)
}

/** Writes a warning with its context prefix. */
export function logWarn(context: LogContext, message: string, ...details: unknown[]): void {
  console.warn(context, message, ...details)
}

/** Writes a warning only the first time its cause is seen. */
export function logWarnOnce(context: LogContext, cause: string, message: string): void {
  if (warnedCauses.has(cause)) {
    return
  }
  warnedCauses.add(cause)
  console.warn(context, message)
}

/** Writes an error with its context prefix. */
export function logError(context: LogContext, message: string, ...details: unknown[]): void {
  console.error(context, message, ...details)
}
