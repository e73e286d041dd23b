import type { AppIconGlyph } from '@/apps/app-model'

interface AppIconProps {
  icon: AppIconGlyph
  className?: string | undefined
}

/** Draws an app's icon glyph in the current text colour, hidden from assistive technology. */
export function AppIcon({ icon, className }: AppIconProps) {
  return (
    <svg className={className} viewBox={icon.viewBox} aria-hidden="true" focusable="false">
      <path d={icon.path} fill="currentColor" />
    </svg>
  )
}
