/**
 * The billing adapter contract: the only way the panel reaches data.
 *
 * Money is always integer minor units plus an ISO 4217 currency code; dates are ISO 8601
 * strings. Optional methods are capabilities: when an adapter lacks one, the matching action
 * is hidden in the UI rather than shown broken. What each method's result is checked against,
 * its route and who may call it live in the method registry (methods.ts).
 */
import type { METHODS } from './methods'
import type {
  AddFundsInput,
  AddFundsResult,
  AttachPaymentMethodInput,
  AutoRechargeSettings,
  BillingProfile,
  CancelSubscriptionInput,
  ChangePlanInput,
  InvoiceLinks,
  LedgerPage,
  ListLedgerInput,
  PaymentMethod,
  Plan,
  PlanChangePreview,
  SetupIntentResult,
  SpendSummary,
  SpendSummaryInput,
  Subscription,
  Wallet,
  WalletNotifications,
} from './model'

export * from './model'
export { OPTIONAL_METHODS, REQUIRED_METHODS, type OptionalMethod } from './methods'

// ---------------------------------------------------------------------------------------------
// The adapter
// ---------------------------------------------------------------------------------------------

export interface BillingAdapter {
  // Reads
  getBillingProfile(): Promise<BillingProfile | null>
  listSubscriptions(): Promise<Subscription[]>
  listPaymentMethods(): Promise<PaymentMethod[]>
  getWallet(): Promise<Wallet>
  listLedger(input: ListLedgerInput): Promise<LedgerPage>
  getInvoiceLinks?(invoiceId: string): Promise<InvoiceLinks>

  // Subscriptions
  cancelSubscription?(input: CancelSubscriptionInput): Promise<Subscription>
  resumeSubscription?(subscriptionId: string): Promise<Subscription>
  listPlans?(subscriptionId: string): Promise<Plan[]>
  previewPlanChange?(input: { subscriptionId: string; planId: string }): Promise<PlanChangePreview>
  changePlan?(input: ChangePlanInput): Promise<Subscription>

  // Payment methods
  createSetupIntent?(): Promise<SetupIntentResult>
  attachPaymentMethod?(input: AttachPaymentMethodInput): Promise<PaymentMethod>
  removePaymentMethod?(paymentMethodId: string): Promise<void>
  setDefaultPaymentMethod?(paymentMethodId: string): Promise<PaymentMethod[]>

  // Billing profile
  updateBillingProfile?(profile: BillingProfile): Promise<BillingProfile>

  // Wallet
  addFunds?(input: AddFundsInput): Promise<AddFundsResult>
  updateAutoRecharge?(settings: AutoRechargeSettings): Promise<Wallet>
  updateWalletNotifications?(settings: WalletNotifications): Promise<Wallet>

  // Insights
  getSpendSummary?(input: SpendSummaryInput): Promise<SpendSummary>
}

/** The names of every adapter method, reads and writes. */
export type BillingAdapterMethod = keyof BillingAdapter

/**
 * The registry and the interface agree: the same methods, optional exactly where the interface
 * says `?`, and each cleaner returns what its method promises (null when the adapter answered
 * nothing the panel needs, which it then refetches). A method added to one and not the other
 * fails to compile here.
 */
type Contract = {
  [K in keyof BillingAdapter]-?: {
    clean(value: unknown): CleanResult<Awaited<ReturnType<NonNullable<BillingAdapter[K]>>>>
  } & (undefined extends BillingAdapter[K] ? { optional: true } : { optional?: never })
}
type CleanResult<T> = T | null | Promise<T | null>
type Holds<T extends true> = T
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false
type _RegistryMatchesContract = Holds<SameKeys<typeof METHODS, BillingAdapter>> &
  Holds<typeof METHODS extends Contract ? true : false>
