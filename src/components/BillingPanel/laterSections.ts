// The sections past the panel's first view, in one chunk (see BillingPanel).
export { SubscriptionsSection } from './SubscriptionsSection'
export { WalletSection } from './WalletSection'
