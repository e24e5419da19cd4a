/** Strings used by the internal primitives (buttons, dialogs, fields, states). */
const en = {
  close: 'Close',
  cancel: 'Cancel',
  confirm: 'Confirm',
  retry: 'Try again',
  reloadPage: 'Reload page',
  /** After a retry failed too: some browsers only fetch code that failed once again on a reload. */
  reloadHint: "This part of the page still didn't load. Reloading the page fetches it again.",
  loading: 'Loading…',
  working: 'Working…',
  required: 'required',
  optional: 'optional',
  errorTitle: "That didn't work",
  dismiss: 'Dismiss',
  money: {
    empty: 'Enter an amount.',
    invalid: 'Use numbers only, e.g. {example}.',
    negative: "The amount can't be negative.",
    too_many_decimals: 'Use at most {decimals} decimals.',
    no_decimals: "This currency doesn't use decimals.",
    too_large: 'That amount is too large.',
    belowMin: 'The minimum is {min}.',
    aboveMax: 'The maximum is {max}.',
    amountIn: 'Amount in {currency}',
  },
}

export type UiMessages = typeof en
/**
 * The English strings, built in. Other languages live in `src/locales/<tag>/ui.ts`: a key added
 * here needs its translation there in every language (tsc and tests/unit/locales.test.ts say which).
 */
export const uiMessages: UiMessages = en
