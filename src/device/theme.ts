/** Cobalt, one of the twenty WP8 accent colours; white text on it stays readable (6:1). */
export const ACCENT_COLOR = '#0050EF'
