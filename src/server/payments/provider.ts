/**
 * What the billing service needs from a card processor. The simulated one below answers like
 * Stripe's test cards; `react-billing-panel/server/stripe` is the real one.
 */
import type { BillingProfile, CardBrand, CardWallet, Money } from '../../adapter/types'

export interface CardDetails {
  brand: CardBrand
  last4: string
  expMonth: number | null
  expYear: number | null
  wallet?: CardWallet | null
  holderName?: string | null
  /** The processor's own id for the card (Stripe's `pm_…`), used when charging it. */
  providerId?: string | null
}

export interface ChargeCard {
  id: string
  providerId: string | null
  brand: string
  last4: string
  expMonth: number | null
  expYear: number | null
}

export interface ChargeRequest {
  accountId: string
  card: ChargeCard
  amount: Money
  /**
   * Unique per account and movement; forwarded as the processor's own idempotency key, so a
   * retried or taken-over charge is the same charge at the processor too.
   */
  idempotencyKey: string
  /** `off` for auto-recharge, where nobody can answer a 3-D Secure challenge. */
  session: 'on' | 'off'
  /** The customer already answered the 3-D Secure challenge for this key. */
  authenticated: boolean
  description: string
}

export type ChargeOutcome =
  | { status: 'succeeded'; reference?: string | null }
  | { status: 'declined'; declineCode: string }
  | { status: 'requires_action'; clientSecret: string }
  /** Accepted but not final (Stripe's `processing`): nothing is credited until the processor reports success. */
  | { status: 'pending'; reference?: string | null }

export interface PaymentProvider {
  createSetupIntent(input: { accountId: string }): Promise<{ id: string; clientSecret: string }>
  /** The card a confirmed SetupIntent saved, read from the processor (never from the browser). */
  cardFromSetupIntent(input: {
    accountId: string
    setupIntentId: string
    paymentMethodId: string | null
    now: Date
  }): Promise<CardDetails>
  charge(request: ChargeRequest, now: Date): Promise<ChargeOutcome>
  /**
   * The outcome of an earlier charge made with this idempotency key, or null when the
   * processor has none. Asked before a charge abandoned by a crashed instance is retried.
   */
  findCharge?(request: ChargeRequest, now: Date): Promise<ChargeOutcome | null>
  /** A saved card was removed: stop the processor keeping it for the customer. */
  detachPaymentMethod?(input: { accountId: string; providerId: string }): Promise<void>
  /** A card became the default: the processor's own default (Stripe Billing invoices) follows. */
  setDefaultPaymentMethod?(input: { accountId: string; providerId: string }): Promise<void>
  /** The billing profile changed; a processor that mirrors it to its customer does so. */
  updateCustomer?(input: { accountId: string; profile: BillingProfile }): Promise<void>
}
