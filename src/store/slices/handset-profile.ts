/** Dark (black background) or light (white background) theme. */
export type Theme = 'dark' | 'light'

/** Windows Phone 8.0 as first shipped, or with Update 3 (OS 8.0.10492 and later). */
export type OsVersion = '8.0' | '8.0-update3'

export type DeviceModelId = 'wvga' | 'wxga' | '720p' | '1080p'

export interface DeviceModel {
  id: DeviceModelId
  label: string
  /** Physical resolution, width by height, in pixels. */
  physicalWidth: number
  physicalHeight: number
  /** Physical pixels per logical pixel. */
  scale: number
  /** Logical screen height; the logical width is always 480. */
  logicalHeight: number
}

/** The twenty standard WP8 accent colours, in the order the phone's settings list them. */
export const ACCENT_COLORS = [
  { name: 'lime', hex: '#A4C400' },
  { name: 'green', hex: '#60A917' },
  { name: 'emerald', hex: '#008A00' },
  { name: 'teal', hex: '#00ABA9' },
  { name: 'cyan', hex: '#1BA1E2' },
  { name: 'cobalt', hex: '#0050EF' },
  { name: 'indigo', hex: '#6A00FF' },
  { name: 'violet', hex: '#AA00FF' },
  { name: 'pink', hex: '#F472D0' },
  { name: 'magenta', hex: '#D80073' },
  { name: 'crimson', hex: '#A20025' },
  { name: 'red', hex: '#E51400' },
  { name: 'orange', hex: '#FA6800' },
  { name: 'amber', hex: '#F0A30A' },
  { name: 'yellow', hex: '#E3C800' },
  { name: 'brown', hex: '#825A2C' },
  { name: 'olive', hex: '#6D8764' },
  { name: 'steel', hex: '#647687' },
  { name: 'mauve', hex: '#76608A' },
  { name: 'taupe', hex: '#87794E' },
] as const

export type AccentName = (typeof ACCENT_COLORS)[number]['name']

export const DEVICE_MODELS: readonly DeviceModel[] = [
  {
    id: 'wvga',
    label: 'WVGA 480 x 800',
    physicalWidth: 480,
    physicalHeight: 800,
    scale: 1,
    logicalHeight: 800,
  },
  {
    id: 'wxga',
    label: 'WXGA 768 x 1280',
    physicalWidth: 768,
    physicalHeight: 1280,
    scale: 1.6,
    logicalHeight: 800,
  },
  {
    id: '720p',
    label: '720p 720 x 1280',
    physicalWidth: 720,
    physicalHeight: 1280,
    scale: 1.5,
    logicalHeight: 853,
  },
  {
    // The phone draws 1080p at 2.25 physical pixels per logical pixel; the API reports 1.5 to apps.
    id: '1080p',
    label: '1080p 1080 x 1920',
    physicalWidth: 1080,
    physicalHeight: 1920,
    scale: 2.25,
    logicalHeight: 853,
  },
]

export const OS_VERSIONS: ReadonlyArray<{ id: OsVersion; label: string }> = [
  { id: '8.0', label: 'Windows Phone 8.0' },
  { id: '8.0-update3', label: 'Windows Phone 8.0 Update 3' },
]

/** A handset's identity and look; each handset on the page has its own. */
export interface HandsetProfile {
  id: string
  name: string
  model: DeviceModelId
  osVersion: OsVersion
  theme: Theme
  accent: AccentName
}

export const DEFAULT_ACCENT: AccentName = 'cobalt'

/** Returns the hex value of an accent colour, as `#RRGGBB`. */
export function toAccentHex(accent: AccentName): string {
  return ACCENT_COLORS.find((color) => color.name === accent)?.hex ?? '#0050EF'
}

/** Returns a device model by id; unknown ids get WVGA. */
export function findDeviceModel(id: DeviceModelId): DeviceModel {
  return DEVICE_MODELS.find((model) => model.id === id) ?? (DEVICE_MODELS[0] as DeviceModel)
}
