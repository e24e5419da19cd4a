import type { PaymentMethod } from '../../adapter/types'

export type CardExpiryState = 'valid' | 'expiring_soon' | 'expired' | 'none'

/**
 * Where a card stands on `now`: a card works through the last day of its expiry month, and it
 * is "expiring soon" in that month and the one before, early enough to replace it before a
 * renewal fails. `none` when the adapter sent no expiry (bank debits, some wallets).
 */
export function cardExpiryState(
  pm: Pick<PaymentMethod, 'expMonth' | 'expYear'>,
  now: Date = new Date(),
): CardExpiryState {
  if (pm.expMonth == null || pm.expYear == null) return 'none'
  const expires = pm.expYear * 12 + (pm.expMonth - 1)
  const current = now.getFullYear() * 12 + now.getMonth()
  if (expires < current) return 'expired'
  if (expires - current <= 1) return 'expiring_soon'
  return 'valid'
}

/** "12/2029": the month and year as printed on the card. */
export function formatExpiry(pm: Pick<PaymentMethod, 'expMonth' | 'expYear'>): string | null {
  if (pm.expMonth == null || pm.expYear == null) return null
  return `${String(pm.expMonth).padStart(2, '0')}/${pm.expYear}`
}
