import { logWarn } from '@/lib/log'

/**
 * Copies text to the clipboard. Uses the asynchronous Clipboard API and, where it is missing
 * or refused (plain-HTTP pages, some embedded browsers), a hidden text area with the copy
 * command. Resolves to whether either way succeeded.
 */
export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch (error) {
      logWarn('[app]', 'Clipboard API refused the copy; trying the copy command instead.', error)
    }
  }
  return copyWithCommand(text)
}

function copyWithCommand(text: string): boolean {
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  try {
    // execCommand is deprecated but remains the only synchronous copy in current browsers.
    return document.execCommand('copy')
  } catch (error) {
    logWarn('[app]', 'Failed to copy the channel URI with the copy command.', error)
    return false
  } finally {
    area.remove()
  }
}
