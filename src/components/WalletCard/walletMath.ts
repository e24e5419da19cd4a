import type { AutoRechargeSettings, Money, PaymentMethod, Wallet, WalletCredit } from '../../adapter/types'
import type { BillingI18n } from '../../i18n'
import { defaultPresets } from '../../money'

const DAY_MS = 86_400_000

/** Credits in another currency cannot be added to the balance; they are listed but not summed. */
export function creditsTotal(wallet: Pick<Wallet, 'currency' | 'credits'>): Money {
  const amount = wallet.credits
    .filter((credit) => credit.remaining.currency === wallet.currency)
    .reduce((sum, credit) => sum + credit.remaining.amount, 0)
  return { amount, currency: wallet.currency }
}

export function availableTotal(wallet: Pick<Wallet, 'currency' | 'credits' | 'balance'>): Money {
  return { amount: wallet.balance.amount + creditsTotal(wallet).amount, currency: wallet.currency }
}

/** Low means at or under the threshold auto-recharge watches, whether or not it is on. */
export function isLowBalance(wallet: Pick<Wallet, 'balance' | 'autoRecharge'>): boolean {
  return wallet.balance.amount <= wallet.autoRecharge.threshold.amount
}

/** Calendar days (UTC) from `now` to `iso`: 0 today, 1 tomorrow; null when unknown. */
export function daysUntil(iso: string | null | undefined, now: Date): number | null {
  if (!iso) return null
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return null
  const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
  return Math.round((day(at) - day(now)) / DAY_MS)
}

/** Credits whose expiry is this close get called out. */
export const EXPIRING_SOON_DAYS = 30

export function sortCredits(credits: readonly WalletCredit[]): WalletCredit[] {
  // Soonest expiry first, credits that never expire last: the order they are spent in.
  return credits.toSorted((a, b) => {
    if (a.expiresAt === b.expiresAt) return 0
    if (!a.expiresAt) return 1
    if (!b.expiresAt) return -1
    return a.expiresAt < b.expiresAt ? -1 : 1
  })
}

/** The adapter's presets inside its limits, else the currency's sensible defaults. */
export function topUpPresets(wallet: Pick<Wallet, 'currency' | 'topUp'>): number[] {
  const { min, max, presets } = wallet.topUp
  const inRange = (amount: number) => amount >= min.amount && amount <= max.amount
  const fromAdapter = presets.filter((p) => p.currency === wallet.currency).map((p) => p.amount)
  const chosen = fromAdapter.length > 0 ? fromAdapter : defaultPresets(wallet.currency)
  return [...new Set(chosen.filter(inRange))].toSorted((a, b) => a - b)
}

/** "Visa •••• 4242", "BBVA •••• 6789". */
export function cardName(method: PaymentMethod, i18n: Pick<BillingI18n, 'messages' | 't'>): string {
  const common = i18n.messages.common
  if (method.type === 'bank_account') {
    return i18n.t(common.bankLabel, { bank: method.bankName || common.bankAccount, last4: method.last4 })
  }
  return i18n.t(common.cardLabel, { brand: common.brands[method.brand] ?? common.brands.unknown, last4: method.last4 })
}

export function defaultMethod(methods: readonly PaymentMethod[] | undefined): PaymentMethod | null {
  if (!methods || methods.length === 0) return null
  return methods.find((m) => m.isDefault) ?? methods[0]
}

/**
 * What one recharge would charge at a given balance: the fixed amount, or what is missing to
 * reach the target. Used for "a charge happens now" and for the monthly cap check.
 */
export function rechargeAmount(settings: Pick<AutoRechargeSettings, 'mode' | 'amount'>, balance: number): number {
  return settings.mode === 'fixed' ? settings.amount.amount : Math.max(0, settings.amount.amount - balance)
}
