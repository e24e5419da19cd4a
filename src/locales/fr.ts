import type { BillingLocaleCatalog } from '../i18n/catalog'
import { billingProfile } from './fr/billingProfile'
import { common } from './fr/common'
import { panel } from './fr/panel'
import { paymentMethods } from './fr/paymentMethods'
import { spendInsights } from './fr/spendInsights'
import { subscriptions } from './fr/subscriptions'
import { transactions } from './fr/transactions'
import { ui } from './fr/ui'
import { wallet } from './fr/wallet'

/**
 * French: billing copy as French SaaS writes it ("Ajouter des fonds", "Portefeuille", "vous", French spacing before : ; ? !).
 * `<BillingProvider locale={fr}>`; for a region's formats, `{ ...fr, tag: 'fr-XX' }`.
 */
export const fr: BillingLocaleCatalog = {
  tag: 'fr',
  messages: { common, ui, panel, wallet, paymentMethods, subscriptions, billingProfile, transactions, spendInsights },
}
