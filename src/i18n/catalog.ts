import type { BillingProfileMessages } from '../components/BillingProfileCard/formMessages'
import { panelMessages, type PanelMessages } from '../components/BillingPanel/messages'
import type { PaymentMethodsMessages } from '../components/PaymentMethods/dialogMessages'
import type { SpendInsightsMessages } from '../components/SpendInsights/messages'
import type { SubscriptionsMessages } from '../components/SubscriptionsPanel/messages'
import type { TransactionsMessages } from '../components/TransactionHistory/messages'
import type { WalletMessages } from '../components/WalletCard/messages'
import { uiMessages, type UiMessages } from '../ui/messages'
import { commonMessages, type CommonMessages } from './common'
import { LOCALES, type BillingLocale } from './locales'
import type { MessageSlice } from './slice'

export { type DeepPartial, mergeMessages } from './merge'

/** The English catalog's shape: what every locale and every host override follows. */
export interface BillingMessages {
  common: CommonMessages
  ui: UiMessages
  panel: PanelMessages
  wallet: WalletMessages
  paymentMethods: PaymentMethodsMessages
  subscriptions: SubscriptionsMessages
  billingProfile: BillingProfileMessages
  /**
   * @deprecated The `billingProfile` strings under their 0.1.0 name: overrides and catalogs written
   * for 0.1.0 still apply (beneath `billingProfile`). Goes in 0.2.
   */
  billingAddress?: BillingProfileMessages
  transactions: TransactionsMessages
  spendInsights: SpendInsightsMessages
}

/**
 * What the provider itself needs: shared strings, the primitives and the panel frame. Each
 * component's own English travels with its code (see `createI18n().slice`), so a host that
 * shows one section does not download the others' text.
 */
export type CoreMessages = Pick<BillingMessages, 'common' | 'ui' | 'panel'>
export type { MessageSlice }
export const CORE_ENGLISH: CoreMessages = { common: commonMessages, ui: uiMessages, panel: panelMessages }

/** The languages the package ships a catalog for: English built in, the rest one import away. */
export { LOCALES, type BillingLocale }

/**
 * A language for the panel, as `react-billing-panel/locales/<tag>` exports it; pass it to
 * `<BillingProvider locale={…}>`. Spread it to format for a region: `{ ...es, tag: 'es-MX' }`.
 */
export interface BillingLocaleCatalog {
  /** BCP 47 tag that Intl formats money, dates, numbers and plurals with: "pt-BR", "es-MX". */
  tag: string
  messages: BillingMessages
}

/** The shipped catalog a tag falls under: "pt" and "pt-PT" → "pt-BR", "es-MX" → "es", else null. */
export function catalogTag(tag: string | undefined): BillingLocale | null {
  if (!tag) return null
  const language = tag.toLowerCase().split(/[-_]/)[0]
  return LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? null
}
