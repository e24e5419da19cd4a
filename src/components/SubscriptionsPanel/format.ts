import type { BillingInterval, Money, PaymentMethod, Subscription } from '../../adapter/types'
import type { BillingI18n } from '../../i18n'
import { accessEndsAt } from './status'
import { subscriptionsText } from './messages'

type I18n = Pick<BillingI18n, 'messages' | 'slice' | 't' | 'plural' | 'formatMoney' | 'formatDate'>

/** "month", "3 months": the interval as it follows a price. */
export function intervalText(i18n: I18n, interval: BillingInterval, count: number): string {
  return i18n.plural(i18n.messages.common.intervals[interval], Math.max(1, count))
}

/** "$297.00 / month", "3 × $15.00 / month"; the plain price when the interval is unknown. */
export function priceText(
  i18n: I18n,
  price: Money | null,
  interval: BillingInterval | null,
  intervalCount = 1,
  quantity = 1,
): string {
  const m = subscriptionsText(i18n).card
  if (!price) return m.noPrice
  const unit = i18n.formatMoney(price)
  const amount = quantity > 1 ? i18n.t(m.quantityPrice, { quantity, price: unit }) : unit
  if (!interval) return amount
  return i18n.t(i18n.messages.common.pricePerInterval, {
    price: amount,
    interval: intervalText(i18n, interval, intervalCount),
  })
}

export function subscriptionPrice(i18n: I18n, subscription: Subscription): string {
  return priceText(i18n, subscription.price, subscription.interval, subscription.intervalCount, subscription.quantity)
}

/** Which renewal sentence a card shows; hosts can style each through `data-state`. */
export type RenewalState = 'renews' | 'cancels' | 'trial' | 'ended' | 'paused' | 'incomplete' | 'none'

/** The one line that says what happens next: renews, cancels, trial ends, or ended. */
export function renewalLine(i18n: I18n, subscription: Subscription): { state: RenewalState; text: string } {
  const m = subscriptionsText(i18n).card
  const date = (iso: string | null | undefined) => i18n.formatDate(iso, 'medium')
  if (subscription.status === 'canceled') {
    const ended = date(subscription.canceledAt ?? subscription.currentPeriodEnd)
    return { state: 'ended', text: ended ? i18n.t(m.ended, { date: ended }) : m.endedNoDate }
  }
  if (subscription.cancelAtPeriodEnd) {
    const ends = date(accessEndsAt(subscription))
    return { state: 'cancels', text: ends ? i18n.t(m.cancels, { date: ends }) : m.cancelsAtPeriodEnd }
  }
  if (subscription.status === 'trialing') {
    const trialEnd = date(subscription.trialEnd ?? subscription.currentPeriodEnd)
    if (trialEnd) return { state: 'trial', text: i18n.t(m.trialEnds, { date: trialEnd }) }
  }
  if (subscription.status === 'paused') return { state: 'paused', text: m.paused }
  if (subscription.status === 'incomplete') return { state: 'incomplete', text: m.incomplete }
  const renews = date(subscription.currentPeriodEnd)
  return renews
    ? { state: 'renews', text: i18n.t(m.renews, { date: renews }) }
    : { state: 'none', text: m.noRenewalDate }
}

/** "Visa •••• 4242", "BBVA •••• 6789". */
export function methodLabel(i18n: Pick<BillingI18n, 'messages' | 'slice' | 't'>, method: PaymentMethod): string {
  const common = i18n.messages.common
  if (method.type === 'bank_account') {
    return i18n.t(common.bankLabel, { bank: method.bankName || common.bankAccount, last4: method.last4 })
  }
  return i18n.t(common.cardLabel, { brand: common.brands[method.brand] ?? common.brands.unknown, last4: method.last4 })
}

/**
 * The card that pays a subscription. `null` means the account's default card, named with
 * "(default)"; an id the list no longer has says so instead of guessing. `undefined` while the
 * cards are still loading or failed to load.
 */
export function payingMethodText(
  i18n: Pick<BillingI18n, 'messages' | 'slice' | 't'>,
  subscription: Subscription,
  methods: readonly PaymentMethod[] | undefined,
): string | undefined {
  const m = subscriptionsText(i18n).card
  if (!methods) return undefined
  if (subscription.paymentMethodId === null) {
    const fallback = methods.find((method) => method.isDefault)
    return fallback ? i18n.t(m.defaultCard, { card: methodLabel(i18n, fallback) }) : m.defaultCardMissing
  }
  const method = methods.find((candidate) => candidate.id === subscription.paymentMethodId)
  if (!method) return m.cardMissing
  return method.isDefault ? i18n.t(m.defaultCard, { card: methodLabel(i18n, method) }) : methodLabel(i18n, method)
}

/** The card a plan change will be charged to: the subscription's own, or the default. */
export function chargedMethod(
  subscription: Subscription,
  methods: readonly PaymentMethod[] | undefined,
): PaymentMethod | null {
  if (!methods) return null
  if (subscription.paymentMethodId) return methods.find((m) => m.id === subscription.paymentMethodId) ?? null
  return methods.find((m) => m.isDefault) ?? null
}
