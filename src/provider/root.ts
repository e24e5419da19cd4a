import type { CSSProperties } from 'react'
import { appearanceStyle, type ThemeName } from './appearance'
import { useBillingContext } from './context'

/** Props for the outer element of every public component: theme, tokens, host class last. */
export interface RootProps {
  'data-slot': string
  'data-theme': ThemeName
  className: string
  style: CSSProperties
}

export function useRootProps(slot: string, className?: string, style?: CSSProperties): RootProps {
  const { theme, variables } = useBillingContext()
  return {
    'data-slot': slot,
    'data-theme': theme,
    className: ['bp-root', `bp-${slot}`, className].filter(Boolean).join(' '),
    style: { ...appearanceStyle(variables), ...style },
  }
}
