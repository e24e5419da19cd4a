/** Top-ups: the customer adds funds to the wallet with a saved card, once per idempotency key. */
import { createHash } from 'node:crypto'
import { text } from '../../adapter/memory/text'
import type { AddFundsInput, AddFundsResult, Money, Wallet } from '../../adapter/types'
import { topUpErrors, type WalletLimits } from '../../rules/wallet'
import type { AccountRecord, LedgerRecord } from '../store/records'
import { type ServiceDeps, type WriteScope, iso, localeOf, notFound, requireAccount, validation } from './context'
import { type Charge, moveMoneyOnce } from './idempotency'
import { checkLowBalance } from './alerts'
import { issueReceipt } from './invoices'
import { appendEntry, toLedgerEntry } from './ledger'
import { emit } from './outbox'
import { walletView } from './wallet'

/** What the shared wallet rules check against: the account's currency and top-up limits. */
export function walletRules(account: AccountRecord): WalletLimits {
  const m = (amount: number) => ({ amount, currency: account.currency })
  return { currency: account.currency, topUp: { min: m(account.topUpMin), max: m(account.topUpMax) } }
}

export async function getWallet(deps: ServiceDeps, accountId: string): Promise<Wallet> {
  const account = await requireAccount(deps, accountId)
  const wallet = await deps.store.read.wallet(accountId)
  if (!wallet) throw notFound('wallet')
  return walletView(deps.store.read, account, wallet, deps.now())
}

export function addFunds(deps: ServiceDeps, accountId: string, input: AddFundsInput): Promise<AddFundsResult> {
  const amount = input?.amount
  return moveMoneyOnce<AddFundsResult>(deps, accountId, {
    operation: 'addFunds',
    key: input?.idempotencyKey,
    fingerprint: `addFunds|${amount?.amount}|${amount?.currency}|${input?.paymentMethodId}`,
    async prepare(scope) {
      const errors = topUpErrors(walletRules(scope.account), amount)
      if (errors) throw validation(errors)
      if (typeof input.paymentMethodId !== 'string') throw validation({ paymentMethodId: 'required' })
      const card = await scope.tx.paymentMethod(accountId, input.paymentMethodId)
      if (!card) throw notFound(`payment method ${input.paymentMethodId}`)
      return { card, amount: { ...amount }, description: text(localeOf(scope.account)).topUp }
    },
    commit: (scope, charge) => creditTopUp(deps, scope, amount, charge?.card.id ?? null, input.idempotencyKey),
    answerFor: topUpAnswer,
    pendingAnswer: (scope, charge) => pendingTopUp(scope, charge, input.idempotencyKey),
  })
}

/** A top-up the processor is still working on: shown as pending, the balance untouched. */
async function pendingTopUp(scope: WriteScope, charge: Charge, key: string): Promise<AddFundsResult> {
  return {
    entry: {
      id: `pending_${createHash('sha256').update(`${scope.account.id}\u0000${key}`).digest('hex').slice(0, 20)}`,
      createdAt: iso(scope.at),
      type: 'top_up',
      status: 'pending',
      description: charge.description,
      amount: { ...charge.amount },
      balanceAfter: null,
      usage: null,
      invoice: null,
      paymentMethodId: charge.card.id,
      failureReason: null,
    },
    wallet: await walletView(scope.tx, scope.account, scope.wallet, scope.at),
  }
}

/**
 * A paid top-up's effect: a receipt, the credit tagged with the client's key, and the response
 * every retry replays. Also written by a processor's webhook for a top-up whose instance died.
 */
export async function creditTopUp(
  deps: ServiceDeps,
  scope: WriteScope,
  amount: Money,
  paymentMethodId: string | null,
  key: string,
): Promise<AddFundsResult> {
  const receipt = await issueReceipt(scope)
  const entry = await appendEntry(scope, {
    type: 'top_up',
    status: 'succeeded',
    description: text(localeOf(scope.account)).topUp,
    amount: amount.amount,
    walletDelta: amount.amount,
    wallet: true,
    paymentMethodId,
    invoiceId: receipt.id,
    idempotencyKey: key,
  })
  await checkLowBalance(deps, scope)
  await emit(
    deps,
    scope,
    'wallet.top_up.succeeded',
    {
      entryId: entry.id,
      amount: { ...amount },
      balance: { amount: scope.wallet.balance, currency: scope.account.currency },
      receipt: { id: receipt.id, number: receipt.number },
    },
    { kind: 'receipt', entryId: entry.id },
  )
  return topUpAnswer(scope, { ...entry, invoiceNumber: receipt.number })
}

/** The response for a top-up whose entry exists. */
export async function topUpAnswer(scope: WriteScope, entry: LedgerRecord): Promise<AddFundsResult> {
  return { entry: toLedgerEntry(entry), wallet: await walletView(scope.tx, scope.account, scope.wallet, scope.at) }
}
