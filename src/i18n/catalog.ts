import type { billingAddressMessages } from '../components/BillingAddressForm/messages'
import { panelMessages } from '../components/BillingPanel/messages'
import type { paymentMethodsMessages } from '../components/PaymentMethods/messages'
import type { spendInsightsMessages } from '../components/SpendInsights/messages'
import type { subscriptionsMessages } from '../components/SubscriptionsPanel/messages'
import type { transactionsMessages } from '../components/TransactionHistory/messages'
import type { walletMessages } from '../components/WalletCard/messages'
import { uiMessages } from '../ui/messages'
import { commonMessages } from './common'

/** The English catalog's shape: what every locale and every host override follows. */
export interface BillingMessages {
  common: typeof commonMessages.en
  ui: typeof uiMessages.en
  panel: typeof panelMessages.en
  wallet: typeof walletMessages.en
  paymentMethods: typeof paymentMethodsMessages.en
  subscriptions: typeof subscriptionsMessages.en
  billingAddress: typeof billingAddressMessages.en
  transactions: typeof transactionsMessages.en
  spendInsights: typeof spendInsightsMessages.en
}

/**
 * What the provider itself needs: shared strings, the primitives and the panel frame. Each
 * component's own strings travel with its code (see `createI18n().slice`), so a host that shows
 * one section does not download the others' text.
 */
export type CoreMessages = Pick<BillingMessages, 'common' | 'ui' | 'panel'>
export type MessageSlice = Exclude<keyof BillingMessages, keyof CoreMessages>
export const CORE_CATALOGS: Record<'en' | 'es', CoreMessages> = {
  en: { common: commonMessages.en, ui: uiMessages.en, panel: panelMessages.en },
  es: { common: commonMessages.es, ui: uiMessages.es, panel: panelMessages.es },
}
export type BillingLocale = 'en' | 'es'
export const LOCALES: BillingLocale[] = ['en', 'es']

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
