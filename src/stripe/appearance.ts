import type { AppearanceVariables, ThemeName } from '../provider/appearance'

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
