import type { CSSProperties } from 'react'

export type ThemeName = 'light' | 'dark'

/** Typed theme variables; each becomes a `--bp-*` custom property and reaches Stripe Elements. */
export interface AppearanceVariables {
  colorPrimary?: string
  colorPrimaryText?: string
  colorBackground?: string
  colorSurface?: string
  colorText?: string
  colorTextMuted?: string
  colorBorder?: string
  colorDanger?: string
  colorWarning?: string
  colorSuccess?: string
  fontFamily?: string
  fontSizeBase?: string
  borderRadius?: string
  spacingUnit?: string
}

export interface Appearance {
  /** `auto` follows the user's system setting. */
  theme?: ThemeName | 'auto'
  variables?: AppearanceVariables
}

const VARIABLE_TO_PROPERTY: Record<keyof AppearanceVariables, string> = {
  colorPrimary: '--bp-color-primary',
  colorPrimaryText: '--bp-color-primary-contrast',
  colorBackground: '--bp-color-bg',
  colorSurface: '--bp-color-surface',
  colorText: '--bp-color-text',
  colorTextMuted: '--bp-color-text-muted',
  colorBorder: '--bp-color-border',
  colorDanger: '--bp-color-danger',
  colorWarning: '--bp-color-warning',
  colorSuccess: '--bp-color-success',
  fontFamily: '--bp-font-family',
  fontSizeBase: '--bp-font-size',
  borderRadius: '--bp-radius',
  spacingUnit: '--bp-space',
}

/** CSS custom properties for the panel root. */
export function appearanceStyle(variables: AppearanceVariables | undefined): CSSProperties {
  const style: Record<string, string> = {}
  if (!variables) return style
  for (const [key, value] of Object.entries(variables)) {
    const property = VARIABLE_TO_PROPERTY[key as keyof AppearanceVariables]
    if (property && typeof value === 'string' && value !== '') style[property] = value
  }
  return style as CSSProperties
}
