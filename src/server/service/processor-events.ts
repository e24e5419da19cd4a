/**
 * What the card processor tells us on its own (webhooks): a charge's outcome, refunds,
 * disputes, card changes. Each use case is safe to run twice and in any order, because each
 * reuses the fence its state already has: a top-up's idempotency row and the ledger's unique key,
 * the auto-recharge lease, the refunded total per charge, a dispute's id. A charge whose
 * instance died between the processor's success and our ledger write is settled here.
 */
import { isBillingError } from '../../adapter/errors'
import { text } from '../../adapter/memory/text'
import type { AddFundsResult, Money, PaymentMethod } from '../../adapter/types'
import type { ChargeOutcome } from '../payments/provider'
import type { ProcessorDisputeRecord } from '../store/stripe-queries'
import { settle as settleRecharge, readLease } from './auto-recharge'
import { type ServiceDeps, iso, localeOf, write } from './context'
import { type Charge, type MoneyMovement, settle } from './idempotency'
import { appendEntry } from './ledger'
import { attachPaymentMethod } from './payment-methods'
import { creditTopUp, topUpAnswer } from './top-ups'

export interface ProcessorChargeReport {
  accountId: string
  /** The key the charge was made with: `ChargeRequest.idempotencyKey`. */
  processorKey: string
  /** Our id of the card it charged. */
  paymentMethodId: string
  amount: Money
  /** Only final outcomes settle anything; a charge still waiting for 3-D Secure is not reported. */
  outcome: Extract<ChargeOutcome, { status: 'succeeded' | 'declined' }>
}

/** `settled`: this call wrote the outcome; `already`: it had been written; `unknown`: nothing of ours is waiting for it. */
export type SettleResult = 'settled' | 'already' | 'unknown'

export interface ProcessorEvents {
  /** Whether the processor event was already handled. */
  seen(eventId: string): Promise<boolean>
  /** Records a handled event, after its effect (a crash in between only repeats a safe effect). */
  record(eventId: string, type: string): Promise<void>
  settleCharge(report: ProcessorChargeReport): Promise<SettleResult>
  /** The charge's refunded total grew: a refund entry for the difference. Returns its id, or null. */
  refund(input: { intentId: string; refundedTotal: number }): Promise<string | null>
  /** Records a dispute on one of our charges; true when it was new. */
  recordDispute(input: ProcessorDisputeRecord): Promise<boolean>
  disputes(accountId: string): Promise<ProcessorDisputeRecord[]>
  /** The processor updated a saved card (new expiry, or a reissued number). */
  refreshCard(input: {
    providerId: string
    brand: string
    last4: string
    expMonth: number | null
    expYear: number | null
  }): Promise<boolean>
  /** The processor no longer holds the card: it cannot be charged, so it is removed here too. */
  removeCard(input: { providerId: string }): Promise<boolean>
  /** A SetupIntent of ours succeeded (maybe in another tab): the card is attached once. */
  attachFromSetupIntent(input: {
    accountId: string
    setupIntentId: string
    paymentMethodId: string | null
  }): Promise<PaymentMethod | null>
}

/** `<account>:<operation>:<key>` → the key our own rows carry (the client's key for top-ups and plan changes). */
function ownKey(accountId: string, processorKey: string): { operation: string; key: string } | null {
  if (!processorKey.startsWith(`${accountId}:`)) return null
  const rest = processorKey.slice(accountId.length + 1)
  const colon = rest.indexOf(':')
  if (colon < 0) return null
  const operation = rest.slice(0, colon)
  // Auto-recharge entries are tagged with the processor key itself.
  return { operation, key: operation === 'autoRecharge' ? processorKey : rest.slice(colon + 1) }
}

/** The top-up as `addFunds` settles it, so a later retry replays what the webhook wrote. */
function topUpMovement(deps: ServiceDeps, report: ProcessorChargeReport, key: string): MoneyMovement<AddFundsResult> {
  const { amount, paymentMethodId } = report
  return {
    operation: 'addFunds',
    key,
    fingerprint: `addFunds|${amount.amount}|${amount.currency}|${paymentMethodId}`,
    prepare: async () => null,
    commit: (scope) => creditTopUp(deps, scope, amount, paymentMethodId, key),
    answerFor: topUpAnswer,
  }
}

async function settleCharge(deps: ServiceDeps, report: ProcessorChargeReport): Promise<SettleResult> {
  const { accountId, processorKey, outcome } = report
  const own = ownKey(accountId, processorKey)
  if (!own) return 'unknown'
  if (own.operation === 'autoRecharge') {
    return write(deps, accountId, async (scope) => {
      const lease = readLease(scope.wallet.rechargeLease)
      if (lease?.request.idempotencyKey === processorKey) {
        await settleRecharge(deps, scope, lease.request, outcome)
        return 'settled'
      }
      return (await scope.tx.entryByKey(accountId, processorKey)) ? 'already' : 'unknown'
    })
  }
  if (own.operation !== 'addFunds') return 'unknown'
  const record = await deps.store.read.idempotencyKey(accountId, own.key)
  if (!record) return 'unknown'
  if (record.state === 'done') return 'already'
  const spec = topUpMovement(deps, report, own.key)
  // The report must describe the top-up that claimed the key, or it settles nothing.
  if (record.fingerprint !== spec.fingerprint) return 'unknown'
  // `commit` reads only the card's id; the rest of a ChargeCard is not needed to write the credit.
  const charge: Charge = {
    card: { id: report.paymentMethodId, providerId: null, brand: 'unknown', last4: '', expMonth: null, expYear: null },
    amount: report.amount,
    description: '',
  }
  try {
    await settle(deps, accountId, spec, record.attempt, charge, outcome)
  } catch (error) {
    // A declined outcome is stored like any other, and reported to the caller as card_declined.
    if (!(isBillingError(error) && error.code === 'card_declined')) throw error
  }
  return 'settled'
}

async function refund(deps: ServiceDeps, input: { intentId: string; refundedTotal: number }): Promise<string | null> {
  const known = await deps.store.read.processorChargeByIntent(input.intentId)
  if (!known || !Number.isSafeInteger(input.refundedTotal)) return null
  return write(deps, known.accountId, async (scope) => {
    const { tx, account } = scope
    const charge = await tx.processorChargeByIntent(input.intentId)
    // Refund events carry the running total: an older (smaller) total arriving late changes nothing.
    if (!charge || input.refundedTotal <= charge.refundedAmount) return null
    const own = ownKey(account.id, charge.processorKey)
    const original = own ? await tx.entryByKey(account.id, own.key) : undefined
    if (original?.status !== 'succeeded' || original.amount === null) return null
    const amount = Math.min(input.refundedTotal, original.amount) - charge.refundedAmount
    if (amount <= 0) return null
    // Money that reached the wallet leaves it; a card charge for a subscription only gets its entry.
    const credited = original.walletDelta > 0
    const entry = await appendEntry(scope, {
      type: 'refund',
      status: 'succeeded',
      description: text(localeOf(account)).refund(original.description),
      amount,
      walletDelta: credited ? -amount : 0,
      wallet: original.balanceAfter !== null,
      paymentMethodId: original.paymentMethodId,
      invoiceId: original.invoiceId,
      idempotencyKey: `refund:${input.intentId}:${input.refundedTotal}`,
    })
    await tx.setProcessorRefunded(input.intentId, charge.refundedAmount + amount)
    return entry.id
  })
}

async function recordDispute(deps: ServiceDeps, input: ProcessorDisputeRecord): Promise<boolean> {
  const known = input.intentId ? await deps.store.read.processorChargeByIntent(input.intentId) : undefined
  if (!known) return false
  return write(deps, known.accountId, (scope) => scope.tx.insertProcessorDispute(known.accountId, input))
}

export function createProcessorEvents(deps: ServiceDeps): ProcessorEvents {
  const reads = deps.store.read
  return {
    seen: (eventId) => reads.processorEventSeen(eventId),
    async record(eventId, type) {
      await deps.store.transaction((tx) => tx.insertProcessorEvent(eventId, type, iso(deps.now())))
    },
    settleCharge: (report) => settleCharge(deps, report),
    refund: (input) => refund(deps, input),
    recordDispute: (input) => recordDispute(deps, input),
    disputes: (accountId) => reads.processorDisputes(accountId),
    async refreshCard({ providerId, ...card }) {
      const owner = await reads.processorCardOwner(providerId)
      if (!owner) return false
      await write(deps, owner.accountId, (scope) => scope.tx.updateCardDetails(owner.accountId, owner.id, card))
      return true
    },
    async removeCard({ providerId }) {
      const owner = await reads.processorCardOwner(providerId)
      if (!owner) return false
      await write(deps, owner.accountId, (scope) =>
        scope.tx.removePaymentMethod(owner.accountId, owner.id, iso(scope.at)),
      )
      return true
    },
    async attachFromSetupIntent({ accountId, setupIntentId, paymentMethodId }) {
      // Only a SetupIntent this service created for the account can attach a card to it.
      if (!(await reads.setupIntent(accountId, setupIntentId))) return null
      return attachPaymentMethod(deps, accountId, { setupIntentId, paymentMethodId, makeDefault: false })
    },
  }
}
