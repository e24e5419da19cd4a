const en = {
  title: 'Billing',
  description: 'Subscriptions, payment methods, billing information, charges and your wallet, in one place.',
  sectionsLabel: 'Billing sections',
  sections: {
    payments: 'Payments',
    subscriptions: 'Subscriptions',
    wallet: 'Wallet & Transactions',
  },
  sectionDescriptions: {
    payments: 'Add or remove cards, choose your default card and keep your billing information up to date.',
    subscriptions: 'Every active subscription of this account: your plan, resale services and marketplace apps.',
    wallet: 'Your balance, complimentary credits, auto-recharge and the full history of charges and invoices.',
  },
}
export type PanelMessages = typeof en
/**
 * The English strings, built in. Other languages live in `src/locales/<tag>/panel.ts`: a key added
 * here needs its translation there in every language (tsc and tests/unit/locales.test.ts say which).
 */
export const panelMessages: PanelMessages = en
