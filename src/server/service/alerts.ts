/**
 * Balance alerts, apart from auto-recharge: when the paid balance falls to or below the
 * account's alert threshold (zero when it set none), `wallet.low_balance` goes out once, and
 * again only after the balance has been back above it.
 */
import { notificationErrors } from '../../rules/wallet'
import type { Wallet, WalletNotifications } from '../../adapter/types'
import type { ServiceContext } from '../handler'
import type { WalletAlertsRecord } from '../store/wallet-work-queries'
import { type ServiceDeps, type WriteScope, requireAccount, validation } from './context'
import { onceWrite } from './idempotency'
import { emit } from './outbox'
import { currentWalletView } from './wallet'

export const DEFAULT_ALERTS: WalletAlertsRecord = {
  lowBalanceThreshold: null,
  lowBalanceEmail: false,
  lowBalanceArmed: true,
}

/** Call in any transaction that moved the balance. */
export async function checkLowBalance(deps: ServiceDeps, scope: WriteScope): Promise<void> {
  const { tx, account, wallet, at } = scope
  const alerts = (await tx.walletAlerts(account.id)) ?? DEFAULT_ALERTS
  const threshold = alerts.lowBalanceThreshold ?? 0
  const low = wallet.balance <= threshold
  if (low === !alerts.lowBalanceArmed) return
  await tx.saveWalletAlerts(account.id, { ...alerts, lowBalanceArmed: !low }, at.toISOString())
  if (!low) return
  const money = (amount: number) => ({ amount, currency: account.currency })
  await emit(
    deps,
    scope,
    'wallet.low_balance',
    { balance: money(wallet.balance), threshold: money(threshold) },
    { kind: 'low_balance' },
  )
}

/**
 * The wallet's emails: the alert threshold (`wallet.low_balance` and, with it, the email) and the
 * billing profile's receipts setting, saved together; answers the wallet as it is now.
 */
export async function updateWalletNotifications(
  deps: ServiceDeps,
  accountId: string,
  input: WalletNotifications,
  context?: ServiceContext,
): Promise<Wallet> {
  const account = await requireAccount(deps, accountId)
  const profile = await deps.store.read.profile(accountId)
  const errors = notificationErrors(account.currency, input, Boolean(profile?.email))
  if (errors) throw validation(errors)
  await onceWrite(deps, accountId, context, 'updateWalletNotifications', input, async (scope) => {
    const at = scope.at.toISOString()
    // A new threshold is judged afresh: an account already below it hears about it now.
    await scope.tx.saveWalletAlerts(
      accountId,
      {
        lowBalanceThreshold: input.lowBalanceEmail ? input.lowBalanceEmail.amount : null,
        lowBalanceEmail: input.lowBalanceEmail !== null,
        lowBalanceArmed: true,
      },
      at,
    )
    const current = await scope.tx.profile(accountId)
    if (current && current.walletReceipts !== input.receipts) {
      await scope.tx.saveProfile(accountId, { ...current, walletReceipts: input.receipts }, at)
    }
    await checkLowBalance(deps, scope)
    return null
  })
  return currentWalletView(deps, account)
}
