import type { BillingLocaleCatalog } from '../i18n/catalog'
import { billingProfile } from './es/billingProfile'
import { common } from './es/common'
import { panel } from './es/panel'
import { paymentMethods } from './es/paymentMethods'
import { spendInsights } from './es/spendInsights'
import { subscriptions } from './es/subscriptions'
import { transactions } from './es/transactions'
import { ui } from './es/ui'
import { wallet } from './es/wallet'

/**
 * Spanish, in the wording of the help article the panel follows ("Agregar Fondos", "Cartera").
 * `<BillingProvider locale={es}>`; for a region's formats, `{ ...es, tag: 'es-XX' }`.
 */
export const es: BillingLocaleCatalog = {
  tag: 'es',
  messages: { common, ui, panel, wallet, paymentMethods, subscriptions, billingProfile, transactions, spendInsights },
}
