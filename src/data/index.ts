export { billingKeys, normalizeLedgerFilter, STALE_TIME } from './keys'
export { billingProfileQuery, useBillingProfile, useUpdateBillingProfile } from './billingProfile'
export { paymentMethodsQuery, usePaymentMethods, useSetDefaultPaymentMethod } from './paymentMethods'
export { useAttachPaymentMethod, useCreateSetupIntent, useRemovePaymentMethod } from './cardChanges'
export {
  planPreviewQuery,
  plansQuery,
  subscriptionsQuery,
  useCancelSubscription,
  useChangePlan,
  usePlanChangePreview,
  usePlans,
  useResumeSubscription,
  useSubscriptions,
} from './subscriptions'
export {
  useAddFunds,
  useUpdateAutoRecharge,
  useUpdateWalletNotifications,
  useWallet,
  walletQuery,
} from './wallet'
export { ledgerQuery, useInvoiceLinks, useLedger } from './ledger'
export { spendSummaryQuery, useSpendSummary } from './spend'
export { capabilitiesOf, useCapabilities, type BillingCapabilities } from './capabilities'
export { createIdempotencyKey } from './mutation'
export { fetchLedgerPages, useLedgerPages, type LedgerPagesOptions } from './export'
