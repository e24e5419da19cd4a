/** Top-ups: the customer adds funds to the wallet with a saved card, once per idempotency key. */
import { text } from '../../adapter/memory/text'
import { topUpErrors } from '../../adapter/memory/wallet'
import type { WalletState } from '../../adapter/memory/state'
import type { AddFundsInput, AddFundsResult, Wallet } from '../../adapter/types'
import type { AccountRecord } from '../store/records'
import { type ServiceDeps, localeOf, notFound, requireAccount, validation } from './context'
import { moveMoneyOnce } from './idempotency'
import { issueReceipt } from './invoices'
import { appendEntry, toLedgerEntry } from './ledger'
import { walletView } from './wallet'

/** The memory adapter's validation rules read only the currency and the top-up limits. */
export function walletRules(account: AccountRecord): WalletState {
  const m = (amount: number) => ({ amount, currency: account.currency })
  return {
    currency: account.currency,
    topUp: { min: m(account.topUpMin), max: m(account.topUpMax), presets: account.topUpPresets.map(m) },
  } as WalletState
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
    async commit(scope, charge) {
      const receipt = await issueReceipt(scope)
      const entry = await appendEntry(scope, {
        type: 'top_up',
        status: 'succeeded',
        description: text(localeOf(scope.account)).topUp,
        amount: amount.amount,
        walletDelta: amount.amount,
        wallet: true,
        paymentMethodId: charge?.card.id ?? null,
        invoiceId: receipt.id,
        idempotencyKey: input.idempotencyKey,
      })
      return {
        entry: toLedgerEntry({ ...entry, invoiceNumber: receipt.number }),
        wallet: await walletView(scope.tx, scope.account, scope.wallet, scope.at),
      }
    },
    async answerFor(scope, entry) {
      return { entry: toLedgerEntry(entry), wallet: await walletView(scope.tx, scope.account, scope.wallet, scope.at) }
    },
  })
}
