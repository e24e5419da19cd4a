import type { AutoRechargeSettings, PaymentMethod } from '../../adapter/types'
import type { BillingI18n } from '../../i18n'
import { cardName } from './walletMath'
import { walletText } from './messages'

export type SummaryI18n = Pick<BillingI18n, 'messages' | 'slice' | 't' | 'formatMoney'>

/**
 * One line that says what auto-recharge does:
 * "When the balance falls below $10.00, add $25.00 to Visa •••• 4242 (up to $100.00 a month)".
 * `card` is the card that will be charged (the default card), or none when unknown.
 */
export function autoRechargeSummary(
  settings: Pick<AutoRechargeSettings, 'enabled' | 'threshold' | 'mode' | 'amount' | 'monthlyCap'>,
  card: PaymentMethod | null | undefined,
  i18n: SummaryI18n,
): string {
  const text = walletText(i18n).autoRecharge
  if (!settings.enabled) return text.summaryOff
  const template = settings.mode === 'target' ? text.summaryTarget : text.summaryFixed
  const line = i18n.t(template, {
    threshold: i18n.formatMoney(settings.threshold),
    amount: i18n.formatMoney(settings.amount),
    card: card ? cardName(card, i18n) : text.yourDefaultCard,
  })
  if (!settings.monthlyCap) return line
  return `${line} ${i18n.t(text.summaryCap, { cap: i18n.formatMoney(settings.monthlyCap) })}`
}
