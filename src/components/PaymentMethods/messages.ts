import type { SliceSource } from '../../i18n/slice'
const en = {
  title: 'Payment methods',
  description:
    'Cards used for your subscriptions, wallet top-ups and auto-recharge. The default card is charged first.',
  loading: 'Loading payment methods…',
  loadError: "We couldn't load your payment methods",
  listLabel: 'Saved payment methods',
  addCard: 'Add new card',
  empty: {
    title: 'No cards yet',
    description: 'Add a card to pay your subscriptions and recharge your wallet without interruptions.',
    readOnlyDescription: 'No payment methods are on file for this account.',
  },
  row: {
    defaultBadge: 'Default',
    expired: 'Expired',
    expiringSoon: 'Expires soon',
    expires: 'Expires {date}',
    expiredOn: 'Expired {date}',
    bankAccount: 'Bank debit',
    setDefault: 'Set as default',
    setDefaultFor: 'Set as default: {card}',
    remove: 'Remove',
    removeFor: 'Remove {card}',
    settingDefault: 'Making it your default card…',
  },
  defaultExpired: {
    title: 'Your default card has expired',
    text: 'Renewals and auto-recharge will fail until you set another card as default or add a new one.',
  },
  noDefault: 'None of your cards is the default. Set one as default so renewals and auto-recharge can be charged.',
  setDefault: {
    success: '{card} is now your default card.',
    failed: "We couldn't make {card} your default card.",
    keptPrevious: '{card} is still your default card.',
    keptNone: 'Nothing was changed.',
  },
}

/** The strings the list shows; the dialogs' own are in `dialogMessages.ts`, loaded with them. */
export type PaymentMethodsListMessages = typeof en
/**
 * The list's English strings, built in. Other languages live in `src/locales/<tag>/paymentMethods.ts`: a key added
 * here needs its translation there in every language (tsc and tests/unit/locales.test.ts say which).
 */
export const paymentMethodsMessages: PaymentMethodsListMessages = en

/** This component's strings in the provider's locale, with the host's overrides. */
export function paymentMethodsText(i18n: SliceSource): PaymentMethodsListMessages {
  return i18n.slice('paymentMethods', paymentMethodsMessages)
}
