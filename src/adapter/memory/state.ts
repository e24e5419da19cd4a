import type {
  AutoRechargeState,
  BillingProfile,
  PaymentMethod,
  Plan,
  Subscription,
  TopUpLimits,
  WalletCredit,
  WalletNotifications,
} from '../types'

export interface WalletState {
  currency: string
  /** Paid balance, minor units. */
  balance: number
  credits: WalletCredit[]
  topUp: TopUpLimits
  autoRecharge: AutoRechargeState
  /** The calendar month (UTC, "YYYY-MM") that `autoRecharge.chargedThisMonth` counts. */
  chargedMonth: string
  /** The wallet's emails; missing in state persisted before they existed. */
  notifications?: WalletNotifications
}

/** What an idempotency key settled on; kept (and persisted) so a retry gets the same answer. */
export type IdempotencyRecord =
  | { fingerprint: string; outcome: 'succeeded'; ref: string }
  | { fingerprint: string; outcome: 'declined'; declineCode: string }

/** Everything the adapter changes; the seeded ledger rows live apart, in the History. */
export interface MemoryState {
  profile: BillingProfile | null
  subscriptions: Subscription[]
  plans: Plan[]
  paymentMethods: PaymentMethod[]
  wallet: WalletState
  /** SetupIntent id → the card attached with it (null while unused). */
  setupIntents: Record<string, string | null>
  /** `<method>:<key>` → outcome. */
  idempotency: Record<string, IdempotencyRecord>
  /** Top-up keys waiting for 3-D Secure → their fingerprint. */
  awaitingAction: Record<string, string>
  counters: { cards: number; setupIntents: number }
  invoiceCounter: { year: number; n: number }
}
