/** An element whose start tag precedes the cursor and whose end tag does not. */
export interface OpenElement {
  /** Qualified name as written, such as `wp:Toast`. */
  name: string
  localName: string
}

/** The part of the XML text the cursor is in, as far as completion needs it. */
export type CursorContext =
  | {
      kind: 'element-name'
      /** Start of the partial name after `<`. */
      from: number
      parent: OpenElement | null
      /** Local names of the parent's other child elements, before and after the cursor. */
      siblings: readonly string[]
    }
  | { kind: 'end-tag-name'; from: number; element: OpenElement }
  | {
      kind: 'attribute-name'
      /** Start of the partial attribute name. */
      from: number
      element: OpenElement
      /** Attributes already written on the tag, apart from the one being typed. */
      present: readonly string[]
    }
  | {
      kind: 'attribute-value'
      /** Start of the value, after the opening quote. */
      from: number
      element: OpenElement
      attribute: string
    }
  | { kind: 'content'; parent: OpenElement | null; siblings: readonly string[] }
  | { kind: 'none' }

type TagKind = 'start' | 'end' | 'empty' | 'other'

type AttributeScanState =
  | { kind: 'between'; start: number }
  | { kind: 'name'; start: number }
  | { kind: 'after-name'; name: string }
  | { kind: 'equals'; name: string }
  | { kind: 'value'; start: number; name: string; quote: string }
  | { kind: 'other' }

/** One piece of markup: a start, end or empty-element tag, or a comment, CDATA or declaration. */
interface Tag {
  kind: TagKind
  name: string
  start: number
  /** Index just after the closing `>`, or where the next tag starts when there is none. */
  end: number
  terminated: boolean
}

const NAME_CHARACTERS = /[\w.:-]/
const ATTRIBUTE = /([^\s=/>"']+)(\s*=\s*(?:"[^"]*"?|'[^']*'?)?)?/g
const SPECIAL_MARKUP: ReadonlyArray<{ open: string; close: string }> = [
  { open: '<!--', close: '-->' },
  { open: '<![CDATA[', close: ']]>' },
  { open: '<?', close: '?>' },
  { open: '<!', close: '>' },
]

/** Returns the local part of a qualified XML name. */
export function toLocalName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.indexOf(':') + 1)
}

/**
 * Finds what the cursor at `position` is inside: a tag name, an attribute name or value, element
 * content or something completion ignores (comments, CDATA, declarations). The scan is
 * lenient, because the text being edited is seldom well-formed.
 */
export function findCursorContext(text: string, position: number): CursorContext {
  const stack: OpenElement[] = []

  for (const tag of scanTags(text)) {
    if (tag.start >= position) {
      break
    }
    const cursorInside = position < tag.end || (!tag.terminated && position <= tag.end)
    if (cursorInside) {
      return describeTagAtCursor(text, { tag, position, stack })
    }
    applyTag(stack, tag)
  }

  const parent = stack[stack.length - 1] ?? null
  return { kind: 'content', parent, siblings: findSiblings(text, { position, stack }) }
}

/**
 * Finds the prefix a document binds to WPNotification: '' for a default namespace declaration,
 * and 'wp' when the document declares none yet.
 */
export function findWpPrefix(text: string): string {
  const declaration = /\bxmlns(?::([\w.-]+))?\s*=\s*["']WPNotification["']/.exec(text)
  if (!declaration) {
    return 'wp'
  }
  return declaration[1] ?? ''
}

function describeTagAtCursor(
  text: string,
  options: { tag: Tag; position: number; stack: readonly OpenElement[] },
): CursorContext {
  const { tag, position, stack } = options
  const parent = stack[stack.length - 1] ?? null
  const typed = text.slice(tag.start, position)

  if (tag.kind === 'other') {
    return { kind: 'none' }
  }
  if (tag.kind === 'end') {
    const innermost = stack[stack.length - 1]
    const isName = /^<\/[\w.:-]*$/.test(typed)
    return innermost !== undefined && isName
      ? { kind: 'end-tag-name', from: tag.start + 2, element: innermost }
      : { kind: 'none' }
  }

  const nameMatch = /^<([\w.:-]*)/.exec(typed)
  const typedName = nameMatch?.[1] ?? ''
  if (typed.length === typedName.length + 1) {
    return {
      kind: 'element-name',
      from: tag.start + 1,
      parent,
      siblings: findSiblings(text, { position: tag.start, stack, typedTag: tag.start }),
    }
  }

  const element = { name: tag.name, localName: toLocalName(tag.name) }
  return describeAttributeAtCursor(typed, { tagStart: tag.start, element, text, tagEnd: tag.end })
}

function describeAttributeAtCursor(
  typed: string,
  options: { tagStart: number; tagEnd: number; element: OpenElement; text: string },
): CursorContext {
  const { tagStart, tagEnd, element, text } = options
  const attributesStart = tagStart + 1 + element.name.length
  const state = scanAttributes(typed.slice(1 + element.name.length))

  if (state.kind === 'value') {
    return {
      kind: 'attribute-value',
      from: attributesStart + state.start,
      element,
      attribute: state.name,
    }
  }
  if (state.kind !== 'name' && state.kind !== 'between') {
    return { kind: 'none' }
  }

  const from = attributesStart + state.start
  const present = [...text.slice(attributesStart, tagEnd).matchAll(ATTRIBUTE)]
    .filter((match) => attributesStart + match.index !== from)
    .map((match) => match[1] ?? '')
  return { kind: 'attribute-name', from, element, present }
}

/**
 * Reads the attributes typed so far in a start tag and returns where the cursor is: between
 * attributes, inside a name or inside a quoted value (with offsets into `typed`), or elsewhere.
 */
function scanAttributes(typed: string): AttributeScanState {
  let state: AttributeScanState = { kind: 'other' }
  for (let index = 0; index < typed.length; index++) {
    state = advanceAttributeScan(state, { typed, index })
  }
  return state
}

function advanceAttributeScan(
  state: AttributeScanState,
  position: { typed: string; index: number },
): AttributeScanState {
  const { typed, index } = position
  const character = typed[index] ?? ''
  const isSpace = /\s/.test(character)

  switch (state.kind) {
    case 'value':
      return character === state.quote ? { kind: 'other' } : state
    case 'name':
      if (!isSpace && character !== '=') {
        return state
      }
      return {
        kind: character === '=' ? 'equals' : 'after-name',
        name: typed.slice(state.start, index),
      }
    case 'equals':
      if (character === '"' || character === "'") {
        return { kind: 'value', start: index + 1, name: state.name, quote: character }
      }
      return isSpace ? state : { kind: 'other' }
    case 'after-name':
      if (character === '=') {
        return { kind: 'equals', name: state.name }
      }
      return isSpace ? state : startName(character, index)
    case 'between':
      return isSpace ? { kind: 'between', start: index + 1 } : startName(character, index)
    case 'other':
      return isSpace ? { kind: 'between', start: index + 1 } : { kind: 'other' }
  }
}

function startName(character: string, index: number): AttributeScanState {
  return character === '/' ? { kind: 'other' } : { kind: 'name', start: index }
}

/**
 * Lists the local names of the children of the innermost open element in `stack`, before and
 * after `position` up to that element's end tag. `typedTag` is the start of a tag still being
 * typed at the cursor, which is not a sibling yet.
 */
function findSiblings(
  text: string,
  options: { position: number; stack: readonly OpenElement[]; typedTag?: number },
): string[] {
  const { position, stack, typedTag } = options
  const siblings: string[] = []
  const depth = stack.length
  const scanStack: OpenElement[] = []

  for (const tag of scanTags(text)) {
    if (tag.start === typedTag) {
      continue
    }
    const isChild = scanStack.length === depth && (tag.kind === 'start' || tag.kind === 'empty')
    const insideParent = stack.every((open, index) => scanStack[index]?.name === open.name)
    if (isChild && insideParent) {
      siblings.push(toLocalName(tag.name))
    }
    if (tag.kind === 'end' && scanStack.length === depth && tag.start > position) {
      break
    }
    applyTag(scanStack, tag)
  }
  return siblings
}

function applyTag(stack: OpenElement[], tag: Tag): void {
  if (tag.kind === 'start') {
    stack.push({ name: tag.name, localName: toLocalName(tag.name) })
  } else if (tag.kind === 'end') {
    // An end tag that matches no open element is most often a misspelled end tag of the
    // innermost one, so it closes that element.
    const index = stack.map((open) => open.name).lastIndexOf(tag.name)
    stack.length = index === -1 ? Math.max(0, stack.length - 1) : index
  }
}

/** Yields every tag in document order, skipping element content. */
function* scanTags(text: string): Generator<Tag> {
  let index = text.indexOf('<')
  while (index !== -1) {
    const tag = readTag(text, index)
    yield tag
    index = text.indexOf('<', tag.end)
  }
}

function readTag(text: string, start: number): Tag {
  const special = SPECIAL_MARKUP.find(({ open }) => text.startsWith(open, start))
  if (special) {
    const close = text.indexOf(special.close, start + special.open.length)
    const terminated = close !== -1
    const end = terminated ? close + special.close.length : text.length
    return { kind: 'other', name: '', start, end, terminated }
  }

  const isEnd = text[start + 1] === '/'
  let index = start + (isEnd ? 2 : 1)
  const nameStart = index
  while (index < text.length && NAME_CHARACTERS.test(text[index] ?? '')) {
    index++
  }
  const name = text.slice(nameStart, index)
  const { end, terminated } = findTagEnd(text, index)
  if (isEnd) {
    return { kind: 'end', name, start, end, terminated }
  }
  const isEmpty = terminated && text[end - 2] === '/'
  return { kind: isEmpty ? 'empty' : 'start', name, start, end, terminated }
}

/**
 * Finds the end of a tag: just after its `>`, skipping quoted attribute values. A tag still being
 * typed has no `>`, and it ends where the next tag starts or at the end of the text.
 */
function findTagEnd(text: string, from: number): { end: number; terminated: boolean } {
  let quote: string | null = null
  for (let index = from; index < text.length; index++) {
    const character = text[index]
    if (quote !== null) {
      quote = character === quote ? null : quote
    } else if (character === '"' || character === "'") {
      quote = character
    } else if (character === '>') {
      return { end: index + 1, terminated: true }
    } else if (character === '<') {
      return { end: index, terminated: false }
    }
  }
  return { end: text.length, terminated: false }
}
