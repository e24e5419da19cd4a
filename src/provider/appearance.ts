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

/** Built-in palette, mirrored from styles.css, for Stripe's iframe which cannot read our CSS. */
const PALETTE: Record<
  ThemeName,
  Required<
    Pick<
      AppearanceVariables,
      'colorPrimary' | 'colorBackground' | 'colorText' | 'colorDanger' | 'colorTextMuted' | 'colorBorder'
    >
  >
> = {
  light: {
    colorPrimary: '#4f46e5',
    colorBackground: '#ffffff',
    colorText: '#111827',
    colorTextMuted: '#6b7280',
    colorDanger: '#b42318',
    colorBorder: '#d1d5db',
  },
  dark: {
    colorPrimary: '#8b93ff',
    colorBackground: '#161b26',
    colorText: '#f3f4f6',
    colorTextMuted: '#9ca3af',
    colorDanger: '#f97066',
    colorBorder: '#374151',
  },
}

/** Stripe Elements appearance derived from our theme and the host's variables. */
export function stripeAppearance(theme: ThemeName, variables: AppearanceVariables | undefined) {
  const base = PALETTE[theme]
  const v = { ...base, ...variables }
  return {
    theme: theme === 'dark' ? ('night' as const) : ('stripe' as const),
    variables: {
      colorPrimary: v.colorPrimary,
      colorBackground: v.colorBackground,
      colorText: v.colorText,
      colorDanger: v.colorDanger,
      colorTextSecondary: v.colorTextMuted,
      ...(variables?.fontFamily ? { fontFamily: variables.fontFamily } : {}),
      ...(variables?.borderRadius ? { borderRadius: variables.borderRadius } : {}),
    },
    rules: {
      '.Input': { borderColor: v.colorBorder, boxShadow: 'none' },
      '.Input:focus': { borderColor: v.colorPrimary },
    },
  }
}
