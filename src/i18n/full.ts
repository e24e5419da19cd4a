import { billingProfileEnglish } from '../components/BillingProfileCard/formMessages'
import { paymentMethodsEnglish } from '../components/PaymentMethods/dialogMessages'
import { spendInsightsMessages } from '../components/SpendInsights/messages'
import { subscriptionsMessages } from '../components/SubscriptionsPanel/messages'
import { transactionsMessages } from '../components/TransactionHistory/messages'
import { walletMessages } from '../components/WalletCard/messages'
import { type BillingMessages, CORE_ENGLISH } from './catalog'

/**
 * Every English string of every component, the shape each locale catalog follows. The
 * components do not use this (each carries its own English with its code); it is for hosts that
 * write their own catalog and for tests.
 */
export const en: BillingMessages = {
  ...CORE_ENGLISH,
  wallet: walletMessages,
  paymentMethods: paymentMethodsEnglish,
  subscriptions: subscriptionsMessages,
  billingProfile: billingProfileEnglish,
  transactions: transactionsMessages,
  spendInsights: spendInsightsMessages,
}
