import { joinMessages } from '../../i18n/merge'
import type { SliceSource } from '../../i18n/slice'
import { paymentMethodsMessages } from './messages'

const en = {
  add: {
    title: 'Add new card',
    description:
      'Your card details go straight to Stripe, our payment processor. We never see or store the full card number.',
    preparing: 'Loading the secure card form…',
    makeDefault: 'Make this my default card',
    makeDefaultDescription: 'Subscriptions, renewals and auto-recharge will be charged to it.',
    submit: 'Save card',
    submitting: 'Saving card…',
    authenticating: 'Waiting for your bank…',
    attaching: 'Adding card to your account…',
    success: '{card} added.',
    successDefault: '{card} added and set as your default card.',
    stripeFailed: {
      title: "The secure card form couldn't load",
      text: "We couldn't reach Stripe, our payment processor. Check your connection, or whether an extension or network filter blocks js.stripe.com, then try again.",
      timeout: 'Stripe, our payment processor, is taking too long to answer. Check your connection and try again.',
    },
    intentFailed: "We couldn't start adding a card.",
    declined: "Your card wasn't saved",
    authFailed: "Your bank didn't confirm the card",
    authFailedHint: 'Nothing was saved. Try again or use another card.',
    connection: "We couldn't reach Stripe",
    stripeError: "Your card wasn't saved",
    stripeErrorFallback: 'Stripe could not save this card. Try again or use another card.',
    incomplete: "Your bank didn't finish confirming the card. Nothing was saved; try again.",
    finish: {
      title: "Your card was saved with Stripe but we couldn't finish adding it",
      checking: "We're checking again…",
      notYet: "It isn't on your account yet. You don't need to enter the card again: try finishing it now.",
      reason: 'What went wrong: {reason}',
      retry: 'Finish adding card',
      later: 'Finish later',
    },
  },
  remove: {
    title: 'Remove {card}?',
    description:
      "It will be removed from your account and won't be charged again. To use it later, you'll need to add it again.",
    confirm: 'Remove card',
    pending: 'Removing card…',
    success: '{card} removed.',
    lastCard: 'This is your only card. Subscription renewals and auto-recharge will fail until you add another card.',
    defaultNote: 'It is your default card. After removing it, set another card as default.',
    loading: 'Checking what this card pays for…',
    conflict:
      'This card is still in use by a subscription or by auto-recharge, so it was not removed. We reloaded what depends on it.',
    notFound: 'This card had already been removed. The list has been refreshed.',
    blocked: {
      title: "{card} can't be removed yet",
      description: 'Something still charges this card. Nothing has been removed.',
      dependsDefault: 'It is your default card, and these are charged to it:',
      dependsExplicit: 'These are charged to this card:',
      autoRecharge: 'Wallet auto-recharge',
      subscription: '{name} (subscription)',
      fixDefault: 'Choose another card as your default first, then you can remove this one.',
      fixExplicit: 'Change the card these subscriptions are charged to before removing this one.',
      fixAddCard: 'Add another card first and make it your default; then you can remove this one.',
      newDefault: 'New default card',
      makeDefault: 'Make default',
      makingDefault: 'Making it your default…',
      madeDefault: '{card} is now your default card. You can remove {old} now.',
      addCard: 'Add new card',
      keep: 'Keep this card',
    },
    done: 'Done',
  },
}

/** Every `paymentMethods` string: the list's (`messages.ts`) and its dialogs'. Catalogs follow this shape. */
export type PaymentMethodsMessages = typeof paymentMethodsMessages & typeof en

/** The whole slice in English; travels with the dialogs, so the list alone does not carry their text. */
export const paymentMethodsEnglish: PaymentMethodsMessages = joinMessages(paymentMethodsMessages, en)

/** The component's strings with its dialogs', in the provider's locale, with the host's overrides. */
export function paymentMethodsDialogText(i18n: SliceSource): PaymentMethodsMessages {
  return i18n.slice('paymentMethods', paymentMethodsEnglish)
}
