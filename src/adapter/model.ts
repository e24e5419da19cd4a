/**
 * The data the adapter contract moves: money, subscriptions, payment methods, the billing
 * profile, the wallet, the ledger and spend insights. `types.ts` adds the adapter interface and
 * re-exports all of this; modules the method registry needs (sanitize.ts) import from here, so
 * the registry can sit under the contract without a circle.
 *
 * Money is always integer minor units plus an ISO 4217 currency code; dates are ISO 8601
 * strings.
 */

/** Integer amount in the currency's minor unit (cents for USD, céntimos for EUR). */
export interface Money {
  amount: number
  /** ISO 4217, upper case: "USD", "EUR", "MXN". */
  currency: string
}

/** ISO 8601 date-time string, e.g. "2026-11-26T19:30:00.000Z". */
export type IsoDateTime = string

// ---------------------------------------------------------------------------------------------
// Subscriptions
// ---------------------------------------------------------------------------------------------

/** platform: the CRM's own SaaS plan; resale: services bought through the agency; marketplace: apps. */
export type SubscriptionKind = 'platform' | 'resale' | 'marketplace'

export const SUBSCRIPTION_STATUSES = ['active', 'trialing', 'past_due', 'paused', 'canceled', 'incomplete'] as const
/** `unknown` is what any status the panel does not know becomes at the boundary. */
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number] | 'unknown'

export type BillingInterval = 'day' | 'week' | 'month' | 'year'

export interface Subscription {
  id: string
  kind: SubscriptionKind
  name: string
  description?: string | null
  status: SubscriptionStatus
  /** The adapter's original status when it was not one the panel knows. */
  rawStatus?: string | null
  /** Unit price per interval; `null` when the adapter did not send a usable one. */
  price: Money | null
  quantity: number
  interval: BillingInterval | null
  intervalCount: number
  startDate: IsoDateTime | null
  currentPeriodEnd: IsoDateTime | null
  /** true when the subscription is set to end at `currentPeriodEnd`. */
  cancelAtPeriodEnd: boolean
  canceledAt?: IsoDateTime | null
  trialEnd?: IsoDateTime | null
  /** The card that pays it; `null` means the account's default card. */
  paymentMethodId: string | null
  planId?: string | null
  /** Marketplace apps may link to their own management page (only http(s) survives the boundary). */
  manageUrl?: string | null
}

export const CANCEL_REASONS = ['too_expensive', 'missing_features', 'switched_service', 'unused', 'other'] as const
export type CancelReason = (typeof CANCEL_REASONS)[number]

export interface CancelSubscriptionInput {
  subscriptionId: string
  reason?: CancelReason
  comment?: string
}

export interface Plan {
  id: string
  name: string
  description?: string | null
  price: Money
  interval: BillingInterval
  intervalCount: number
  current?: boolean
}

export interface ProrationLine {
  description: string
  amount: Money
}

export interface PlanChangePreview {
  subscriptionId: string
  planId: string
  /** `now` for upgrades charged today, `period_end` for downgrades applied at renewal. */
  effective: 'now' | 'period_end'
  dueToday: Money
  nextCycle: { amount: Money; date: IsoDateTime }
  lines: ProrationLine[]
}

export interface ChangePlanInput {
  subscriptionId: string
  planId: string
  idempotencyKey: string
}

// ---------------------------------------------------------------------------------------------
// Payment methods
// ---------------------------------------------------------------------------------------------

export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'discover', 'diners', 'jcb', 'unionpay'] as const
export type CardBrand = (typeof CARD_BRANDS)[number] | 'unknown'

export type PaymentMethodType = 'card' | 'bank_account' | 'unknown'
export type CardWallet = 'apple_pay' | 'google_pay' | 'link'

export interface PaymentMethod {
  id: string
  type: PaymentMethodType
  brand: CardBrand
  last4: string
  expMonth: number | null
  expYear: number | null
  /** Set when the card lives in a device wallet. */
  wallet?: CardWallet | null
  /** Bank debits: the bank's name. */
  bankName?: string | null
  holderName?: string | null
  isDefault: boolean
}

export interface SetupIntentResult {
  /** Stripe SetupIntent client secret, handed to Stripe Elements. */
  clientSecret: string
}

export interface AttachPaymentMethodInput {
  /** Stripe's SetupIntent id after `confirmSetup` succeeded. */
  setupIntentId: string
  /** Stripe's PaymentMethod id, when known on the client. */
  paymentMethodId?: string | null
  makeDefault: boolean
}

// ---------------------------------------------------------------------------------------------
// Billing profile
// ---------------------------------------------------------------------------------------------

export interface BillingAddress {
  line1: string
  line2?: string | null
  city: string
  region?: string | null
  postalCode?: string | null
  /** ISO 3166-1 alpha-2, upper case. */
  country: string
}

export interface TaxId {
  /** Stripe-style tax id type, e.g. "eu_vat", "mx_rfc", "es_cif", "us_ein", "br_cnpj". */
  type: string
  value: string
}

export interface BillingProfile {
  name: string
  company?: string | null
  /** Where invoices and receipts are sent. */
  email: string
  address: BillingAddress
  taxId?: TaxId | null
  /** Receipts for wallet top-ups are not sent by default; the account owner may opt in. */
  walletReceipts: boolean
}

// ---------------------------------------------------------------------------------------------
// Wallet
// ---------------------------------------------------------------------------------------------

/** A grant of complimentary credits, spent before the paid balance. */
export interface WalletCredit {
  id: string
  description?: string | null
  /** What is left of the grant. */
  remaining: Money
  grantedAt?: IsoDateTime | null
  expiresAt: IsoDateTime | null
}

/** fixed: add `amount` each time; target: top the balance back up to `amount`. */
export type AutoRechargeMode = 'fixed' | 'target'

export interface AutoRechargeSettings {
  enabled: boolean
  /** Recharge when the paid balance falls to or below this. */
  threshold: Money
  mode: AutoRechargeMode
  /** fixed: the amount added; target: the balance restored to. */
  amount: Money
  /** Most that auto-recharge may charge in one calendar month; `null` for no cap. */
  monthlyCap: Money | null
}

export type AutoRechargePauseReason = 'card_declined' | 'no_payment_method' | 'unknown'

export interface AutoRechargeAttempt {
  at: IsoDateTime
  outcome: 'succeeded' | 'failed' | 'skipped_cap'
  amount: Money
  declineCode?: string | null
}

export interface AutoRechargeState extends AutoRechargeSettings {
  /** Set when auto-recharge stopped itself after repeated failures. */
  paused: { reason: AutoRechargePauseReason; since: IsoDateTime } | null
  consecutiveFailures: number
  lastAttempt: AutoRechargeAttempt | null
  /** Charged by auto-recharge in the current calendar month. */
  chargedThisMonth: Money
}

export interface TopUpLimits {
  min: Money
  max: Money
  /** Suggested amounts; empty means the panel picks sensible ones for the currency. */
  presets: Money[]
}

export interface Wallet {
  currency: string
  /** Paid balance, money the account added. */
  balance: Money
  /** Complimentary credits, kept apart from the paid balance. */
  credits: WalletCredit[]
  topUp: TopUpLimits
  autoRecharge: AutoRechargeState
  /** What the account is told by email; missing when the adapter does not offer it. */
  notifications?: WalletNotifications | null
}

/** The wallet's emails, apart from auto-recharge. */
export interface WalletNotifications {
  /** Email when the paid balance falls to or below this amount; null sends none. */
  lowBalanceEmail: Money | null
  /** Email a receipt (with its PDF) for every top-up and auto-recharge. */
  receipts: boolean
}

export interface AddFundsInput {
  amount: Money
  paymentMethodId: string
  /** One key per top-up intent; a retry with the same key never charges twice. */
  idempotencyKey: string
}

export interface AddFundsResult {
  entry: LedgerEntry
  wallet: Wallet
}

// ---------------------------------------------------------------------------------------------
// Ledger (charges, top-ups, usage, refunds, credits) and invoices
// ---------------------------------------------------------------------------------------------

export const LEDGER_ENTRY_TYPES = [
  'subscription_charge',
  'top_up',
  'auto_recharge',
  'usage',
  'refund',
  'credit_grant',
  'adjustment',
] as const
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number] | 'unknown'

export const LEDGER_ENTRY_STATUSES = ['succeeded', 'pending', 'failed', 'refunded'] as const
export type LedgerEntryStatus = (typeof LEDGER_ENTRY_STATUSES)[number] | 'unknown'

/** The usage categories every adapter knows, labelled in each locale; a host adds its own keys. */
export const BUILT_IN_USAGE_UNITS = ['sms', 'email', 'call_minute', 'ai_request', 'phone_number'] as const
export type BuiltInUsageUnit = (typeof BUILT_IN_USAGE_UNITS)[number]
/** The built-in categories (the name this list had before hosts could add their own). */
export const USAGE_UNITS = BUILT_IN_USAGE_UNITS
/** What a usage category key looks like: `sms`, `whatsapp`, `ai_tokens`. */
export const USAGE_CATEGORY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/
/** A usage category key: a built-in one or the host's own (matching USAGE_CATEGORY_PATTERN). */
export type UsageUnit = BuiltInUsageUnit | (string & {})

export interface InvoiceRef {
  id: string
  number: string
}

export interface LedgerEntry {
  id: string
  createdAt: IsoDateTime
  type: LedgerEntryType
  status: LedgerEntryStatus
  description: string
  /**
   * Signed, from the account's side: positive adds to the account (top-ups, refunds, credits),
   * negative takes from it (usage, subscription charges). `null` when the adapter sent none.
   */
  amount: Money | null
  /** Paid wallet balance after this entry, for wallet entries. */
  balanceAfter?: Money | null
  /** `label` is the host's name for its own category; built-in ones are labelled by the catalog. */
  usage?: { unit: UsageUnit; quantity: number; label?: string | null } | null
  invoice?: InvoiceRef | null
  paymentMethodId?: string | null
  /** Why a failed entry failed (a decline code or a short reason). */
  failureReason?: string | null
}

export interface LedgerFilter {
  /** Empty or missing means every type. */
  types?: LedgerEntryType[]
  /** Inclusive lower bound. */
  from?: IsoDateTime | null
  /** Exclusive upper bound. */
  to?: IsoDateTime | null
}

export interface ListLedgerInput {
  filter?: LedgerFilter
  cursor?: string | null
  /** Page size; adapters may cap it. */
  limit?: number
}

export interface LedgerPage {
  entries: LedgerEntry[]
  nextCursor: string | null
  /** Total entries matching the filter, when the adapter can tell cheaply. */
  totalCount?: number | null
}

export interface InvoiceLinks {
  /** A page where the invoice can be read. */
  viewUrl: string | null
  /** A PDF download; may be short-lived, so it is asked for at click time. */
  downloadUrl: string | null
  expiresAt?: IsoDateTime | null
}

// ---------------------------------------------------------------------------------------------
// Spend insights
// ---------------------------------------------------------------------------------------------

export const SPEND_GRANULARITIES = ['day', 'month'] as const
/** Periods are UTC calendar days or months. */
export type SpendGranularity = (typeof SPEND_GRANULARITIES)[number]

export interface SpendSummaryInput {
  /** Inclusive lower bound on the usage entries' `createdAt`. */
  from: IsoDateTime
  /** Exclusive upper bound. */
  to: IsoDateTime
  granularity: SpendGranularity
}

/** A usage category: the host's key (a usage unit) and the label it shows it under. */
export interface SpendCategory {
  key: string
  label: string
  /** Spent on it over the whole range. */
  total: Money
}

export interface SpendPeriod {
  /** The UTC period: "2026-11-26" by day, "2026-11" by month. */
  period: string
  /** Positive amounts, one per category with spend in the period. */
  spend: Array<{ category: string; amount: Money }>
  total: Money
}

/**
 * What succeeded usage entries in `[from, to)` cost: positive amounts (what usage took from
 * credits and balance together), by period and category.
 */
export interface SpendSummary {
  from: IsoDateTime
  to: IsoDateTime
  granularity: SpendGranularity
  currency: string
  /** Every category with spend in the range, most spent first. */
  categories: SpendCategory[]
  /** Periods with any spend, oldest first; periods without spend may be left out. */
  periods: SpendPeriod[]
  total: Money
}
