export { BillingProvider, type BillingProviderProps } from './BillingProvider'
export { useBillingContext, type BillingPermissions, type BillingContextValue } from './context'
export { stripeAppearance, type Appearance, type AppearanceVariables, type ThemeName } from './appearance'
export { useRootProps } from './root'
