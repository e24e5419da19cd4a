/**
 * Auto-recharge: when the paid balance is at or below the threshold, the default card is charged
 * off-session once (`fixed`: the amount; `target`: up to the amount). A charge that would pass
 * the monthly cap is skipped whole; three failures in a row pause it (`card_declined`); no
 * default card pauses it (`no_payment_method`). A success, a new default card or saving the
 * settings re-arms it. A lease on the wallet row means one recharge in flight per account,
 * across instances; a lease left by a crashed instance is settled from the processor's record
 * of its key before another recharge starts.
 */
import { text } from '../../adapter/memory/text'
import type { AutoRechargeSettings, Wallet } from '../../adapter/types'
import {
  MAX_CONSECUTIVE_FAILURES,
  autoRechargeErrors,
  exceedsMonthlyCap,
  monthOf,
  rechargeAmount,
} from '../../rules/wallet'
import type { ServiceContext } from '../handler'
import type { ChargeOutcome, ChargeRequest } from '../payments/provider'
import type { AutoRechargeRecord } from '../store/records'
import { type ServiceDeps, type WriteScope, iso, localeOf, newId, requireAccount, validation, write } from './context'
import { checkLowBalance } from './alerts'
import { onceWrite } from './idempotency'
import { issueReceipt } from './invoices'
import { appendEntry } from './ledger'
import { emit, enqueue } from './outbox'
import { chargedThisMonth, currentWalletView, rechargeSettings } from './wallet'
import { walletRules } from './top-ups'

/** After the n-th failure in a row: 15 minutes, then an hour. */
export const rechargeRetryDelayMs = (failures: number) => (failures <= 1 ? 15 : 60) * 60_000

interface Lease {
  until: string
  request: ChargeRequest
}

export const readLease = (value: string | null): Lease | null => (value ? (JSON.parse(value) as Lease) : null)

async function saveSettings(scope: WriteScope, patch: Partial<AutoRechargeRecord>) {
  const current = rechargeSettings(scope.account, await scope.tx.autoRecharge(scope.account.id))
  await scope.tx.saveAutoRecharge(scope.account.id, { ...current, ...patch }, iso(scope.at))
}

/** Clears a pause after something that may fix it (a success, a new default card). */
export async function rearm(scope: WriteScope): Promise<void> {
  const stored = await scope.tx.autoRecharge(scope.account.id)
  if (stored && (stored.pausedReason || stored.consecutiveFailures > 0)) {
    await saveSettings(scope, { pausedReason: null, pausedSince: null, consecutiveFailures: 0 })
  }
}

/** Inside a transaction: what to charge now, if anything; records the outcomes that need no charge. */
async function plan(deps: ServiceDeps, scope: WriteScope): Promise<ChargeRequest | null> {
  const { tx, account, wallet, at } = scope
  const r = rechargeSettings(account, await tx.autoRecharge(account.id))
  if (!r.enabled || r.pausedReason) return null
  if (wallet.balance > r.threshold) return null
  const card = await tx.defaultPaymentMethod(account.id)
  if (!card) {
    await saveSettings(scope, { pausedReason: 'no_payment_method', pausedSince: iso(at) })
    await emit(
      deps,
      scope,
      'auto_recharge.paused',
      { reason: 'no_payment_method', consecutiveFailures: r.consecutiveFailures },
      { kind: 'auto_recharge_paused' },
    )
    return null
  }
  const amount = rechargeAmount(r, wallet.balance)
  if (amount <= 0) return null
  if (exceedsMonthlyCap(r.monthlyCap, chargedThisMonth(r, at), amount)) {
    await tx.insertRechargeAttempt(account.id, {
      at: iso(at),
      outcome: 'skipped_cap',
      amount,
      declineCode: null,
      entryId: null,
    })
    return null
  }
  return {
    accountId: account.id,
    card,
    amount: { amount, currency: account.currency },
    idempotencyKey: `${account.id}:autoRecharge:${newId('ar')}`,
    session: 'off',
    authenticated: false,
    description: text(localeOf(account)).autoRecharge,
  }
}

/** Writes a recharge's outcome and clears the lease; also called for the processor's own report of it. */
export async function settle(
  deps: ServiceDeps,
  scope: WriteScope,
  request: ChargeRequest,
  outcome: ChargeOutcome,
): Promise<string | null> {
  const { tx, account, at } = scope
  if (outcome.status === 'pending') {
    // Accepted but not final (Stripe's `processing`): the lease stays, so no second recharge starts;
    // the processor's report settles it, or a takeover once the lease ends asks the processor again.
    const until = iso(new Date(at.getTime() + deps.leaseMs))
    await tx.setRechargeLease(account.id, JSON.stringify({ until, request } satisfies Lease))
    return null
  }
  const amount = request.amount.amount
  const description = text(localeOf(account)).autoRecharge
  await tx.setRechargeLease(account.id, null)
  const fenced = await tx.entryByKey(account.id, request.idempotencyKey)
  if (fenced) return fenced.id
  const r = rechargeSettings(account, await tx.autoRecharge(account.id))
  const money = (value: number) => ({ amount: value, currency: account.currency })
  if (outcome.status === 'succeeded') {
    const receipt = await issueReceipt(scope)
    const entry = await appendEntry(scope, {
      type: 'auto_recharge',
      status: 'succeeded',
      description,
      amount,
      walletDelta: amount,
      wallet: true,
      paymentMethodId: request.card.id,
      invoiceId: receipt.id,
      idempotencyKey: request.idempotencyKey,
    })
    await tx.insertRechargeAttempt(account.id, {
      at: iso(at),
      outcome: 'succeeded',
      amount,
      declineCode: null,
      entryId: entry.id,
    })
    await saveSettings(scope, {
      consecutiveFailures: 0,
      pausedReason: null,
      pausedSince: null,
      chargedMonth: monthOf(at),
      chargedAmount: chargedThisMonth(r, at) + amount,
    })
    await checkLowBalance(deps, scope)
    await emit(
      deps,
      scope,
      'auto_recharge.succeeded',
      {
        entryId: entry.id,
        amount: money(amount),
        balance: money(scope.wallet.balance),
        receipt: { id: receipt.id, number: receipt.number },
      },
      { kind: 'receipt', entryId: entry.id },
    )
    return entry.id
  }
  // Off-session, a 3-D Secure request cannot be answered: it fails like Stripe's authentication_required.
  const declineCode = outcome.status === 'declined' ? outcome.declineCode : 'authentication_required'
  const entry = await appendEntry(scope, {
    type: 'auto_recharge',
    status: 'failed',
    description,
    amount,
    walletDelta: 0,
    wallet: true,
    paymentMethodId: request.card.id,
    failureReason: declineCode,
    idempotencyKey: request.idempotencyKey,
  })
  await tx.insertRechargeAttempt(account.id, { at: iso(at), outcome: 'failed', amount, declineCode, entryId: entry.id })
  const failures = r.consecutiveFailures + 1
  const paused = failures >= MAX_CONSECUTIVE_FAILURES
  await saveSettings(
    scope,
    paused
      ? { consecutiveFailures: failures, pausedReason: 'card_declined', pausedSince: iso(at) }
      : { consecutiveFailures: failures },
  )
  await emit(deps, scope, 'auto_recharge.failed', {
    entryId: entry.id,
    amount: money(amount),
    declineCode,
    consecutiveFailures: failures,
  })
  if (paused) {
    await emit(
      deps,
      scope,
      'auto_recharge.paused',
      { reason: 'card_declined', consecutiveFailures: failures },
      { kind: 'auto_recharge_paused' },
    )
  } else {
    // Tried again later even if no more usage comes, until it succeeds or pauses.
    await enqueue(scope, 'auto_recharge', null, {
      dedupeKey: `auto_recharge:${account.id}`,
      runAt: new Date(at.getTime() + rechargeRetryDelayMs(failures)),
    })
  }
  return entry.id
}

/** A recharge settled from an abandoned lease (its entry id, or null while still pending), or a charge to make. */
type RechargeClaim = { settled: string | null } | { request: ChargeRequest } | null

/**
 * Runs auto-recharge after a change that may have lowered the balance. Returns the ledger entry
 * it wrote (succeeded or failed), or null when none was due, another one is in flight, or the
 * processor is still working on it.
 */
export async function runAutoRecharge(deps: ServiceDeps, accountId: string): Promise<string | null> {
  const claim = await write<RechargeClaim>(deps, accountId, async (scope) => {
    const lease = readLease(scope.wallet.rechargeLease)
    if (lease && Date.parse(lease.until) > scope.at.getTime()) return null
    if (lease) {
      // Left by an instance that died mid-charge: settle it from the processor's record first.
      const known = deps.payments.findCharge ? await deps.payments.findCharge(lease.request, scope.at) : null
      if (known) return { settled: await settle(deps, scope, lease.request, known) }
      await scope.tx.setRechargeLease(accountId, null)
    }
    const request = await plan(deps, scope)
    if (!request) return null
    const until = iso(new Date(scope.at.getTime() + deps.leaseMs))
    await scope.tx.setRechargeLease(accountId, JSON.stringify({ until, request } satisfies Lease))
    return { request }
  })
  if (!claim) return null
  if ('settled' in claim) return claim.settled
  let outcome: ChargeOutcome
  try {
    outcome = await deps.payments.charge(claim.request, deps.now())
  } catch {
    outcome = { status: 'declined', declineCode: 'processing_error' }
  }
  return write(deps, accountId, (scope) => settle(deps, scope, claim.request, outcome))
}

export async function updateAutoRecharge(
  deps: ServiceDeps,
  accountId: string,
  settings: AutoRechargeSettings,
  context?: ServiceContext,
): Promise<Wallet> {
  const account = await requireAccount(deps, accountId)
  const errors = autoRechargeErrors(walletRules(account), settings)
  if (errors) throw validation(errors)
  await onceWrite(deps, accountId, context, 'updateAutoRecharge', settings, async (scope) => {
    await saveSettings(scope, {
      enabled: settings.enabled,
      threshold: settings.threshold.amount,
      mode: settings.mode,
      amount: settings.amount.amount,
      monthlyCap: settings.monthlyCap ? settings.monthlyCap.amount : null,
      consecutiveFailures: 0,
      pausedReason: null,
      pausedSince: null,
    })
    return null
  })
  // Turning it on while already at or below the threshold charges at once.
  await runAutoRecharge(deps, accountId)
  return currentWalletView(deps, account)
}
