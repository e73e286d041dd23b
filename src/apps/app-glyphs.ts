import type { AppIconGlyph } from './app-model'

/** A cloud. */
export const WEATHER_GLYPH: AppIconGlyph = {
  viewBox: '0 0 48 48',
  path:
    'M31 7a8 8 0 0 1 7.7 10.2A9 9 0 0 1 37 35H13a9 9 0 0 1-1.4-17.9 ' +
    '11 11 0 0 1 12.3-8.6A8 8 0 0 1 31 7z',
}

/** A speech bubble. */
export const CHAT_GLYPH: AppIconGlyph = {
  viewBox: '0 0 48 48',
  path: 'M8 8h32a4 4 0 0 1 4 4v20a4 4 0 0 1-4 4H22l-10 8v-8H8a4 4 0 0 1-4-4V12a4 4 0 0 1 4-4z',
}

/** A sun over a mountain range. */
export const PHOTOS_GLYPH: AppIconGlyph = {
  viewBox: '0 0 48 48',
  path: 'M4 40l12-16 8 10 6-7 14 13z M34 8a5 5 0 1 1 0 10a5 5 0 1 1 0-10z',
}

/** A trophy cup on a stand. */
export const SCORES_GLYPH: AppIconGlyph = {
  viewBox: '0 0 48 48',
  path: 'M12 6h24v4h6v4a9 9 0 0 1-8.4 9A10 10 0 0 1 27 28v8h7v6H14v-6h7v-8a10 10 0 0 1-6.6-5A9 9 0 0 1 6 14v-4h6z',
}

/** Four rising bars. */
export const STOCKS_GLYPH: AppIconGlyph = {
  viewBox: '0 0 48 48',
  path: 'M5 34h7v9H5z M15 26h7v17h-7z M25 30h7v13h-7z M35 12h7v31h-7z',
}

/** Four squares, drawn for an imported app that brings no glyph of its own. */
export const GENERIC_APP_GLYPH: AppIconGlyph = {
  viewBox: '0 0 48 48',
  path: 'M7 7h15v15H7z M26 7h15v15H26z M7 26h15v15H7z M26 26h15v15H26z',
}
