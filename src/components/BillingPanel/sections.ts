/** The panel's three sections, as in the source article: Payments, Subscriptions, Wallet & Transactions. */
export const BILLING_SECTIONS = ['payments', 'subscriptions', 'wallet'] as const
export type BillingSection = (typeof BILLING_SECTIONS)[number]
