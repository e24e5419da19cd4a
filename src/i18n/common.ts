/** Strings shared by every component: errors, card brands, intervals, statuses. */
const en = {
  errors: {
    network: "We couldn't reach the billing service. Check your connection and try again.",
    timeout: 'The billing service took too long to answer. Nothing was changed twice; try again.',
    unauthorized: 'Your session has expired. Sign in again to manage billing.',
    forbidden: "You don't have permission to do this. Ask the account owner.",
    not_found: "We couldn't find that item. It may have been removed; the list has been refreshed.",
    validation: 'Some details need fixing. Check the highlighted fields.',
    card_declined: 'The card was declined.',
    requires_action: 'Your bank needs you to confirm this payment.',
    conflict: 'This changed somewhere else. The latest information has been loaded.',
    rate_limited: 'Too many attempts. Wait a moment and try again.',
    unavailable: 'The billing service is unavailable right now. Try again in a few minutes.',
    invalid_response: 'The billing service sent something we could not read. Try again later.',
    unknown: 'Something unexpected happened and nothing was charged. Try again.',
    decline: {
      generic_decline: 'The card was declined. Try another card or contact your bank.',
      card_declined: 'The card was declined. Try another card or contact your bank.',
      insufficient_funds: 'The card was declined for insufficient funds. Try another card.',
      expired_card: 'The card has expired. Use another card or update its details.',
      incorrect_cvc: "The card's security code is incorrect.",
      processing_error: "The card couldn't be processed. Try again in a moment.",
      authentication_failed: 'Your bank could not confirm the payment. Nothing was charged.',
    },
    retryIn: 'Try again in {seconds} s.',
  },
  brands: {
    visa: 'Visa',
    mastercard: 'Mastercard',
    amex: 'American Express',
    discover: 'Discover',
    diners: 'Diners Club',
    jcb: 'JCB',
    unionpay: 'UnionPay',
    unknown: 'Card',
  },
  wallets: { apple_pay: 'Apple Pay', google_pay: 'Google Pay', link: 'Link' },
  /** "Visa •••• 4242" */
  cardLabel: '{brand} •••• {last4}',
  bankLabel: '{bank} •••• {last4}',
  bankAccount: 'Bank account',
  intervals: {
    day: { one: 'day', other: '{count} days' },
    week: { one: 'week', other: '{count} weeks' },
    month: { one: 'month', other: '{count} months' },
    year: { one: 'year', other: '{count} years' },
  },
  /** "$29.00 / month" */
  pricePerInterval: '{price} / {interval}',
  defaultCard: 'default card',
  notAvailable: '—',
  readOnly: 'View only',
}

export type CommonMessages = typeof en
/**
 * The English strings, built in. Other languages live in `src/locales/<tag>/common.ts`: a key added
 * here needs its translation there in every language (tsc and tests/unit/locales.test.ts say which).
 */
export const commonMessages: CommonMessages = en
