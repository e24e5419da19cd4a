'use client'
// Provider, hooks, components and types. The memory adapter, the HTTP adapter, the server
// handler and test doubles live in their own entries so hosts only ship what they import.
export * from './adapter'
export * from './data'
export {
  BillingProvider,
  stripeAppearance,
  useBillingContext,
  type Appearance,
  type AppearanceVariables,
  type BillingPermissions,
  type BillingProviderProps,
  type ThemeName,
} from './provider'
export {
  useBillingI18n,
  en as enMessages,
  type BillingLocale,
  type BillingLocaleCatalog,
  type BillingMessages,
  type DeepPartial,
} from './i18n'
export {
  currencyExponent,
  formatMoney,
  formatMoneyPlain,
  minorToDecimalString,
  parseMoneyInput,
  type MoneyParseError,
  type MoneyParseResult,
} from './money'
export * from './components/BillingPanel'
export * from './components/WalletCard'
export * from './components/SpendInsights'
export * from './components/PaymentMethods'
export * from './components/SubscriptionsPanel'
export * from './components/BillingProfileCard'
export * from './components/TransactionHistory'
