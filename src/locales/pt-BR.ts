import type { BillingLocaleCatalog } from '../i18n/catalog'
import { billingProfile } from './pt-BR/billingProfile'
import { common } from './pt-BR/common'
import { panel } from './pt-BR/panel'
import { paymentMethods } from './pt-BR/paymentMethods'
import { spendInsights } from './pt-BR/spendInsights'
import { subscriptions } from './pt-BR/subscriptions'
import { transactions } from './pt-BR/transactions'
import { ui } from './pt-BR/ui'
import { wallet } from './pt-BR/wallet'

/**
 * Brazilian Portuguese: billing copy as Brazilian SaaS writes it ("Adicionar saldo", "Carteira", "você").
 * `<BillingProvider locale={ptBR}>`; for a region's formats, `{ ...ptBR, tag: 'pt-BR-XX' }`.
 */
export const ptBR: BillingLocaleCatalog = {
  tag: 'pt-BR',
  messages: { common, ui, panel, wallet, paymentMethods, subscriptions, billingProfile, transactions, spendInsights },
}
