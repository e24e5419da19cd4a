import { billingAddressMessages } from '../components/BillingAddressForm/messages'
import { panelMessages } from '../components/BillingPanel/messages'
import { paymentMethodsMessages } from '../components/PaymentMethods/messages'
import { spendInsightsMessages } from '../components/SpendInsights/messages'
import { subscriptionsMessages } from '../components/SubscriptionsPanel/messages'
import { transactionsMessages } from '../components/TransactionHistory/messages'
import { walletMessages } from '../components/WalletCard/messages'
import { uiMessages } from '../ui/messages'
import type { BillingLocale, BillingMessages } from './catalog'
import { commonMessages } from './common'

/**
 * Every string of every component in one locale. The components do not use this (each loads
 * its own strings with its code); it is for hosts and tests that want the whole catalog.
 */
function catalog(locale: BillingLocale): BillingMessages {
  return {
    common: commonMessages[locale],
    ui: uiMessages[locale],
    panel: panelMessages[locale],
    wallet: walletMessages[locale],
    paymentMethods: paymentMethodsMessages[locale],
    subscriptions: subscriptionsMessages[locale],
    billingAddress: billingAddressMessages[locale],
    transactions: transactionsMessages[locale],
    spendInsights: spendInsightsMessages[locale],
  }
}

export const en: BillingMessages = /* @__PURE__ */ catalog('en')
export const es: BillingMessages = /* @__PURE__ */ catalog('es')
export const CATALOGS: Record<BillingLocale, BillingMessages> = { en, es }
