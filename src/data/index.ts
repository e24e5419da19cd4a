export { billingKeys, normalizeLedgerFilter } from './keys'
export {
  billingProfileQuery,
  ledgerQuery,
  paymentMethodsQuery,
  planPreviewQuery,
  plansQuery,
  spendSummaryQuery,
  STALE_TIME,
  subscriptionsQuery,
  walletQuery,
} from './queries'
export {
  capabilitiesOf,
  useBillingProfile,
  useCapabilities,
  useLedger,
  usePaymentMethods,
  usePlanChangePreview,
  usePlans,
  useSpendSummary,
  useSubscriptions,
  useWallet,
  type BillingCapabilities,
} from './hooks'
export {
  createIdempotencyKey,
  useAddFunds,
  useAttachPaymentMethod,
  useCancelSubscription,
  useChangePlan,
  useCreateSetupIntent,
  useInvoiceLinks,
  useRemovePaymentMethod,
  useResumeSubscription,
  useSetDefaultPaymentMethod,
  useUpdateAutoRecharge,
  useUpdateWalletNotifications,
  useUpdateBillingProfile,
} from './mutations'
export { fetchLedgerPages, useLedgerPages, type LedgerPagesOptions } from './export'
