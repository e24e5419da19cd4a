/**
 * A processor that needs no network, for development, demos and tests: it answers like Stripe's
 * test cards (last 4 "0002" declines, "9995" has insufficient funds, "3155" asks for 3-D Secure,
 * an expired card is declined) and remembers each idempotency key's outcome, as Stripe does.
 */
import { randomBytes } from 'node:crypto'
import { cardDetailsFor, chargeCard } from '../../adapter/memory/cards'
import type { PaymentMethod } from '../../adapter/types'
import type { ChargeOutcome, PaymentProvider } from './provider'

const hex = (bytes: number) => randomBytes(bytes).toString('hex')

export interface SimulatedPayments extends PaymentProvider {
  /** How many charges reached the processor (a replayed key is not a new charge). */
  readonly charges: number
}

export function createSimulatedPayments(): SimulatedPayments {
  let cards = 0
  let charges = 0
  const byKey = new Map<string, ChargeOutcome>()
  return {
    get charges() {
      return charges
    },
    async createSetupIntent() {
      const id = `seti_${hex(12)}`
      return { id, clientSecret: `${id}_secret_${hex(12)}` }
    },
    async cardFromSetupIntent({ paymentMethodId, now }) {
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
    async charge(request, now) {
      const known = byKey.get(request.idempotencyKey)
      if (known && !(known.status === 'requires_action' && request.authenticated)) return known
      charges += 1
      const outcome = chargeCard(request.card as unknown as PaymentMethod, now, request.session)
      let result: ChargeOutcome
      if (outcome.ok) result = { status: 'succeeded', reference: `pi_${hex(12)}` }
      else if ('requiresAction' in outcome)
        result = request.authenticated
          ? { status: 'succeeded', reference: `pi_${hex(12)}` }
          : { status: 'requires_action', clientSecret: `pi_${hex(12)}_secret_${hex(12)}` }
      else result = { status: 'declined', declineCode: outcome.declineCode }
      byKey.set(request.idempotencyKey, result)
      return result
    },
    async findCharge(request) {
      return byKey.get(request.idempotencyKey) ?? null
    },
  }
}
