import type { Scenario, ScenarioStep } from './scenario-schema'

/** The handset fields that reference resolution reads: the name and the installed apps. */
export interface ReferenceTarget {
  name: string
  apps: ReadonlyArray<{ app: { id: string; name: string } }>
}

/**
 * Finds an installed app by its name, or else by its id. Returns its index, or -1 when no app
 * has that name or id.
 */
export function findPlannedApp(apps: ReferenceTarget['apps'], reference: string): number {
  const byName = apps.findIndex((planned) => planned.app.name === reference)
  return byName === -1 ? apps.findIndex((planned) => planned.app.id === reference) : byName
}

/** Finds a handset by its name; without a name, the first handset. Returns -1 when none matches. */
export function findPlannedHandset(
  handsets: readonly ReferenceTarget[],
  reference: string | undefined,
): number {
  if (reference === undefined) {
    return handsets.length > 0 ? 0 : -1
  }
  return handsets.findIndex((handset) => handset.name === reference)
}

/** Returns the message for an app reference that matches no installed app. */
export function describeMissingApp(path: string, reference: string, handsetName: string): string {
  return `${path}: no installed app is named "${reference}" on ${handsetName}. Add it to the handset's "apps" or use the name of an installed app.`
}

/** Returns the message for a handset reference that matches no handset. */
export function describeMissingHandset(
  path: string,
  reference: string,
  handsets: readonly ReferenceTarget[],
): string {
  const names = handsets.map((handset) => `"${handset.name}"`).join(', ')
  return `${path}: no handset is named "${reference}". Use one of ${names}.`
}

/**
 * Checks every handset and app reference of the timeline against the handsets after loading.
 * No step installs or removes an app, so the installed apps are the same for every step.
 */
export function checkTimeline(
  timeline: Scenario['timeline'],
  handsets: readonly ReferenceTarget[],
): string[] {
  const errors: string[] = []
  for (const [index, step] of timeline.entries()) {
    for (const reference of listReferences(step)) {
      const path = `timeline[${index}].${reference.field}`
      const handsetIndex = findPlannedHandset(handsets, reference.handset)
      const handset = handsets[handsetIndex]
      if (handset === undefined) {
        errors.push(describeMissingHandset(`${path}.handset`, reference.handset ?? '', handsets))
        continue
      }
      if (reference.app !== undefined && findPlannedApp(handset.apps, reference.app) === -1) {
        errors.push(describeMissingApp(`${path}.app`, reference.app, handset.name))
      }
    }
  }
  return errors
}

interface StepReference {
  /** Path of the object holding the references, relative to the step. */
  field: string
  handset: string | undefined
  app: string | undefined
}

function listReferences(step: ScenarioStep): StepReference[] {
  const toReference = (
    field: string,
    target: { handset?: string | undefined; app?: string | undefined } | undefined,
  ): StepReference[] =>
    target === undefined ? [] : [{ field, handset: target.handset, app: target.app }]

  if ('send' in step) {
    return toReference('send', step.send)
  }
  if ('device' in step) {
    return toReference('device', step.device)
  }
  if ('launch' in step) {
    return toReference('launch', step.launch)
  }
  if ('answerPrompt' in step) {
    return toReference('answerPrompt', step.answerPrompt)
  }
  if ('tapToast' in step) {
    return toReference('tapToast', step.tapToast)
  }
  if ('press' in step) {
    return toReference('press', step.press)
  }
  if ('expect' in step && !('send' in step)) {
    const { toast, noToast, tile, page, lockScreen } = step.expect
    return [
      ...toReference('expect.toast', toast),
      ...toReference('expect.noToast', noToast === true ? {} : noToast),
      ...toReference('expect.tile', tile),
      ...toReference('expect.page', page),
      ...toReference('expect.lockScreen', lockScreen),
    ]
  }
  return []
}
