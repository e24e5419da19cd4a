import type { BillingLocaleCatalog } from '../i18n/catalog'
import { billingProfile } from './de/billingProfile'
import { common } from './de/common'
import { panel } from './de/panel'
import { paymentMethods } from './de/paymentMethods'
import { spendInsights } from './de/spendInsights'
import { subscriptions } from './de/subscriptions'
import { transactions } from './de/transactions'
import { ui } from './de/ui'
import { wallet } from './de/wallet'

/**
 * German: billing copy as German SaaS writes it ("Guthaben aufladen", "Standardkarte", formal "Sie").
 * `<BillingProvider locale={de}>`; for a region's formats, `{ ...de, tag: 'de-XX' }`.
 */
export const de: BillingLocaleCatalog = {
  tag: 'de',
  messages: { common, ui, panel, wallet, paymentMethods, subscriptions, billingProfile, transactions, spendInsights },
}
