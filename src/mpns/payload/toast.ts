import { shortenForMessage } from '../message-text'
import { MAX_PARAM_LENGTH } from '../param'
import type { ToastPayload } from '../types'
import { addWarning } from '../warnings'
import type { SenderWarning } from '../warnings'
import {
  formatLine,
  readAttribute,
  readNotificationEnvelope,
  warnAboutUnknownAttributes,
} from './notification'
import type { XmlElement } from './xml'

type ToastElementName = 'Text1' | 'Text2' | 'Param' | 'Sound'

const TOAST_ELEMENT_NAMES: ReadonlySet<string> = new Set<ToastElementName>([
  'Text1',
  'Text2',
  'Param',
  'Sound',
])

/** An "&" followed by a `key=` pair, as in `a=1&b=2`. */
const AMPERSAND_WITH_PAIR = /&[^&=]+=/y

/** An entity left in a decoded Param, which shows the Param was escaped twice. */
const ESCAPED_ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/

/**
 * Reads a toast payload: Text1, Text2, Param and Sound with its Silent attribute.
 * Sender mistakes that MPNS accepted are added to `warnings`, and structural errors throw an MpnsError.
 */
export function parseToastPayload(root: XmlElement, warnings: SenderWarning[]): ToastPayload {
  const { body } = readNotificationEnvelope(root, 'Toast', warnings)
  warnAboutUnknownAttributes(body, [], warnings)
  const elements = collectToastElements(body, warnings)
  warnAboutStrayText(body, warnings)

  const toast: ToastPayload = { silent: false }
  const text1 = elements.get('Text1')?.text ?? ''
  const text2 = elements.get('Text2')?.text ?? ''
  const param = elements.get('Param')?.text ?? ''
  if (text1 !== '') {
    toast.text1 = text1
  }
  if (text2 !== '') {
    toast.text2 = text2
  }
  if (param !== '') {
    toast.param = param
    warnings.push(...checkParam(param))
  }
  if (text1.trim() === '' && text2.trim() === '') {
    addWarning(
      warnings,
      'TOAST_WITHOUT_TEXT',
      'The toast has neither Text1 nor Text2, so the banner shows only the app icon. Add <wp:Text1> with a title.',
    )
  }

  const sound = elements.get('Sound')
  if (sound !== undefined) {
    readSound(sound, toast, warnings)
  }
  return toast
}

/** Returns warnings for a Param that a tap cannot use as sent. */
export function checkParam(param: string): SenderWarning[] {
  const warnings: SenderWarning[] = []

  if (!param.startsWith('/') && !param.startsWith('?')) {
    addWarning(
      warnings,
      'PARAM_FORM',
      `Param "${shortenForMessage(param)}" starts with neither "/" nor "?", so a tap opens the app's main page. Start it with a page path such as "/MainPage.xaml" or with "?".`,
    )
  }
  if (param.length > MAX_PARAM_LENGTH) {
    addWarning(
      warnings,
      'PARAM_TOO_LONG',
      `Param is ${param.length} characters long, over the ${MAX_PARAM_LENGTH}-character limit, so a tap opens the app's main page. Shorten it to ${MAX_PARAM_LENGTH} characters or fewer.`,
    )
  }
  if (ESCAPED_ENTITY.test(param)) {
    addWarning(
      warnings,
      'PARAM_AMPERSAND',
      `Param "${shortenForMessage(param)}" still contains an entity such as "&amp;" after XML decoding, so it was escaped twice. Escape "&" only once, as "&amp;".`,
    )
  } else if (hasDanglingAmpersand(param)) {
    addWarning(
      warnings,
      'PARAM_AMPERSAND',
      `Param "${shortenForMessage(param)}" contains an "&" that is not followed by a key=value pair. Remove the extra "&" or complete the pair.`,
    )
  }

  return warnings
}

function collectToastElements(
  body: XmlElement,
  warnings: SenderWarning[],
): Map<ToastElementName, XmlElement> {
  const elements = new Map<ToastElementName, XmlElement>()

  for (const child of body.children) {
    const name = child.localName
    if (!isToastElementName(name)) {
      addWarning(
        warnings,
        'UNKNOWN_ELEMENT',
        `Element <wp:${shortenForMessage(name)}>${formatLine(child)} is not part of a toast and was ignored. A toast takes Text1, Text2, Param and Sound.`,
      )
    } else if (elements.has(name)) {
      addWarning(
        warnings,
        'DUPLICATE_ELEMENT',
        `Element <wp:${name}>${formatLine(child)} appears more than once, so only the first one is used. Send it once.`,
      )
    } else {
      elements.set(name, child)
    }
  }

  for (const element of elements.values()) {
    warnAboutUnknownAttributes(element, element.localName === 'Sound' ? ['Silent'] : [], warnings)
    if (element.children.length > 0) {
      addWarning(
        warnings,
        'UNKNOWN_ELEMENT',
        `Element <wp:${element.localName}>${formatLine(element)} contains child elements, which were ignored. Put only text in it.`,
      )
    }
  }
  return elements
}

function readSound(sound: XmlElement, toast: ToastPayload, warnings: SenderWarning[]): void {
  const silent = readAttribute(sound, 'Silent')
  if (silent !== undefined) {
    const normalized = silent.trim().toLowerCase()
    if (normalized !== 'true' && normalized !== 'false') {
      addWarning(
        warnings,
        'SOUND_INVALID',
        `Sound has Silent="${shortenForMessage(silent)}", which is neither "true" nor "false", so the toast plays its sound. Write Silent="true" to mute it.`,
      )
    }
    toast.silent = normalized === 'true'
  }

  if (sound.text !== '') {
    toast.sound = sound.text
  }
}

function warnAboutStrayText(body: XmlElement, warnings: SenderWarning[]): void {
  if (body.text.trim() === '') {
    return
  }
  addWarning(
    warnings,
    'STRAY_TEXT',
    `Text "${shortenForMessage(body.text.trim())}" directly inside <wp:Toast> was ignored. Put text in <wp:Text1> or <wp:Text2>.`,
  )
}

function hasDanglingAmpersand(param: string): boolean {
  for (let index = param.indexOf('&'); index !== -1; index = param.indexOf('&', index + 1)) {
    AMPERSAND_WITH_PAIR.lastIndex = index
    if (!AMPERSAND_WITH_PAIR.test(param)) {
      return true
    }
  }
  return false
}

function isToastElementName(name: string): name is ToastElementName {
  return TOAST_ELEMENT_NAMES.has(name)
}
