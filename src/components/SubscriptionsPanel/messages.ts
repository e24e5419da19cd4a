import type { SliceSource } from '../../i18n/slice'
/** Strings of the subscriptions panel, its cards and its cancel and change-plan dialogs. */
const en = {
  title: 'Manage subscriptions',
  description:
    'Every subscription of this account in one place: your platform plan, resale services and marketplace apps.',
  loading: 'Loading subscriptions…',
  loadError: "We couldn't load your subscriptions",
  count: { one: '{count} subscription', other: '{count} subscriptions' },
  groups: {
    platform: {
      title: '{brand} subscription',
      titleGeneric: 'Platform plan',
      description: 'Your software-as-a-service subscription, tailored to your business.',
      empty: 'No platform plan',
      emptyDescription: 'This account has no plan of its own yet.',
    },
    resale: {
      title: 'Resale subscriptions',
      description: 'Subscriptions for the extra services you hired.',
      empty: 'No resale subscriptions',
      emptyDescription: 'Services you hire on top of your plan will show up here.',
    },
    marketplace: {
      title: 'Marketplace app subscriptions',
      description: 'Subscriptions for the marketplace apps connected to your account.',
      empty: 'No marketplace apps',
      emptyDescription: 'Apps you install from the marketplace will show up here.',
    },
  },
  status: {
    active: 'Active',
    trialing: 'Trial',
    past_due: 'Past due',
    paused: 'Paused',
    canceled: 'Canceled',
    incomplete: 'Incomplete',
    unknown: 'Unknown status',
  },
  card: {
    quantityPrice: '{quantity} × {price}',
    noPrice: 'Price not available',
    renews: 'Renews on {date}',
    cancels: 'Cancels on {date}',
    cancelsAtPeriodEnd: 'Cancels at the end of the billing period',
    trialEnds: 'Trial ends on {date}',
    ended: 'Ended on {date}',
    endedNoDate: 'This subscription has ended',
    paused: 'Billing is paused; it will not renew until it is resumed',
    incomplete: "The first payment hasn't gone through yet",
    noRenewalDate: 'No renewal date',
    paidWith: 'Paid with',
    defaultCard: '{card} (default)',
    defaultCardMissing: 'Your default card',
    cardMissing: 'A card no longer on file',
    started: 'Started',
    noDate: 'Not available',
    manage: 'Manage app',
    opensInNewTab: '(opens in a new tab)',
  },
  actions: {
    cancel: 'Cancel subscription',
    resume: 'Resume subscription',
    resuming: 'Resuming subscription…',
    changePlan: 'Change plan',
  },
  resume: {
    success: '{name} will keep renewing. Next renewal: {date}.',
    successNoDate: '{name} will keep renewing.',
    failed: "We couldn't resume {name}.",
  },
  pastDue: {
    title: { one: 'A payment is past due', other: '{count} payments are past due' },
    text: "We couldn't charge the last renewal of {names}. Update your payment method to keep these services running.",
    action: 'Update payment method',
    listSeparator: ', ',
  },
  cancel: {
    title: 'Cancel {name}?',
    description: "You'll keep access until {date}. After that it won't renew and you won't be charged again.",
    descriptionNoDate:
      "You'll keep access until the end of the current billing period. After that it won't renew and you won't be charged again.",
    whatHappens: 'What happens next',
    walletStays: 'Your wallet balance and complimentary credits stay in your account.',
    usageStops: 'Usage billed to this service stops on {date}.',
    usageStopsNoDate: 'Usage billed to this service stops when the period ends.',
    canResume: 'You can resume it any time before {date}.',
    canResumeNoDate: 'You can resume it any time before the period ends.',
    reason: 'Why are you canceling?',
    reasonHint: 'Optional. It helps us improve.',
    reasons: {
      too_expensive: 'Too expensive',
      missing_features: "It's missing features I need",
      switched_service: 'I switched to another service',
      unused: "I don't use it enough",
      other: 'Other reason',
    },
    comment: 'Anything else you want to tell us?',
    commentHint: 'Optional, up to {max} characters.',
    confirm: 'Cancel subscription',
    keep: 'Keep subscription',
    pending: 'Canceling subscription…',
    success: '{name} is set to cancel on {date}.',
    successNoDate: '{name} is set to cancel at the end of the billing period.',
    failedTitle: "The subscription wasn't canceled",
    choiceKept: 'Your answers are kept. Try again when you are ready.',
    alreadyCanceling: 'This subscription is already set to cancel on {date}.',
    alreadyCancelingNoDate: 'This subscription is already set to cancel.',
    alreadyCanceled: 'This subscription has already been canceled.',
    close: 'Close',
  },
  changePlan: {
    title: 'Change plan',
    description: 'Choose a new plan for {name}. You will see what it costs before confirming.',
    plans: 'Plans',
    current: 'Current plan',
    loadingPlans: 'Loading plans…',
    plansError: "We couldn't load the plans",
    noPlans: 'There are no other plans to switch to.',
    loadingPreview: 'Calculating the cost…',
    previewError: "We couldn't calculate the cost",
    pickPlan: 'Choose a plan to see what it costs.',
    effectiveNow: 'The new plan starts today. The rest of this period is prorated.',
    effectivePeriodEnd: 'The new plan starts on {date}, at your next renewal. Nothing is charged today.',
    dueToday: 'Total due today',
    dueNextCycle: 'Due next cycle ({date})',
    chargedTo: 'Charged to {card}.',
    confirm: 'Change plan',
    confirmPay: 'Pay {amount} and change plan',
    confirmScheduled: 'Change plan at renewal',
    pending: 'Changing plan…',
    authenticating: 'Waiting for your bank to confirm the payment…',
    authFailed: 'Your bank could not confirm the payment, so nothing was charged. Try again.',
    success: 'Your plan is now {plan}.',
    successScheduled: '{plan} starts on {date}.',
    failedTitle: "The plan wasn't changed",
    choiceKept: 'Your choice is kept; nothing was charged twice.',
    cancel: 'Keep current plan',
  },
}

export type SubscriptionsMessages = typeof en
/**
 * The English strings, built in. Other languages live in `src/locales/<tag>/subscriptions.ts`: a key added
 * here needs its translation there in every language (tsc and tests/unit/locales.test.ts say which).
 */
export const subscriptionsMessages: SubscriptionsMessages = en

/** This component's strings in the provider's locale, with the host's overrides. */
export function subscriptionsText(i18n: SliceSource): SubscriptionsMessages {
  return i18n.slice('subscriptions', subscriptionsMessages)
}
