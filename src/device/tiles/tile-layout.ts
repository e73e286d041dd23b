/** Width and height in logical px. */
export interface BoxSize {
  width: number
  height: number
}

// Microsoft sizes tile images in WXGA px, which are 1.6 to a logical px.
const WXGA_SCALE = 1.6

/** Largest IconImage in logical px: 202 x 202 WXGA px. */
export const MAX_ICON_IMAGE_PX = 202 / WXGA_SCALE

/** Largest SmallIconImage in logical px: 110 x 110 WXGA px. */
export const MAX_SMALL_ICON_IMAGE_PX = 110 / WXGA_SCALE

const CSS_URL_UNSAFE = /["\\\n\r\f]/g

/**
 * Computes the box an Iconic icon is drawn in: its natural size in WXGA px scaled to logical
 * px, then shrunk to fit a `maxSide` square. Before the image loads, the box is that square.
 */
export function toIconBoxSize(natural: BoxSize | undefined, maxSide: number): BoxSize {
  if (natural === undefined || natural.width <= 0 || natural.height <= 0) {
    return { width: maxSide, height: maxSide }
  }

  const width = natural.width / WXGA_SCALE
  const height = natural.height / WXGA_SCALE
  const fit = Math.min(1, maxSide / width, maxSide / height)
  return { width: width * fit, height: height * fit }
}

/** Writes a URL as a CSS `url("...")` value, percent-encoding the characters that end it. */
export function toCssUrl(url: string): string {
  const safe = url.replace(CSS_URL_UNSAFE, (character) => encodeURIComponent(character))
  return `url("${safe}")`
}
