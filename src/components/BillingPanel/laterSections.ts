// The sections past the panel's first view, in one chunk (see BillingPanel).
export { SubscriptionsSection } from './SubscriptionsSection'
export { WalletSection } from './WalletSection'
// Their dialogs come in the same chunk: the panel fetches everything once the browser idles, and
// one chunk weighs 2.6 KB less than three. WalletCard and SubscriptionsPanel still import them
// lazily, so a host showing either component alone keeps their dialogs out of its first view.
export * as subscriptionDialogs from '../SubscriptionsPanel/dialogs'
export * as walletDialogs from '../WalletCard/dialogs'
