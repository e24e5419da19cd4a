import type { SliceSource } from '../../i18n/slice'
/** Strings of the wallet card, the add-funds dialog and the auto-recharge settings. */
const en = {
  title: 'Wallet',
  description:
    'Money you add becomes credits. Services such as SMS, email and calls spend them instead of charging your card.',
  loading: 'Loading wallet…',
  loadError: "We couldn't load your wallet.",
  balance: {
    label: 'Current balance',
    credits: 'Complimentary credits',
    available: 'Available in total',
    availableHint: 'Balance plus complimentary credits.',
    low: 'Low balance',
    lowDetail: 'At or below {threshold}. Add funds to keep paid services running.',
    lowDetailAuto: 'At or below {threshold}. Auto-recharge tops it up.',
  },
  credits: {
    title: 'Complimentary credits',
    hint: 'Spent before your paid balance.',
    fallbackName: 'Complimentary credit',
    expires: 'Expires {date}',
    noExpiry: 'No expiry',
    expiresSoon: { one: 'Expires tomorrow', other: 'Expires in {count} days' },
    expiresToday: 'Expires today',
  },
  actions: {
    addFunds: 'Add funds',
    setUpAutoRecharge: 'Set up auto-recharge',
    editAutoRecharge: 'Edit auto-recharge',
    addCard: 'Add a card',
    updateCard: 'Update card',
    reviewAutoRecharge: 'Review and turn on',
  },
  addFunds: {
    title: 'Add funds',
    description:
      'Add money to your wallet in one payment. It becomes credits that services use instead of charging your card.',
    presets: 'Suggested amounts',
    amount: 'Amount',
    amountHint: 'Between {min} and {max}.',
    card: 'Pay with',
    expires: 'Expires {date}',
    defaultBadge: 'Default',
    expired: 'Expired',
    noCard: 'There is no card on file. Add a card to add funds.',
    noCardTitle: 'No card on file',
    summary: "You'll be charged {amount} to {card}.",
    summaryBalance: 'Your balance will be {balance}.',
    submit: 'Pay {amount}',
    submitNoAmount: 'Pay',
    pending: 'Charging your card…',
    authenticating: 'Waiting for your bank to confirm the payment…',
    authFailed: 'Your bank could not confirm the payment, so nothing was charged. Try again or use another card.',
    success: 'Added {amount} to your wallet. Balance: {balance}.',
    processing:
      'Your payment of {amount} is processing. It will be added to your wallet as soon as your bank confirms it.',
    errorTitle: 'The payment did not go through',
    amountKept: 'Your amount is kept; nothing was charged twice.',
    serverAmount: "This amount wasn't accepted. Check the limits and try again.",
  },
  autoRecharge: {
    title: 'Auto-recharge',
    description:
      'When the balance falls below a limit you set, your card on file is charged to top up the wallet, so paid services are not interrupted.',
    status: { on: 'On', off: 'Off', paused: 'Paused' },
    summaryFixed: 'When the balance falls below {threshold}, add {amount} to {card}',
    summaryTarget: 'When the balance falls below {threshold}, restore it to {amount} with {card}',
    summaryCap: '(up to {cap} a month)',
    summaryOff: 'Auto-recharge is off',
    offHint: 'Turn it on to add funds automatically when the balance runs low.',
    yourDefaultCard: 'your default card',
    lastSucceeded: 'Last recharge: {amount} on {date}.',
    lastFailed: 'Last attempt on {date} failed.',
    lastSkipped: 'Skipped on {date}: the monthly limit was reached.',
    chargedThisMonth: 'Charged this month: {amount} of {cap}.',
    pausedTitle: 'Auto-recharge is paused',
    pausedReason: {
      card_declined: {
        one: 'The last recharge was declined by {card}.',
        other: 'The last {count} recharges were declined by {card}.',
      },
      no_payment_method: 'There is no card on file to charge.',
      unknown: 'Recharges kept failing.',
    },
    pausedFix: 'Update the card, then turn auto-recharge back on.',
    pausedSince: 'Paused since {date}.',
    form: {
      enabled: 'Recharge automatically',
      enabledHint: 'Charges {card} when the balance runs low.',
      threshold: 'When the balance falls below',
      mode: 'How much to recharge',
      modeFixed: 'Add a fixed amount',
      modeFixedHint: 'The same amount every time.',
      modeTarget: 'Restore the balance to',
      modeTargetHint: 'Tops the balance back up to a level.',
      amountFixed: 'Amount to add',
      amountTarget: 'Balance to restore',
      capEnabled: 'Limit auto-recharge per month',
      cap: 'Monthly limit',
      capHint: 'Charged this month: {amount}.',
      save: 'Save',
      saved: 'Auto-recharge saved: {summary}.',
      savedOff: 'Auto-recharge turned off.',
      noCard: 'Auto-recharge needs a card on file to charge. Add a card first.',
      noCardTitle: 'No card on file',
      chargeNow:
        'The balance ({balance}) is already at or below {threshold}. When you save, {amount} is charged to {card} right away.',
      errorTitle: "Auto-recharge wasn't saved",
      inputKept: 'Your settings are kept here; try again.',
    },
    errors: {
      thresholdNegative: "The limit can't be negative.",
      amountBelowMin: 'Recharge at least {min}.',
      amountAboveMax: 'Recharge at most {max}.',
      targetNotAboveThreshold: 'The balance to restore must be more than {threshold}.',
      capBelowRecharge: 'The monthly limit must cover at least one recharge ({amount}).',
      server: "This value wasn't accepted. Check it and try again.",
    },
  },
  notifications: {
    title: 'Email notifications',
    lowBalance: 'Email me when my balance falls below a limit',
    lowBalanceHint: 'Apart from auto-recharge: a reminder to add funds before paid services stop.',
    threshold: 'Email me when the balance falls below',
    receipts: 'Send me receipts for wallet top-ups',
    receiptsHint: 'A receipt with its PDF for every top-up and auto-recharge, sent to your billing email.',
    save: 'Save email settings',
    saving: 'Saving email settings…',
    saved: 'Email settings saved.',
    errorTitle: "Email settings weren't saved",
    thresholdInvalid: "This amount wasn't accepted. Enter zero or more.",
    needsBillingEmail: 'Add an email to your billing information first: that is where these emails go.',
    summaryLowBalance: 'Email when the balance falls below {threshold}',
    summaryLowBalanceOff: 'No low-balance emails',
    summaryReceipts: 'Receipts for top-ups by email',
    summaryReceiptsOff: 'No receipts by email',
  },
}

export type WalletMessages = typeof en
/**
 * The English strings, built in. Other languages live in `src/locales/<tag>/wallet.ts`: a key added
 * here needs its translation there in every language (tsc and tests/unit/locales.test.ts say which).
 */
export const walletMessages: WalletMessages = en

/** This component's strings in the provider's locale, with the host's overrides. */
export function walletText(i18n: SliceSource): WalletMessages {
  return i18n.slice('wallet', walletMessages)
}
