/**
 * What a component's `messages.ts` needs from the provider's i18n: its own strings in the
 * chosen language. A leaf module, so the component catalogs (which the full catalog type is
 * built from) never import the i18n context back.
 */
export type MessageSlice =
  | 'wallet'
  | 'paymentMethods'
  | 'subscriptions'
  | 'billingProfile'
  | 'transactions'
  | 'spendInsights'

export interface SliceSource {
  /**
   * One component's strings: its built-in English, the host's locale catalog over it, then the
   * host's overrides. Computed once per slice and provider value.
   */
  slice<T>(key: MessageSlice, english: T): T
}
