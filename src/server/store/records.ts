/**
 * What the store keeps, as plain records: integer minor units, ISO-8601 UTC strings, booleans.
 * The repository maps rows to these and back; the service never sees a column name.
 */

export interface AccountRecord {
  id: string
  currency: string
  locale: string
  topUpMin: number
  topUpMax: number
  topUpPresets: number[]
  createdAt: string
}

export interface WalletRecord {
  accountId: string
  /** The paid balance, maintained with each ledger entry. */
  balance: number
  entryCount: number
  /** Until when an auto-recharge started by some instance owns the account's next recharge. */
  rechargeLease: string | null
}

export interface LedgerRecord {
  seq: number
  accountId: string
  id: string
  createdAt: string
  type: string
  status: 'succeeded' | 'failed' | 'pending' | 'refunded'
  description: string
  amount: number | null
  currency: string
  /** What the entry did to the paid balance. */
  walletDelta: number
  balanceAfter: number | null
  usageUnit: string | null
  usageQuantity: number | null
  invoiceId: string | null
  invoiceNumber: string | null
  paymentMethodId: string | null
  failureReason: string | null
  idempotencyKey: string | null
}

export type NewLedgerRecord = Omit<LedgerRecord, 'seq' | 'invoiceNumber'>

export interface LedgerQuery {
  types: readonly string[]
  from: string | null
  to: string | null
  /** Keyset position: entries strictly older than this (created_at, seq). */
  before: { createdAt: string; seq: number } | null
  limit: number
}

export interface CreditRecord {
  id: string
  description: string | null
  amount: number
  remaining: number
  grantedAt: string
  expiresAt: string | null
}

export interface AutoRechargeRecord {
  enabled: boolean
  threshold: number
  mode: 'fixed' | 'target'
  amount: number
  monthlyCap: number | null
  consecutiveFailures: number
  pausedReason: string | null
  pausedSince: string | null
  /** The month ("2026-12") `chargedAmount` counts, i.e. the month auto-recharge last charged. */
  chargedMonth: string | null
  chargedAmount: number
}

export interface RechargeAttemptRecord {
  at: string
  outcome: 'succeeded' | 'failed' | 'skipped_cap'
  amount: number
  declineCode: string | null
  entryId: string | null
}

export interface PaymentMethodRecord {
  id: string
  providerId: string | null
  type: string
  brand: string
  last4: string
  expMonth: number | null
  expYear: number | null
  wallet: string | null
  bankName: string | null
  holderName: string | null
  isDefault: boolean
  createdAt: string
}

export interface SetupIntentRecord {
  id: string
  clientSecret: string
  paymentMethodId: string | null
}

export interface PlanRecord {
  id: string
  product: string
  name: string
  description: string | null
  priceAmount: number
  currency: string
  interval: string
  intervalCount: number
  sort: number
}

export interface SubscriptionRecord {
  id: string
  kind: string
  product: string | null
  planId: string | null
  name: string
  description: string | null
  status: string
  priceAmount: number | null
  currency: string | null
  quantity: number
  interval: string | null
  intervalCount: number
  startDate: string | null
  currentPeriodEnd: string | null
  cancelAtPeriodEnd: boolean
  canceledAt: string | null
  cancelReason: string | null
  cancelComment: string | null
  trialEnd: string | null
  paymentMethodId: string | null
  manageUrl: string | null
  sort: number
}

export interface InvoiceRecord {
  id: string
  number: string
  kind: 'invoice' | 'receipt'
  createdAt: string
}

export interface ProfileRecord {
  name: string
  company: string | null
  email: string
  line1: string
  line2: string | null
  city: string
  region: string | null
  postalCode: string | null
  country: string
  taxIdType: string | null
  taxIdValue: string | null
  walletReceipts: boolean
}

export interface IdempotencyRecord {
  key: string
  operation: string
  fingerprint: string
  state: 'in_flight' | 'requires_action' | 'done'
  /** The first response, as the JSON text that was sent. */
  response: string | null
  attempt: number
  leaseUntil: string | null
  createdAt: string
}
