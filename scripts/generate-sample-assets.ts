/**
 * Writes the sample apps' image files under public/apps/<app-id>/ as RGBA PNGs drawn from flat
 * colours and simple shapes. Run it from the repository root after changing a drawing:
 *
 *   node scripts/generate-sample-assets.ts          (Node 22.18 or later strips the types)
 *   npx rolldown scripts/generate-sample-assets.ts -p node -o node_modules/.tmp/assets.mjs \
 *     && node node_modules/.tmp/assets.mjs          (Node 20)
 *
 * Sizes are WXGA pixels: tiles 159, 336 and 691 x 336, Iconic icons 70 x 110 and 130 x 202,
 * the lock icon 38, app icons 100 (62 for the WP7 app), and WP7 tiles 173.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'

/** An RGBA colour with channels from 0 to 255. */
type Color = readonly [red: number, green: number, blue: number, alpha: number]

interface Canvas {
  width: number
  height: number
  /** Straight-alpha RGBA pixels, row by row. */
  pixels: Uint8Array
}

/** One image file: its path under public/apps, its size and how to draw it. */
interface AssetSpec {
  file: string
  width: number
  height: number
  background: Color
  draw: (canvas: Canvas) => void
}

const WHITE: Color = [255, 255, 255, 255]
const CLEAR: Color = [0, 0, 0, 0]
const CYAN: Color = [0x1b, 0xa1, 0xe2, 255]
const PURPLE: Color = [0xa2, 0x00, 0xff, 255]
const ORANGE: Color = [0xf0, 0x96, 0x09, 255]
const GREEN: Color = [0x33, 0x99, 0x33, 255]
const DARK_GREEN: Color = [0x1e, 0x5e, 0x1e, 255]
const TEAL: Color = [0x00, 0xab, 0xa9, 255]
const SUN: Color = [0xff, 0xd8, 0x3b, 255]

/** Sky and ground colours of the nine cycle photos, one distinct pair per photo. */
const PHOTO_PALETTES: ReadonlyArray<readonly [sky: Color, ground: Color]> = [
  [
    [0x5d, 0xad, 0xe2, 255],
    [0x2e, 0x7d, 0x32, 255],
  ],
  [
    [0xf4, 0x8f, 0xb1, 255],
    [0x6a, 0x1b, 0x9a, 255],
  ],
  [
    [0xff, 0xb7, 0x4d, 255],
    [0x8d, 0x6e, 0x63, 255],
  ],
  [
    [0x80, 0xde, 0xea, 255],
    [0x00, 0x69, 0x5c, 255],
  ],
  [
    [0x28, 0x35, 0x93, 255],
    [0x1a, 0x23, 0x7e, 255],
  ],
  [
    [0xc5, 0xe1, 0xa5, 255],
    [0x55, 0x8b, 0x2f, 255],
  ],
  [
    [0xff, 0xcc, 0xbc, 255],
    [0xbf, 0x36, 0x0c, 255],
  ],
  [
    [0xb3, 0x9d, 0xdb, 255],
    [0x45, 0x27, 0xa0, 255],
  ],
  [
    [0xe0, 0xe0, 0xe0, 255],
    [0x42, 0x42, 0x42, 255],
  ],
]

/** Sub-samples per axis when deciding how much of a pixel a shape covers. */
const SUPERSAMPLING = 4

const OUTPUT_ROOT = resolve(process.cwd(), 'public', 'apps')

const ASSETS: readonly AssetSpec[] = [
  ...weatherAssets(),
  ...chatAssets(),
  ...photosAssets(),
  ...scoresAssets(),
  ...stocksAssets(),
]

main()

function main(): void {
  let totalBytes = 0
  for (const asset of ASSETS) {
    const canvas = createCanvas(asset.width, asset.height, asset.background)
    asset.draw(canvas)
    const png = encodePng(canvas)
    const path = join(OUTPUT_ROOT, asset.file)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, png)
    totalBytes += png.length
  }
  process.stdout.write(`Wrote ${ASSETS.length} PNG files, ${totalBytes} bytes, to ${OUTPUT_ROOT}\n`)
}

function weatherAssets(): AssetSpec[] {
  const sunAndCloud = (canvas: Canvas) => {
    const unit = Math.min(canvas.width, canvas.height)
    fillCircle(
      canvas,
      { x: canvas.width / 2 + unit * 0.12, y: unit * 0.36, radius: unit * 0.16 },
      SUN,
    )
    drawCloud(canvas, { x: canvas.width / 2 - unit * 0.04, y: unit * 0.52, size: unit * 0.3 })
  }
  return [
    {
      file: 'contoso-weather/Assets/ApplicationIcon.png',
      ...square(100),
      background: CYAN,
      draw: sunAndCloud,
    },
    {
      file: 'contoso-weather/Assets/Tiles/FlipCycleTileSmall.png',
      ...square(159),
      background: CYAN,
      draw: sunAndCloud,
    },
    {
      file: 'contoso-weather/Assets/Tiles/FlipCycleTileMedium.png',
      ...square(336),
      background: CYAN,
      draw: sunAndCloud,
    },
    {
      file: 'contoso-weather/Assets/Tiles/FlipCycleTileLarge.png',
      width: 691,
      height: 336,
      background: CYAN,
      draw: (canvas) => {
        sunAndCloud(canvas)
        drawCloud(canvas, { x: 150, y: 120, size: 60 })
      },
    },
  ]
}

function chatAssets(): AssetSpec[] {
  const bubble = (canvas: Canvas) => {
    const width = canvas.width * 0.86
    const height = width * 0.62
    // The tail hangs a further 0.32 of the body height below it, and the whole shape is centred.
    const top = (canvas.height - height * 1.32) / 2
    drawBubble(canvas, { x: (canvas.width - width) / 2, y: top, width, height })
  }
  return [
    {
      file: 'contoso-chat/Assets/ApplicationIcon.png',
      ...square(100),
      background: PURPLE,
      draw: bubble,
    },
    {
      file: 'contoso-chat/Assets/Tiles/IconicTileSmall.png',
      width: 70,
      height: 110,
      background: CLEAR,
      draw: bubble,
    },
    {
      file: 'contoso-chat/Assets/Tiles/IconicTileMediumLarge.png',
      width: 130,
      height: 202,
      background: CLEAR,
      draw: bubble,
    },
    {
      file: 'contoso-chat/Assets/LockScreen/LockIcon.png',
      ...square(38),
      background: CLEAR,
      draw: bubble,
    },
  ]
}

function photosAssets(): AssetSpec[] {
  const glyph = (canvas: Canvas) => drawLandscape(canvas, { sky: ORANGE, ground: WHITE })
  const photos = PHOTO_PALETTES.map(([sky, ground], index): AssetSpec => {
    const number = index + 1
    // Photos 6 to 9 stand for pictures the app downloaded into isolated storage.
    const folder = number <= 5 ? 'Assets/Photos' : 'isostore/Shared/ShellContent'
    return {
      file: `contoso-photos/${folder}/Photo${number}.png`,
      width: 691,
      height: 336,
      background: sky,
      draw: (canvas) => drawLandscape(canvas, { sky, ground, sunX: 0.2 + index * 0.075 }),
    }
  })
  return [
    {
      file: 'contoso-photos/Assets/ApplicationIcon.png',
      ...square(100),
      background: ORANGE,
      draw: glyph,
    },
    {
      file: 'contoso-photos/Assets/Tiles/FlipCycleTileSmall.png',
      ...square(159),
      background: ORANGE,
      draw: glyph,
    },
    {
      file: 'contoso-photos/Assets/Tiles/AlbumSmall.png',
      ...square(159),
      background: ORANGE,
      draw: (canvas) => drawLandscape(canvas, { sky: ORANGE, ground: DARK_GREEN, sunX: 0.3 }),
    },
    ...photos,
  ]
}

function scoresAssets(): AssetSpec[] {
  return [
    {
      file: 'fabrikam-scores/ApplicationIcon.png',
      ...square(62),
      background: GREEN,
      draw: createTrophyDrawing(GREEN),
    },
    {
      file: 'fabrikam-scores/Background.png',
      ...square(173),
      background: GREEN,
      draw: createTrophyDrawing(GREEN),
    },
    {
      file: 'fabrikam-scores/Images/back.png',
      ...square(173),
      background: DARK_GREEN,
      draw: createTrophyDrawing(DARK_GREEN),
    },
    {
      file: 'fabrikam-scores/Images/Team42.png',
      ...square(173),
      background: GREEN,
      draw: (canvas) => fillCircle(canvas, { x: 86.5, y: 80, radius: 52 }, WHITE),
    },
  ]
}

function stocksAssets(): AssetSpec[] {
  return [
    {
      file: 'woodgrove-stocks/Assets/ApplicationIcon.png',
      ...square(100),
      background: TEAL,
      draw: drawBars,
    },
    {
      file: 'woodgrove-stocks/Assets/Tiles/FlipCycleTileSmall.png',
      ...square(159),
      background: TEAL,
      draw: drawBars,
    },
    {
      file: 'woodgrove-stocks/Assets/Tiles/FlipCycleTileMedium.png',
      ...square(336),
      background: TEAL,
      draw: drawBars,
    },
  ]
}

function square(size: number): { width: number; height: number } {
  return { width: size, height: size }
}

function drawCloud(canvas: Canvas, cloud: { x: number; y: number; size: number }): void {
  const { x, y, size } = cloud
  fillCircle(canvas, { x: x - size * 0.55, y: y + size * 0.12, radius: size * 0.38 }, WHITE)
  fillCircle(canvas, { x, y: y - size * 0.12, radius: size * 0.55 }, WHITE)
  fillCircle(canvas, { x: x + size * 0.6, y: y + size * 0.12, radius: size * 0.38 }, WHITE)
  fillRect(
    canvas,
    { x: x - size * 0.55, y: y + size * 0.12, width: size * 1.15, height: size * 0.38 },
    WHITE,
  )
}

function drawBubble(
  canvas: Canvas,
  box: { x: number; y: number; width: number; height: number },
): void {
  const radius = Math.min(box.width, box.height) * 0.2
  fillRect(
    canvas,
    { x: box.x + radius, y: box.y, width: box.width - 2 * radius, height: box.height },
    WHITE,
  )
  fillRect(
    canvas,
    { x: box.x, y: box.y + radius, width: box.width, height: box.height - 2 * radius },
    WHITE,
  )
  for (const [cx, cy] of [
    [box.x + radius, box.y + radius],
    [box.x + box.width - radius, box.y + radius],
    [box.x + radius, box.y + box.height - radius],
    [box.x + box.width - radius, box.y + box.height - radius],
  ] as const) {
    fillCircle(canvas, { x: cx, y: cy, radius }, WHITE)
  }
  const tailX = box.x + box.width * 0.22
  const bottom = box.y + box.height
  fillPolygon(
    canvas,
    [
      [tailX, bottom - 1],
      [tailX + box.width * 0.22, bottom - 1],
      [tailX, bottom + box.height * 0.32],
    ],
    WHITE,
  )
}

function drawLandscape(canvas: Canvas, scene: { sky: Color; ground: Color; sunX?: number }): void {
  const { width, height } = canvas
  fillRect(canvas, { x: 0, y: 0, width, height }, scene.sky)
  fillCircle(
    canvas,
    { x: width * (scene.sunX ?? 0.7), y: height * 0.3, radius: height * 0.12 },
    SUN,
  )
  fillPolygon(
    canvas,
    [
      [0, height],
      [width * 0.35, height * 0.45],
      [width * 0.7, height],
    ],
    scene.ground,
  )
  fillPolygon(
    canvas,
    [
      [width * 0.4, height],
      [width * 0.72, height * 0.58],
      [width, height * 0.85],
      [width, height],
    ],
    scene.ground,
  )
}

/** Returns a drawing of a trophy cup. The background colour cuts the holes of its handles. */
function createTrophyDrawing(background: Color): (canvas: Canvas) => void {
  return (canvas) => {
    const unit = canvas.width / 10
    for (const x of [2.7, 7.3]) {
      fillCircle(canvas, { x: unit * x, y: unit * 3, radius: unit * 1.3 }, WHITE)
      fillCircle(canvas, { x: unit * x, y: unit * 3, radius: unit * 0.7 }, background)
    }
    const bowl: Array<[number, number]> = [
      [unit * 2.8, unit * 1.4],
      [unit * 7.2, unit * 1.4],
    ]
    for (let step = 0; step <= 12; step += 1) {
      const angle = (Math.PI * step) / 12
      bowl.push([unit * (5 + 2.2 * Math.cos(angle)), unit * (3 + 2.6 * Math.sin(angle))])
    }
    fillPolygon(canvas, bowl, WHITE)
    fillRect(canvas, { x: unit * 4.5, y: unit * 5.4, width: unit, height: unit * 1.8 }, WHITE)
    fillRect(canvas, { x: unit * 3.2, y: unit * 7.2, width: unit * 3.6, height: unit * 1.2 }, WHITE)
  }
}

function drawBars(canvas: Canvas): void {
  const unit = canvas.width / 10
  const heights = [2, 3.6, 2.8, 5.6]
  heights.forEach((barHeight, index) => {
    const top = unit * 8 - unit * barHeight
    fillRect(
      canvas,
      { x: unit * (1.5 + index * 1.9), y: top, width: unit * 1.3, height: unit * barHeight },
      WHITE,
    )
  })
}

function createCanvas(width: number, height: number, background: Color): Canvas {
  const pixels = new Uint8Array(width * height * 4)
  for (let offset = 0; offset < pixels.length; offset += 4) {
    pixels.set(background, offset)
  }
  return { width, height, pixels }
}

function fillRect(
  canvas: Canvas,
  box: { x: number; y: number; width: number; height: number },
  color: Color,
): void {
  fillShape(canvas, { color, bounds: box }, (x, y) => {
    return x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height
  })
}

function fillCircle(
  canvas: Canvas,
  circle: { x: number; y: number; radius: number },
  color: Color,
): void {
  const { x: centerX, y: centerY, radius } = circle
  const bounds = { x: centerX - radius, y: centerY - radius, width: 2 * radius, height: 2 * radius }
  fillShape(canvas, { color, bounds }, (x, y) => {
    return (x - centerX) ** 2 + (y - centerY) ** 2 <= radius * radius
  })
}

/** Fills a polygon by the even-odd rule. */
function fillPolygon(
  canvas: Canvas,
  points: ReadonlyArray<readonly [number, number]>,
  color: Color,
): void {
  const xs = points.map(([x]) => x)
  const ys = points.map(([, y]) => y)
  const left = Math.min(...xs)
  const top = Math.min(...ys)
  const bounds = { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top }
  fillShape(canvas, { color, bounds }, (x, y) => {
    let inside = false
    for (let index = 0, previous = points.length - 1; index < points.length; previous = index++) {
      const [x1, y1] = points[index] ?? [0, 0]
      const [x2, y2] = points[previous] ?? [0, 0]
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) {
        inside = !inside
      }
    }
    return inside
  })
}

/**
 * Blends the colour over every pixel of the bounds in proportion to the share of the pixel's
 * sub-samples inside the shape.
 */
function fillShape(
  canvas: Canvas,
  paint: { color: Color; bounds: { x: number; y: number; width: number; height: number } },
  contains: (x: number, y: number) => boolean,
): void {
  const { color, bounds } = paint
  const samples = SUPERSAMPLING * SUPERSAMPLING
  const firstRow = Math.max(0, Math.floor(bounds.y))
  const lastRow = Math.min(canvas.height, Math.ceil(bounds.y + bounds.height))
  const firstColumn = Math.max(0, Math.floor(bounds.x))
  const lastColumn = Math.min(canvas.width, Math.ceil(bounds.x + bounds.width))
  for (let row = firstRow; row < lastRow; row += 1) {
    for (let column = firstColumn; column < lastColumn; column += 1) {
      let hits = 0
      for (let sample = 0; sample < samples; sample += 1) {
        const x = column + ((sample % SUPERSAMPLING) + 0.5) / SUPERSAMPLING
        const y = row + (Math.floor(sample / SUPERSAMPLING) + 0.5) / SUPERSAMPLING
        hits += contains(x, y) ? 1 : 0
      }
      if (hits > 0) {
        blendPixel(
          canvas,
          (row * canvas.width + column) * 4,
          color,
          (hits / samples) * (color[3] / 255),
        )
      }
    }
  }
}

/** Composites the colour over the pixel with straight alpha ("source over"). */
function blendPixel(canvas: Canvas, offset: number, color: Color, coverage: number): void {
  const { pixels } = canvas
  const destinationAlpha = (pixels[offset + 3] ?? 0) / 255
  const alpha = coverage + destinationAlpha * (1 - coverage)
  for (let channel = 0; channel < 3; channel += 1) {
    const destination = pixels[offset + channel] ?? 0
    const blended =
      (color[channel] ?? 0) * coverage + destination * destinationAlpha * (1 - coverage)
    pixels[offset + channel] = alpha === 0 ? 0 : Math.round(blended / alpha)
  }
  pixels[offset + 3] = Math.round(alpha * 255)
}

/** Encodes RGBA pixels as a PNG: 8 bits per channel, no interlacing, filter type 0 on every row. */
function encodePng(canvas: Canvas): Buffer {
  const rowBytes = canvas.width * 4
  const raw = Buffer.alloc((rowBytes + 1) * canvas.height)
  for (let row = 0; row < canvas.height; row += 1) {
    const start = row * rowBytes
    raw.set(canvas.pixels.subarray(start, start + rowBytes), row * (rowBytes + 1) + 1)
  }

  const header = Buffer.alloc(13)
  header.writeUInt32BE(canvas.width, 0)
  header.writeUInt32BE(canvas.height, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    encodeChunk('IHDR', header),
    encodeChunk('IDAT', deflateSync(raw, { level: 9 })),
    encodeChunk('IEND', Buffer.alloc(0)),
  ])
}

function encodeChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length, 0)
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const checksum = Buffer.alloc(4)
  checksum.writeUInt32BE(crc32(typeAndData), 0)
  return Buffer.concat([length, typeAndData, checksum])
}
