import { toAppJson } from '@/apps/app-json'
import type { AppDefinition } from '@/apps/app-model'

/** Saves an app as `<app id>.json`, the file the Install app form imports. */
export function downloadAppFile(app: AppDefinition): void {
  const url = URL.createObjectURL(new Blob([toAppJson(app)], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = `${app.id}.json`
  link.click()
  // The download has started once click() returns, so the object URL can go.
  URL.revokeObjectURL(url)
}
