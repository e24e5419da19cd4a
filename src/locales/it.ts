import type { BillingLocaleCatalog } from '../i18n/catalog'
import { billingProfile } from './it/billingProfile'
import { common } from './it/common'
import { panel } from './it/panel'
import { paymentMethods } from './it/paymentMethods'
import { spendInsights } from './it/spendInsights'
import { subscriptions } from './it/subscriptions'
import { transactions } from './it/transactions'
import { ui } from './it/ui'
import { wallet } from './it/wallet'

/**
 * Italian: billing copy as Italian SaaS writes it ("Aggiungi fondi", "Portafoglio", informal "tu").
 * `<BillingProvider locale={it}>`; for a region's formats, `{ ...it, tag: 'it-XX' }`.
 */
export const it: BillingLocaleCatalog = {
  tag: 'it',
  messages: { common, ui, panel, wallet, paymentMethods, subscriptions, billingProfile, transactions, spendInsights },
}
