import type { PaymentMethod } from '../../adapter/types'
import type { BillingI18n } from '../../i18n'

/** "Visa •••• 4242", "BBVA •••• 6789": how a payment method is named everywhere in the UI. */
export function methodName(method: PaymentMethod, i18n: Pick<BillingI18n, 'messages' | 't'>): string {
  const common = i18n.messages.common
  if (method.type === 'bank_account') {
    return i18n.t(common.bankLabel, { bank: method.bankName || common.bankAccount, last4: method.last4 })
  }
  return i18n.t(common.cardLabel, { brand: common.brands[method.brand] ?? common.brands.unknown, last4: method.last4 })
}

/** Default first, then the order the adapter gave; a copy, so cached data is never reordered. */
export function defaultFirst(methods: readonly PaymentMethod[]): PaymentMethod[] {
  return methods.toSorted((a, b) => Number(b.isDefault) - Number(a.isDefault))
}
