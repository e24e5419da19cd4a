/**
 * The card processor behind the example service. The default simulates Stripe's test cards with
 * the memory adapter's rules (last 4 "0002" declines, "9995" has insufficient funds, "3155"
 * asks for 3-D Secure); a host passes its own Stripe calls as `stripe` to charge for real.
 */
import { randomBytes } from 'node:crypto'
import { cardDetailsFor, chargeCard } from '../src/adapter/memory/cards'
import type { CardBrand, CardWallet, Money, PaymentMethod } from '../src/adapter/types'

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

export interface ChargeRequest {
  accountId: string
  card: PaymentMethod & { providerId: string | null }
  amount: Money
  /** Forwarded to the processor, so its side is idempotent too. */
  idempotencyKey: string
  /** `off` for auto-recharge, where nobody can answer a 3-D Secure challenge. */
  session: 'on' | 'off'
  /** The customer already answered the 3-D Secure challenge for this key. */
  authenticated: boolean
  description: string
}

export type ChargeOutcome =
  | { status: 'succeeded' }
  | { status: 'declined'; declineCode: string }
  | { status: 'requires_action'; clientSecret: string }

/**
 * What the service needs from a processor. Each call may answer synchronously or with a
 * promise; a synchronous processor lets every money movement run inside one database
 * transaction, an asynchronous one is bracketed by a reservation (see the service).
 */
export interface PaymentProvider {
  createSetupIntent(input: {
    accountId: string
  }): { id: string; clientSecret: string } | Promise<{ id: string; clientSecret: string }>
  /** The card a confirmed SetupIntent saved. */
  cardFromSetupIntent(input: {
    accountId: string
    setupIntentId: string
    paymentMethodId: string | null
    now: Date
  }): CardDetails | Promise<CardDetails>
  charge(request: ChargeRequest, now: Date): ChargeOutcome | Promise<ChargeOutcome>
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex')

export function createSimulatedPayments(): PaymentProvider {
  let cards = 0
  return {
    createSetupIntent() {
      const id = `seti_${hex(12)}`
      return { id, clientSecret: `${id}_secret_${hex(12)}` }
    },
    cardFromSetupIntent({ paymentMethodId, now }) {
      cards += 1
      const { brand, last4 } = cardDetailsFor(paymentMethodId, cards)
      return {
        brand,
        last4,
        expMonth: now.getUTCMonth() + 1,
        expYear: now.getUTCFullYear() + 4,
        providerId: paymentMethodId,
      }
    },
    charge(request, now) {
      const outcome = chargeCard(request.card, now, request.session)
      if (outcome.ok) return { status: 'succeeded' }
      if ('requiresAction' in outcome) {
        return request.authenticated
          ? { status: 'succeeded' }
          : { status: 'requires_action', clientSecret: `pi_${hex(12)}_secret_${hex(12)}` }
      }
      return { status: 'declined', declineCode: outcome.declineCode }
    },
  }
}
