import { billingAddressMessages } from '../components/BillingAddressForm/messages'
import { panelMessages } from '../components/BillingPanel/messages'
import { paymentMethodsMessages } from '../components/PaymentMethods/messages'
import { subscriptionsMessages } from '../components/SubscriptionsPanel/messages'
import { transactionsMessages } from '../components/TransactionHistory/messages'
import { walletMessages } from '../components/WalletCard/messages'
import { uiMessages } from '../ui/messages'
import { commonMessages } from './common'

/** The English catalog: the shape every locale and every host override follows. */
export const en = {
  common: commonMessages.en,
  ui: uiMessages.en,
  panel: panelMessages.en,
  wallet: walletMessages.en,
  paymentMethods: paymentMethodsMessages.en,
  subscriptions: subscriptionsMessages.en,
  billingAddress: billingAddressMessages.en,
  transactions: transactionsMessages.en,
}

export type BillingMessages = typeof en

export const es: BillingMessages = {
  common: commonMessages.es,
  ui: uiMessages.es,
  panel: panelMessages.es,
  wallet: walletMessages.es,
  paymentMethods: paymentMethodsMessages.es,
  subscriptions: subscriptionsMessages.es,
  billingAddress: billingAddressMessages.es,
  transactions: transactionsMessages.es,
}

export const CATALOGS = { en, es } as const
export type BillingLocale = keyof typeof CATALOGS
export const LOCALES = Object.keys(CATALOGS) as BillingLocale[]

export type DeepPartial<T> = T extends string
  ? string
  : T extends (...args: never[]) => unknown
    ? T
    : { [K in keyof T]?: DeepPartial<T[K]> }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Host overrides win; anything they leave out falls back to the catalog. */
export function mergeMessages<T>(base: T, overrides: DeepPartial<T> | undefined): T {
  if (!overrides) return base
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (value === undefined) continue
    const current = out[key]
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeMessages(current as never, value as never) : value
  }
  return out as T
}

/** "es-MX" → "es"; anything unknown → "en". */
export function catalogLocale(locale: string | undefined): BillingLocale {
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/)[0]
  return (LOCALES as string[]).includes(language) ? (language as BillingLocale) : 'en'
}
