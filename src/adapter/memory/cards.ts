import type { CardBrand, PaymentMethod } from '../types'

/**
 * Card numbers that behave like Stripe's test cards, so demos and tests can reach every
 * payment outcome without a real processor.
 */
const DECLINE_BY_LAST4: Record<string, string> = {
  '0002': 'card_declined',
  '9995': 'insufficient_funds',
  '0069': 'expired_card',
}
/** Asks for 3-D Secure on a top-up made while the customer is present. */
export const REQUIRES_ACTION_LAST4 = '3155'

/** Stripe test PaymentMethod tokens → the card each one stands for. */
const STRIPE_TEST_TOKENS: Record<string, { brand: CardBrand; last4: string }> = {
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_visa_debit: { brand: 'visa', last4: '5556' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_mastercard_debit: { brand: 'mastercard', last4: '8210' },
  pm_card_amex: { brand: 'amex', last4: '0005' },
  pm_card_discover: { brand: 'discover', last4: '1117' },
  pm_card_jcb: { brand: 'jcb', last4: '0000' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002' },
  pm_card_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995' },
  pm_card_chargeDeclinedExpiredCard: { brand: 'visa', last4: '0069' },
  pm_card_threeDSecure2Required: { brand: 'visa', last4: REQUIRES_ACTION_LAST4 },
}

export function isStripeTestToken(paymentMethodId: string): boolean {
  return paymentMethodId in STRIPE_TEST_TOKENS
}

/** Brand and last 4 of a newly attached card; unknown ids become Visa cards numbered by `counter`. */
export function cardDetailsFor(
  paymentMethodId: string | null | undefined,
  counter: number,
): { brand: CardBrand; last4: string } {
  const known = paymentMethodId ? STRIPE_TEST_TOKENS[paymentMethodId] : undefined
  if (known) return { ...known }
  return {
    brand: 'visa',
    last4: String(4242 + counter)
      .padStart(4, '0')
      .slice(-4),
  }
}

/** A card is good through the last day of its expiry month (UTC). */
export function isExpired(card: Pick<PaymentMethod, 'expMonth' | 'expYear'>, now: Date): boolean {
  if (card.expYear == null || card.expMonth == null) return false
  const year = now.getUTCFullYear()
  const month = now.getUTCMonth() + 1
  return card.expYear < year || (card.expYear === year && card.expMonth < month)
}

export type ChargeOutcome = { ok: true } | { ok: false; declineCode: string } | { ok: false; requiresAction: true }

/**
 * What charging this card does. Off-session charges (auto-recharge) cannot show a 3-D Secure
 * challenge, so a card that needs one fails with `authentication_required`, as at Stripe.
 */
export function chargeCard(card: PaymentMethod, now: Date, session: 'on' | 'off'): ChargeOutcome {
  if (isExpired(card, now)) return { ok: false, declineCode: 'expired_card' }
  const decline = DECLINE_BY_LAST4[card.last4]
  if (decline) return { ok: false, declineCode: decline }
  if (card.last4 === REQUIRES_ACTION_LAST4) {
    return session === 'on'
      ? { ok: false, requiresAction: true }
      : { ok: false, declineCode: 'authentication_required' }
  }
  return { ok: true }
}
